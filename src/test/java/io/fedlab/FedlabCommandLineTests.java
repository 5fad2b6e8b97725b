package io.fedlab;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.fedlab.FedlabCommandLine.Launch;
import io.fedlab.FedlabCommandLine.Mode;

import static org.assertj.core.api.Assertions.assertThat;

class FedlabCommandLineTests {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private Launch parse(String... args) {
		return FedlabCommandLine.parse(args, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	private String out() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	private String err() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

	@Test
	void parseWhenNoArgumentsThenWebAppAsBefore() {
		Launch launch = parse();
		assertThat(launch.mode()).isEqualTo(Mode.WEB_APP);
		assertThat(launch.args()).isEmpty();
		assertThat(out()).isEmpty();
		assertThat(err()).isEmpty();
	}

	@Test
	void parseWhenSpringPropertiesThenWebAppWithThemUnchanged() {
		Launch launch = parse("--server.port=9090", "--spring.profiles.active=aws,redis",
				"--app.logout.mode=cognito-only", "--debug", "--local.users[0]=x", "--app.base-url=");
		assertThat(launch.mode()).isEqualTo(Mode.WEB_APP);
		assertThat(launch.args()).containsExactly("--server.port=9090", "--spring.profiles.active=aws,redis",
				"--app.logout.mode=cognito-only", "--debug", "--local.users[0]=x", "--app.base-url=");
		assertThat(err()).isEmpty();
	}

	@Test
	void parseWhenHelpAskedAnyWayThenEveryModeOnStandardOutputAndExitZero() {
		for (String[] args : new String[][] { { "--help" }, { "-h" }, { "help" } }) {
			this.out.reset();
			Launch launch = parse(args);
			assertThat(launch.mode()).as(args[0]).isEqualTo(Mode.EXIT);
			assertThat(launch.exitCode()).as(args[0]).isZero();
			assertThat(out()).as(args[0])
				.contains("Usage: java -jar fedlab.jar [--<property>=<value>...]", "emulators [--only cognito|auth0]",
						"setup --config", "doctor --config", "--server.port=9090",
						"-Dspring-boot.run.arguments=--app.logout.mode=cognito-only");
		}
		assertThat(err()).isEmpty();
	}

	@Test
	void parseWhenCommandHelpThenThatCommandsUsage() {
		assertThat(parse("emulators", "--help").exitCode()).isZero();
		assertThat(out()).contains("emulators [--only cognito|auth0]", "--only=cognito|auth0", "app.env");
		this.out.reset();
		assertThat(parse("help", "emulators").exitCode()).isZero();
		assertThat(out()).contains("--only=cognito|auth0");
		this.out.reset();
		assertThat(parse("help", "doctor").exitCode()).isZero();
		assertThat(out()).contains("java -jar fedlab.jar doctor --config=<file>", "--pool-id", "--json");
	}

	@Test
	void parseWhenUnknownCommandThenUsageOnStandardErrorAndExitTwo() {
		Launch launch = parse("doctr", "--config", "x");
		assertThat(launch.mode()).isEqualTo(Mode.EXIT);
		assertThat(launch.exitCode()).isEqualTo(2);
		assertThat(err()).startsWith("error: unknown command 'doctr'").contains("Usage: java -jar fedlab.jar");
		assertThat(out()).isEmpty();
	}

	@Test
	void parseWhenPropertyWithoutEqualsOrUnknownOptionThenRefused() {
		assertThat(parse("--server.port", "9090").exitCode()).isEqualTo(2);
		assertThat(err()).contains("unknown option '--server.port' (Spring Boot properties are written --name=value)");
		this.err.reset();
		assertThat(parse("-x").exitCode()).isEqualTo(2);
		assertThat(err()).contains("unknown option '-x'");
		this.err.reset();
		assertThat(parse("help", "doctr").exitCode()).isEqualTo(2);
		assertThat(err()).contains("doctr");
	}

	@Test
	void parseWhenEmulatorsThenArgumentsAfterTheCommandAndWrongOnesRefused() {
		Launch launch = parse("emulators", "--only", "cognito", "--local.auth0-port=0");
		assertThat(launch.mode()).isEqualTo(Mode.EMULATORS);
		assertThat(launch.args()).containsExactly("--only", "cognito", "--local.auth0-port=0");
		assertThat(parse("emulators", "--only=auth0").args()).containsExactly("--only=auth0");
		assertThat(parse("emulators").mode()).isEqualTo(Mode.EMULATORS);

		assertThat(parse("emulators", "--only", "okta").exitCode()).isEqualTo(2);
		assertThat(err()).contains("--only okta: use cognito or auth0", "Usage: java -jar fedlab.jar emulators");
		this.err.reset();
		assertThat(parse("emulators", "--bogus").exitCode()).isEqualTo(2);
		assertThat(err()).contains("unknown option '--bogus'");
		this.err.reset();
		assertThat(parse("emulators", "--only").exitCode()).isEqualTo(2);
		assertThat(err()).contains("--only");
	}

	@Test
	void parseWhenSetupOrDoctorThenLeftToProvisioningWithAllArguments() {
		Launch launch = parse("doctor", "--config", "x.yml", "--json");
		assertThat(launch.mode()).isEqualTo(Mode.PROVISIONING);
		assertThat(launch.args()).containsExactly("doctor", "--config", "x.yml", "--json");
	}

}

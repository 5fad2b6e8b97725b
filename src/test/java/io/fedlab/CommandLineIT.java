package io.fedlab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.fedlab.support.PackagedJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The packaged jar's command line, run as a process exactly as a newcomer types it: the
 * usage and every wrong argument end the process at once, with the right exit code,
 * before anything is started. Should a regression start the stack after all, the
 * environment points every port at a free one and the data folder at a temporary one, so
 * a developer's stack on the default ports is never disturbed, and the test fails because
 * the process does not end or leaves a data folder behind.
 */
class CommandLineIT {

	static final Path ROOT = Path.of("").toAbsolutePath();

	@TempDir
	Path work;

	@Test
	void jarWhenHelpAskedAnyWayThenEveryModePrintedExitZeroAndNothingStarted() throws Exception {
		for (String help : List.of("--help", "-h", "help")) {
			Run run = run(help);
			assertThat(run.exitCode()).as(help).isZero();
			assertThat(run.stdout()).as(help)
				.contains("Usage: java -jar fedlab.jar [--<property>=<value>...]",
						"java -jar fedlab.jar emulators [--only cognito|auth0]", "java -jar fedlab.jar setup --config",
						"java -jar fedlab.jar doctor --config", "Without a command: the web app");
			assertThat(run.stderr()).as(help).isEmpty();
			assertNothingStarted(run);
		}
	}

	@Test
	void jarWhenCommandHelpThenItsUsageExitZeroAndNothingStarted() throws Exception {
		Run emulators = run("emulators", "--help");
		assertThat(emulators.exitCode()).isZero();
		assertThat(emulators.stdout()).contains("Usage: java -jar fedlab.jar emulators", "--only=cognito|auth0");
		assertNothingStarted(emulators);
		Run setup = run("setup", "--help");
		assertThat(setup.exitCode()).isZero();
		assertThat(setup.stdout()).contains("Usage: java -jar fedlab.jar setup --config=<file>", "--dry-run",
				"java -jar fedlab.jar --help");
		assertNothingStarted(setup);
		Run doctor = run("doctor", "-h");
		assertThat(doctor.exitCode()).isZero();
		assertThat(doctor.stdout()).contains("Usage: java -jar fedlab.jar doctor --config=<file>", "--pool-id");
	}

	@Test
	void jarWhenUnknownCommandOrOptionThenUsageOnStandardErrorExitTwoAndNothingStarted() throws Exception {
		Run typo = run("doctr", "--config", "x");
		assertThat(typo.exitCode()).isEqualTo(2);
		assertThat(typo.stderr()).startsWith("error: unknown command 'doctr'").contains("Usage: java -jar fedlab.jar");
		assertThat(typo.stdout()).isEmpty();
		assertNothingStarted(typo);

		Run spaced = run("--server.port", "9090");
		assertThat(spaced.exitCode()).isEqualTo(2);
		assertThat(spaced.stderr()).contains("Spring Boot properties are written --name=value");
		assertNothingStarted(spaced);

		Run emulators = run("emulators", "--only", "okta");
		assertThat(emulators.exitCode()).isEqualTo(2);
		assertThat(emulators.stderr()).contains("use cognito or auth0", "Usage: java -jar fedlab.jar emulators");
		assertNothingStarted(emulators);

		Run setup = run("setup", "--config", "x.yml", "--jsn");
		assertThat(setup.exitCode()).isEqualTo(2);
		assertThat(setup.stderr()).contains("Unknown option: '--jsn'", "Usage: java -jar fedlab.jar setup");
		assertNothingStarted(setup);
	}

	@Test
	void jarWhenEmulatorsThenStackUpAppEnvWrittenAndBannerNamesNoApp() throws Exception {
		Process process = start("emulators");
		try {
			Path appEnv = this.work.resolve("data").resolve("app.env");
			Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
			while (!Files.exists(appEnv) && process.isAlive() && Instant.now().isBefore(deadline)) {
				Thread.sleep(250);
			}
			String stdout = Files.readString(this.work.resolve("stdout"), StandardCharsets.UTF_8);
			assertThat(appEnv).as(stdout).exists();
			assertThat(stdout).contains("Local stack is up", "App                       none in this process")
				.doesNotContain("App                       http");
		}
		finally {
			process.destroy();
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
	}

	private void assertNothingStarted(Run run) {
		String all = run.stdout() + run.stderr();
		assertThat(all).doesNotContain("Tomcat", "Local stack is up", "Started ", "WireMock");
		assertThat(this.work.resolve("dir").resolve(".fedlab")).doesNotExist();
		assertThat(this.work.resolve("data")).doesNotExist();
	}

	private Run run(String... args) throws IOException, InterruptedException {
		Process process = start(args);
		Path stdout = this.work.resolve("stdout");
		Path stderr = this.work.resolve("stderr");
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			fail("java -jar fedlab.jar " + String.join(" ", args) + " did not end: it started something ("
					+ Files.readString(stdout, StandardCharsets.UTF_8) + ")");
		}
		return new Run(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
				Files.readString(stderr, StandardCharsets.UTF_8));
	}

	/**
	 * Starts the jar with {@code args}, every port a free one and the data folder a
	 * temporary one.
	 */
	private Process start(String... args) throws IOException {
		List<String> argv = new ArrayList<>();
		argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		argv.add("-Xmx256m");
		argv.add("-jar");
		argv.add(PackagedJar.in(ROOT).toString());
		argv.addAll(List.of(args));
		Path dir = Files.createDirectories(this.work.resolve("dir"));
		Path stdout = this.work.resolve("stdout");
		Path stderr = this.work.resolve("stderr");
		ProcessBuilder builder = new ProcessBuilder(argv).directory(dir.toFile())
			.redirectOutput(stdout.toFile())
			.redirectError(stderr.toFile());
		Map<String, String> env = builder.environment();
		env.put("SERVER_PORT", "0");
		env.put("PORT", "0");
		env.put("LOCAL_COGNITO_API_PORT", "0");
		env.put("LOCAL_HOSTED_UI_PORT", "0");
		env.put("LOCAL_AUTH0_PORT", "0");
		env.put("LOCAL_DATA_DIR", this.work.resolve("data").toString());
		return builder.start();
	}

	record Run(int exitCode, String stdout, String stderr) {
	}

}

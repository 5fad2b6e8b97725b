package io.fedlab.provisioning;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.fedlab.localidp.http.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code setup} and {@code doctor} commands end to end: a YAML file with environment
 * overrides, the SDK over HTTP to the local Cognito API, text and JSON output, exit codes
 * and one-line errors.
 */
class ProvisioningCommandIT {

	@TempDir
	Path dir;

	private TestLocalCognito stack;

	private Path config;

	private final Map<String, String> env = new HashMap<>();

	private String out;

	private String err;

	@BeforeEach
	void start() throws IOException {
		this.stack = new TestLocalCognito();
		this.config = this.dir.resolve("setup.yml");
		Files.writeString(this.config, """
				pool:
				  name: fedlab-cli
				  region: eu-west-1
				  domain-prefix: fedlab-cli
				  domain-url: %s
				identity-provider:
				  client-id: %s
				  client-secret: ${FEDLAB_AUTH0_CLIENT_SECRET}
				  oidc-issuer: http://localhost:1
				app-client:
				  name: fedlab-web
				  callback-urls: [%s]
				  logout-urls: [%s]
				""".formatted(this.stack.hostedUiUrl, TestLocalCognito.AUTH0_CLIENT_ID, TestLocalCognito.APP_CALLBACK,
				TestLocalCognito.APP_SIGNED_OUT));
		this.env.put("FEDLAB_AUTH0_CLIENT_SECRET", TestLocalCognito.AUTH0_CLIENT_SECRET);
		this.env.put("FEDLAB_AUTH0_ISSUER", this.stack.auth0Domain);
	}

	@AfterEach
	void stop() {
		this.stack.close();
	}

	private int run(String... args) {
		ByteArrayOutputStream stdout = new ByteArrayOutputStream();
		ByteArrayOutputStream stderr = new ByteArrayOutputStream();
		int code = ProvisioningCommand.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
				new PrintStream(stderr, true, StandardCharsets.UTF_8), this.env);
		this.out = stdout.toString(StandardCharsets.UTF_8);
		this.err = stderr.toString(StandardCharsets.UTF_8);
		return code;
	}

	@Test
	void setupWhenRunThenPrintsProgressAuth0ValuesAndEnvironmentWithoutSecrets() {
		int code = run("setup", "--config", this.config.toString(), "--endpoint-url", this.stack.cognitoUrl);

		assertThat(code).as(this.err).isZero();
		assertThat(this.out).contains("Looking for user pool 'fedlab-cli'", "user pool fedlab-cli: created",
				"app client fedlab-web: created",
				"Allowed Callback URLs: " + this.stack.hostedUiUrl + "/oauth2/idpresponse",
				"Allowed Logout URLs: " + this.stack.hostedUiUrl + "/logout",
				"Allowed Web Origins: http://localhost:8080", "Allowed Origins (CORS): http://localhost:8080",
				"Client Secret (Post)", "COGNITO_ISSUER_URI=" + this.stack.cognitoUrl + "/",
				"COGNITO_CLIENT_SECRET=<not shown");
		// Application Login URI must be https and not localhost (emulated-behaviour.md
		// §A8).
		assertThat(this.out).contains("Application Login URI: (leave empty)");
		assertThat(this.out).doesNotContain(TestLocalCognito.AUTH0_CLIENT_SECRET);
		String clientSecret = this.stack.store.pools()
			.iterator()
			.next()
			.clients()
			.values()
			.iterator()
			.next()
			.clientSecret();
		assertThat(this.out).doesNotContain(clientSecret);

		assertThat(run("setup", "--config", this.config.toString(), "--endpoint-url", this.stack.cognitoUrl,
				"--show-secret"))
			.isZero();
		assertThat(this.out).contains("user pool fedlab-cli: unchanged", "COGNITO_CLIENT_SECRET=" + clientSecret);
	}

	@Test
	void setupWhenDryRunThenPrintsThePlanAndCreatesNothing() {
		int code = run("setup", "--config", this.config.toString(), "--endpoint-url", this.stack.cognitoUrl,
				"--dry-run");

		assertThat(code).as(this.err).isZero();
		assertThat(this.out).contains("Dry run: nothing was changed.", "app client fedlab-web: would be created");
		assertThat(this.stack.store.pools()).isEmpty();
	}

	@Test
	void doctorWhenSetUpThenExitsZeroAndPrintsJson() {
		run("setup", "--config", this.config.toString(), "--endpoint-url", this.stack.cognitoUrl);

		int code = run("doctor", "--config", this.config.toString(), "--endpoint-url", this.stack.cognitoUrl, "--json");

		assertThat(code).as(this.out).isZero();
		assertThat(this.out).startsWith("{").contains("\"ok\" : true", "\"id\" : \"idp.issuer\"");
	}

	@Test
	void doctorWhenConfigExpectsAnotherCallbackThenExitsOneWithTheFix() throws IOException {
		run("setup", "--config", this.config.toString(), "--endpoint-url", this.stack.cognitoUrl);
		this.env.put("FEDLAB_CALLBACK_URLS", TestLocalCognito.APP_CALLBACK + "/");

		int code = run("doctor", "--config", this.config.toString(), "--endpoint-url", this.stack.cognitoUrl);

		assertThat(code).isEqualTo(1);
		assertThat(this.out).contains("[FAIL  ] client.callback-urls", "no trailing slash, but the app sends one",
				"fix: register exactly");
	}

	@Test
	void doctorWhenPoolMissingThenOneLineError() {
		int code = run("doctor", "--config", this.config.toString(), "--endpoint-url", this.stack.cognitoUrl);

		assertThat(code).isEqualTo(1);
		assertThat(this.err.strip()).isEqualTo(
				"error: User pool 'fedlab-cli' not found in region eu-west-1: run setup first, or pass --pool-id");
	}

	@Test
	void setupWhenEndpointUnreachableThenOneLineErrorWithoutStackTrace() {
		String nothing = "http://127.0.0.1:" + FreePorts.resolve(0);

		int code = run("setup", "--config", this.config.toString(), "--endpoint-url", nothing);

		assertThat(code).isEqualTo(1);
		assertThat(this.err).startsWith("error: cannot reach the Cognito endpoint " + nothing).doesNotContain("\tat ");
		assertThat(this.err.strip().lines()).hasSize(1);
	}

	@Test
	void setupWhenSecretVariableMissingThenConfigurationErrorNamesIt() {
		this.env.remove("FEDLAB_AUTH0_CLIENT_SECRET");

		int code = run("setup", "--config", this.config.toString(), "--endpoint-url", this.stack.cognitoUrl);

		assertThat(code).isEqualTo(2);
		assertThat(this.err).contains("environment variable FEDLAB_AUTH0_CLIENT_SECRET is not set");
	}

	private void stubError(String operation, String type, String message) {
		this.stack.cognitoWireMock()
			.stubFor(WireMock.post("/")
				.withHeader("X-Amz-Target", WireMock.equalTo("AWSCognitoIdentityProviderService." + operation))
				.willReturn(WireMock.aResponse()
					.withStatus(400)
					.withHeader("Content-Type", "application/x-amz-json-1.1")
					.withBody("{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}")));
	}

	@Test
	void setupWhenAccessDeniedThenOneLineNamingThePermission() {
		stubError("ListUserPools", "AccessDeniedException",
				"User: arn:aws:iam::123456789012:user/ci is not authorized to perform: cognito-idp:ListUserPools");

		int code = run("setup", "--config", this.config.toString(), "--endpoint-url", this.stack.cognitoUrl);

		assertThat(code).isEqualTo(1);
		assertThat(this.err.strip().lines()).singleElement()
			.asString()
			.startsWith("error: access denied for ListUserPools (AccessDeniedException: User: arn:aws")
			.contains("cognito-idp:ListUserPools");
	}

	@Test
	void setupWhenThrottledThenRetriesAndSaysSo() {
		stubError("ListUserPools", "TooManyRequestsException", "Too many requests");

		int code = run("setup", "--config", this.config.toString(), "--endpoint-url", this.stack.cognitoUrl);

		assertThat(code).isEqualTo(1);
		assertThat(this.err.strip()).isEqualTo("error: Cognito throttled ListUserPools even after retries"
				+ " (TooManyRequestsException); wait a minute and run again");
		// The SDK's standard retry mode: three attempts in all.
		assertThat(this.stack.cognitoWireMock()
			.findAll(WireMock.postRequestedFor(WireMock.urlEqualTo("/"))
				.withHeader("X-Amz-Target", WireMock.equalTo("AWSCognitoIdentityProviderService.ListUserPools"))))
			.hasSize(3);
	}

	@Test
	void runWhenOptionUnknownThenUsage() {
		assertThat(run("setup", "--config", this.config.toString(), "--jsn")).isEqualTo(2);
		assertThat(this.err).contains("Unknown option: '--jsn'", "Usage: java -jar fedlab.jar setup");
	}

}

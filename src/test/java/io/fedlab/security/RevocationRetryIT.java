package io.fedlab.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.function.BooleanSupplier;

import io.fedlab.FedlabApplication;
import io.fedlab.localidp.LocalStack;
import io.fedlab.support.Browserless;
import io.fedlab.support.Browserless.Page;
import io.fedlab.support.FullStackFlows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refresh-token revocation that fails at logout, against the real app and both
 * emulators: the person is told the token still works, the token does still work, the app
 * keeps trying with back-off, and once the local Cognito's {@code /oauth2/revoke} answers
 * again the token is refused. The fault is a WireMock stub added and removed through the
 * emulator's admin API (the request journal stays).
 */
@SpringBootTest(classes = FedlabApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "app.logout.revocation-retry.initial-back-off=200ms",
				"app.logout.revocation-retry.max-back-off=400ms", "app.logout.revocation-retry.check-interval=100ms" })
@ExtendWith(OutputCaptureExtension.class)
class RevocationRetryIT {

	static final String REVOKE_FAULT = """
			{"priority": 1,
			 "request": {"method": "POST", "urlPath": "/oauth2/revoke"},
			 "response": {"status": 500, "body": "Internal Server Error"}}""";

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@Autowired
	LocalStack localStack;

	@Value("${app.base-url}")
	String app;

	@Value("${spring.security.oauth2.client.registration.cognito.client-id}")
	String clientId;

	@Value("${spring.security.oauth2.client.registration.cognito.client-secret}")
	String clientSecret;

	@Test
	void logoutWhenRevocationFailsThenToldAndRetryRevokesTheTokenOnceTheFaultClears(CapturedOutput output)
			throws Exception {
		FullStackFlows flows = new FullStackFlows(this.localStack, this.app);
		Browserless browser = flows.browser();
		Page profile = flows.signIn(browser, "alice@example.com", "wonderland");
		String refreshToken = flows.rawToken(profile, "refresh");
		String hostedUi = flows.hostedUi();
		long revokesBefore = revokeCalls(hostedUi);

		String fault = addStub(hostedUi, REVOKE_FAULT);
		Page loggedOut;
		try {
			loggedOut = browser.submit(profile, "/logout", Map.of());

			assertThat(loggedOut.uri().toString()).isEqualTo(this.app + "/logged-out");
			assertThat(loggedOut.status()).isEqualTo(200);
			assertThat(loggedOut.textOf("revocation-title")).isEqualTo("Your refresh token could not be revoked yet");
			assertThat(loggedOut.textOf("revocation-text")).contains("still works at Cognito",
					"keeps retrying the revocation in the background");
			assertThat(loggedOut.textOf("logged-out-text")).doesNotContain("the refresh token was revoked")
				.contains("is not revoked yet");
			// the token does still work at Cognito
			assertThat(refresh(hostedUi, refreshToken).statusCode()).isEqualTo(200);
			// and the app keeps trying: the logout's attempt and at least two retries
			awaitTrue(() -> revokeCalls(hostedUi) >= revokesBefore + 3, Duration.ofSeconds(20));
			assertThat(browser.get(this.app + "/logged-out").textOf("revocation-title"))
				.isEqualTo("Your refresh token could not be revoked yet");
			assertThat(refresh(hostedUi, refreshToken).statusCode()).isEqualTo(200);
		}
		finally {
			removeStub(hostedUi, fault);
		}

		awaitTrue(
				() -> browser.get(this.app + "/logged-out")
					.body()
					.contains("id=\"revocation-title\">Your refresh " + "token is revoked now<"),
				Duration.ofSeconds(20));
		HttpResponse<String> refused = refresh(hostedUi, refreshToken);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("\"invalid_grant\"");
		assertThat(output.getAll()).contains("Refresh-token revocation failed at logout: HTTP 500 unknown")
			.contains("Refresh token revoked on attempt");
		flows.assertNothingSecretLogged(output, this.clientSecret);
	}

	@Test
	void logoutWhenRevocationSucceedsThenTodaysTextAndNoNotice(CapturedOutput output) throws Exception {
		FullStackFlows flows = new FullStackFlows(this.localStack, this.app);
		Browserless browser = flows.browser();
		Page profile = flows.signIn(browser, "alice@example.com", "wonderland");
		String refreshToken = flows.rawToken(profile, "refresh");

		Page loggedOut = browser.submit(profile, "/logout", Map.of());

		assertThat(loggedOut.textOf("logged-out-text")).contains("the refresh token was revoked");
		assertThat(loggedOut.body()).doesNotContain("id=\"revocation\"");
		assertThat(refresh(flows.hostedUi(), refreshToken).statusCode()).isEqualTo(400);
		flows.assertNothingSecretLogged(output, this.clientSecret);
	}

	/**
	 * Cognito's token endpoint, refresh-token grant, with the app client's Basic auth.
	 */
	private HttpResponse<String> refresh(String hostedUi, String refreshToken)
			throws IOException, InterruptedException {
		String basic = Base64.getEncoder()
			.encodeToString((this.clientId + ":" + this.clientSecret).getBytes(StandardCharsets.UTF_8));
		return HTTP.send(HttpRequest.newBuilder(URI.create(hostedUi + "/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Authorization", "Basic " + basic)
			.POST(HttpRequest.BodyPublishers
				.ofString(Browserless.encode(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken))))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** How many revocation requests the local Cognito has seen (its request journal). */
	static long revokeCalls(String hostedUi) {
		try {
			HttpResponse<String> response = HTTP
				.send(HttpRequest.newBuilder(URI.create(hostedUi + "/__admin/requests/count"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"method\":\"POST\",\"url\":\"/oauth2/revoke\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			return Long.parseLong(response.body().replaceAll("\\D", ""));
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	/** Adds a WireMock stub through the emulator's admin API; returns its id. */
	static String addStub(String emulator, String mapping) throws IOException, InterruptedException {
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(emulator + "/__admin/mappings"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(mapping))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(201);
		java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"")
			.matcher(response.body());
		assertThat(id.find()).isTrue();
		return id.group(1);
	}

	/** Removes just that stub (a reset would also empty the request journal). */
	static void removeStub(String emulator, String id) throws IOException, InterruptedException {
		HttpResponse<String> response = HTTP.send(
				HttpRequest.newBuilder(URI.create(emulator + "/__admin/mappings/" + id)).DELETE().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
	}

	/** Polls until the condition holds, or fails after {@code timeout}. */
	static void awaitTrue(BooleanSupplier condition, Duration timeout) throws InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		while (!condition.getAsBoolean()) {
			assertThat(Instant.now()).as("waited %s", timeout).isBefore(deadline);
			Thread.sleep(100);
		}
	}

}

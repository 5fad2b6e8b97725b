package io.fedlab.security;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.fedlab.FedlabApplication;
import io.fedlab.localidp.LocalStack;
import io.fedlab.support.Browserless;
import io.fedlab.support.Browserless.Page;
import io.fedlab.support.FullStackFlows;
import io.fedlab.support.HostedUiFaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.fedlab.support.HostedUiFaults.addStub;
import static io.fedlab.support.HostedUiFaults.awaitTrue;
import static io.fedlab.support.HostedUiFaults.removeStub;
import static io.fedlab.support.HostedUiFaults.revokeCalls;
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

	@Autowired
	LocalStack localStack;

	@Value("${app.base-url}")
	String app;

	@Value("${spring.security.oauth2.client.registration.cognito.client-id}")
	String clientId;

	@Value("${spring.security.oauth2.client.registration.cognito.client-secret}")
	String clientSecret;

	@Test
	void logoutWhenRevocationFailsThenToldAndRetryRevokesTheTokenOnceTheFaultClears(CapturedOutput output) {
		FullStackFlows flows = new FullStackFlows(this.localStack, this.app);
		Browserless browser = flows.browser();
		Page profile = flows.signIn(browser, "alice@example.com", "wonderland");
		String refreshToken = flows.rawToken(profile, "refresh");
		String hostedUi = flows.hostedUi();
		long revokesBefore = revokeCalls(hostedUi);

		String fault = addStub(hostedUi, HostedUiFaults.REVOKE_FAILS);
		try {
			Page loggedOut = browser.submit(profile, "/logout", Map.of());

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
			awaitTrue("two retries", () -> revokeCalls(hostedUi) >= revokesBefore + 3, Duration.ofSeconds(20));
			assertThat(browser.get(this.app + "/logged-out").textOf("revocation-title"))
				.isEqualTo("Your refresh token could not be revoked yet");
			assertThat(refresh(hostedUi, refreshToken).statusCode()).isEqualTo(200);
		}
		finally {
			removeStub(hostedUi, fault);
		}

		awaitTrue("the retry to revoke the token",
				() -> browser.get(this.app + "/logged-out").body().contains("Your refresh token is revoked now"),
				Duration.ofSeconds(20));
		HttpResponse<String> refused = refresh(hostedUi, refreshToken);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("\"invalid_grant\"");
		assertThat(output.getAll()).contains("Refresh-token revocation failed at logout: HTTP 500 unknown")
			.contains("Refresh token revoked on attempt");
		flows.assertNothingSecretLogged(output, this.clientSecret);
	}

	@Test
	void logoutWhenRevocationSucceedsThenTodaysTextAndNoNotice(CapturedOutput output) {
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

	private HttpResponse<String> refresh(String hostedUi, String refreshToken) {
		return HostedUiFaults.refresh(hostedUi, this.clientId, this.clientSecret, refreshToken);
	}

}

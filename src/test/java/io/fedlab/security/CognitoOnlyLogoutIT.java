package io.fedlab.security;

import java.util.List;
import java.util.Map;

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
 * {@code app.logout.mode=cognito-only}: the browser goes through Cognito's
 * {@code /logout} alone, which never ends the Auth0 session (emulated-behaviour.md §C9
 * fact 2), so the next sign-in is silent at Auth0, as with the real services.
 */
@SpringBootTest(classes = FedlabApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "app.logout.mode=cognito-only")
@ExtendWith(OutputCaptureExtension.class)
class CognitoOnlyLogoutIT {

	@Autowired
	LocalStack localStack;

	@Value("${app.base-url}")
	String app;

	@Value("${spring.security.oauth2.client.registration.cognito.client-secret}")
	String clientSecret;

	@Test
	void logoutWhenCognitoOnlyThenAuth0SessionSurvivesAndNextSignInIsSilentAtAuth0(CapturedOutput output) {
		FullStackFlows flows = new FullStackFlows(this.localStack, this.app);
		Browserless browser = flows.browser();
		Page profile = flows.signIn(browser, "alice@example.com", "wonderland");

		Page loggedOut = browser.submit(profile, "/logout", Map.of());
		List<String> chain = loggedOut.hops().stream().map((h) -> h.method() + " " + h.uri().getPath()).toList();
		assertThat(chain).containsExactly("POST /logout", "GET /logout", "GET /logged-out");
		assertThat(loggedOut.hops().get(1).uri().toString()).startsWith(flows.hostedUi() + "/logout?");
		assertThat(loggedOut.passedThrough(flows.auth0())).isFalse();
		assertThat(loggedOut.textOf("logged-out-text")).contains("Auth0’s session is still alive");

		// Cognito's session is gone, so it federates again; Auth0's lives, so no form
		Page again = browser.get(this.app + "/oauth2/authorization/cognito");
		assertThat(again.passedThrough(flows.auth0() + "/authorize")).isTrue();
		assertThat(again.hops()).noneMatch((h) -> h.uri().getPath().equals("/u/login"));
		assertThat(again.uri().toString()).isEqualTo(this.app + "/profile");
		assertThat(again.textOf("sub")).isEqualTo(profile.textOf("sub"));

		flows.assertNothingSecretLogged(output, this.clientSecret);
	}

}

package io.fedlab.e2e;

import java.util.List;
import java.util.Map;

import io.fedlab.FedlabApplication;
import io.fedlab.localidp.LocalStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static io.fedlab.e2e.Journeys.ALICE;
import static io.fedlab.e2e.Journeys.ALICE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The logout round trip in a real browser: the app, then Auth0's {@code /v2/logout}, then
 * Cognito's {@code /logout}, back to {@code /logged-out}, with both identity provider
 * sessions really ended.
 */
@SpringBootTest(classes = FedlabApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class LogoutBrowserIT {

	@RegisterExtension
	static final BrowserExtension e2e = new BrowserExtension();

	@Autowired
	LocalStack localStack;

	@Value("${app.base-url}")
	String appBaseUrl;

	Journeys sites;

	@BeforeEach
	void sites() {
		this.sites = Journeys.of(this.localStack, this.appBaseUrl);
	}

	@Test
	void signOutWhenSignedInThenThroughAuth0AndCognitoToLoggedOutAndNextSignInAsksPassword() {
		Browser browser = e2e.browser();
		ProfilePage profile = this.sites.signInWithPassword(browser, ALICE, ALICE_PASSWORD);
		e2e.step(browser, "signed-in");
		browser.forgetDocuments();

		profile.signOut();
		LoggedOutPage loggedOut = new LoggedOutPage(browser, this.sites.app());
		e2e.step(browser, "logged-out");

		List<String> documents = browser.documents();
		// Auth0 first (Cognito's /logout never ends the Auth0 session:
		// emulated-behaviour.md §C9
		// item 2), then Cognito, then back to the app
		assertThat(Journeys.hops(documents)).containsExactly("POST " + this.sites.app() + "/logout",
				"GET " + this.sites.auth0() + "/v2/logout", "GET " + this.sites.hostedUi() + "/logout",
				"GET " + this.sites.app() + "/logged-out");
		assertThat(documents.get(1)).contains("client_id=").contains("returnTo=");
		assertThat(documents.get(2)).contains("client_id=").contains("logout_uri=");
		assertThat(loggedOut.text()).contains("Auth0").contains("Cognito");
		assertThat(names(browser.cookies())).doesNotContain("cognito", "auth0");
		// Chromium applies form-action to the redirects after the logout POST
		assertThat(browser.console()).noneMatch((line) -> line.contains("Content Security Policy"));

		browser.forgetDocuments();
		loggedOut.signInAgain();
		Auth0LoginPage auth0 = new Auth0LoginPage(browser, this.sites.auth0());
		e2e.step(browser, "next-sign-in-asks-password");
		auth0.signInAs(ALICE, ALICE_PASSWORD);
		assertThat(new ProfilePage(browser, this.sites.app()).email()).isEqualTo(ALICE);
	}

	private static List<String> names(List<Map<String, Object>> cookies) {
		return cookies.stream().map((cookie) -> (String) cookie.get("name")).toList();
	}

}

package io.fedlab.e2e;

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
 * "What just happened" in a real browser: reached from the profile after a sign-in and
 * from the logged-out page after the logout chain, with the diagram drawn and the
 * back-channel calls the browser never saw listed in order.
 */
@SpringBootTest(classes = FedlabApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class FlowInspectorBrowserIT {

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
	void flowWhenOpenedAfterSignInAndAfterLogoutThenEachChainInOrderWithTheBackChannel() {
		Browser browser = e2e.browser();
		this.sites.signInWithPassword(browser, ALICE, ALICE_PASSWORD);

		FlowPage signIn = FlowPage.openFrom(browser, this.sites.app());
		e2e.step(browser, "sign-in-flow");
		assertThat(signIn.hasDiagram()).isTrue();
		assertThat(signIn.steps()).containsSubsequence("authorization-request", "hosted-ui", "auth0-authorize",
				"auth0-login", "idp-response", "idp-token", "idp-userinfo", "callback", "token-request",
				"id-token-checks", "user-info", "signed-in");
		assertThat(signIn.failedSteps()).isEmpty();

		ProfilePage.open(browser, this.sites.app()).signOut();
		new LoggedOutPage(browser, this.sites.app());
		FlowPage logout = FlowPage.openFrom(browser, this.sites.app());
		e2e.step(browser, "logout-flow");
		assertThat(logout.steps()).containsExactly("logout", "revocation", "auth0-logout", "cognito-logout",
				"logged-out");
	}

}

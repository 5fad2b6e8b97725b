package io.fedlab.e2e;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.fedlab.FedlabApplication;
import io.fedlab.localidp.LocalStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static io.fedlab.e2e.Journeys.ALICE;
import static io.fedlab.e2e.Journeys.ALICE_PASSWORD;
import static io.fedlab.e2e.Journeys.BOB;
import static io.fedlab.e2e.Journeys.BOB_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in with a real browser: the first sign-in, the silent second one, refresh,
 * group pages, the cookies each site keeps, and the page's own script and stylesheet
 * under the strict CSP.
 */
@SpringBootTest(classes = FedlabApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class SignInBrowserIT {

	/**
	 * A compact JWS or JWE: never acceptable as a cookie value (emulated-behaviour.md
	 * §R3).
	 */
	private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*\\.");

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
	void signInWhenFirstTimeThenAuth0AsksPasswordAndProfileShowsTokensAndUserPool() {
		Browser browser = e2e.browser();
		HomePage.open(browser, this.sites.app()).signIn();
		e2e.step(browser, "home");
		Auth0LoginPage auth0 = new Auth0LoginPage(browser, this.sites.auth0());
		e2e.step(browser, "auth0-form");
		auth0.signInAs(ALICE, ALICE_PASSWORD);
		ProfilePage profile = new ProfilePage(browser, this.sites.app());
		e2e.step(browser, "profile");

		assertThat(profile.username()).matches("(?i)auth0_auth0\\|[0-9a-f]{24}");
		assertThat(profile.email()).isEqualTo(ALICE);
		assertThat(profile.groups()).contains("admins");
		assertThat(profile.tokenKinds()).containsExactly("id", "access", "refresh");
		assertThat(profile.userPoolAttributes()).containsEntry("email", ALICE).containsKey("identities");
		List<String> hops = Journeys.hops(browser.documents());
		// identity_provider=Auth0 makes Cognito skip its own sign-in page
		// (emulated-behaviour.md §C7
		// item 10)
		assertThat(hops)
			.containsSubsequence("GET " + this.sites.app() + "/oauth2/authorization/cognito",
					"GET " + this.sites.hostedUi() + "/oauth2/authorize", "GET " + this.sites.auth0() + "/authorize",
					"POST " + this.sites.auth0() + "/u/login", "GET " + this.sites.hostedUi() + "/oauth2/idpresponse",
					"GET " + this.sites.app() + "/login/oauth2/code/cognito", "GET " + this.sites.app() + "/profile")
			.doesNotContain("GET " + this.sites.hostedUi() + "/login");
		assertThat(browser.documents()).anyMatch((document) -> document.contains("identity_provider=Auth0"));
	}

	@Test
	void signInWhenCognitoAndAuth0SessionsLiveThenSilent() {
		Browser browser = e2e.browser();
		this.sites.signInWithPassword(browser, ALICE, ALICE_PASSWORD);
		// the app's session ends (as when it expires); Cognito's and Auth0's live on
		browser.deleteCookie("FEDLAB_SESSION", this.sites.app());
		browser.forgetDocuments();

		ProfilePage profile = this.sites.signInSilently(browser);
		e2e.step(browser, "silent-sign-in-profile");

		assertThat(profile.email()).isEqualTo(ALICE);
		assertThat(Journeys.hops(browser.documents()))
			.contains("GET " + this.sites.hostedUi() + "/oauth2/authorize",
					"GET " + this.sites.app() + "/login/oauth2/code/cognito")
			.doesNotContain("GET " + this.sites.auth0() + "/u/login", "POST " + this.sites.auth0() + "/u/login");
	}

	@Test
	void refreshWhenButtonClickedThenNewIdAndAccessTokensAndSameRefreshToken() {
		Browser browser = e2e.browser();
		ProfilePage before = this.sites.signInWithPassword(browser, ALICE, ALICE_PASSWORD);
		String idToken = before.rawToken("id");
		String accessToken = before.rawToken("access");
		String refreshToken = before.rawToken("refresh");

		ProfilePage after = before.refresh();
		e2e.step(browser, "refreshed");

		assertThat(after.refreshOutcome()).startsWith("Tokens refreshed").contains("no new refresh token");
		assertThat(after.rawToken("id")).startsWith("eyJ").isNotEqualTo(idToken);
		assertThat(after.rawToken("access")).startsWith("eyJ").isNotEqualTo(accessToken);
		assertThat(after.rawToken("refresh")).isEqualTo(refreshToken);
	}

	@Test
	void adminWhenAliceThenAdminPageAndWhenBobThenForbiddenPage() {
		Browser alice = e2e.browser();
		this.sites.signInWithPassword(alice, ALICE, ALICE_PASSWORD);
		AdminPage admin = AdminPage.open(alice, this.sites.app());
		e2e.step(alice, "admin-alice");
		assertThat(admin.authorities()).contains("ROLE_admins");

		Browser bob = e2e.otherBrowser();
		this.sites.signInWithPassword(bob, BOB, BOB_PASSWORD);
		bob.open(this.sites.app() + "/admin");
		ForbiddenPage forbidden = new ForbiddenPage(bob, this.sites.app(), "/admin");
		e2e.step(bob, "admin-bob-forbidden");
		assertThat(forbidden.text()).contains("admins");

		// two browsers, two sessions: bob's sign-in changed nothing for alice
		assertThat(AdminPage.open(alice, this.sites.app()).authorities()).contains("ROLE_admins");
	}

	@Test
	void cookiesWhenSigningInThenEachSiteKeepsItsOwnAndNoneHoldsAToken() {
		Browser browser = e2e.browser();
		HomePage.open(browser, this.sites.app()).signIn();
		new Auth0LoginPage(browser, this.sites.auth0());
		e2e.step(browser, "auth0-form");
		List<Map<String, Object>> midFlight = browser.cookies();
		// the app keeps the saved authorization request, Cognito its federation binding
		assertThat(names(midFlight)).containsExactlyInAnyOrder("FEDLAB_SESSION", "cognito-fed");

		new Auth0LoginPage(browser, this.sites.auth0()).signInAs(ALICE, ALICE_PASSWORD);
		ProfilePage profile = new ProfilePage(browser, this.sites.app());
		List<Map<String, Object>> signedIn = browser.cookies();

		assertThat(names(signedIn)).containsExactlyInAnyOrder("FEDLAB_SESSION", "cognito", "auth0");
		List<String> tokens = List.of(profile.rawToken("id"), profile.rawToken("access"), profile.rawToken("refresh"));
		for (Map<String, Object> cookie : concat(midFlight, signedIn)) {
			String value = (String) cookie.get("value");
			assertThat(cookie).as("cookie %s", cookie.get("name"))
				.containsEntry("httpOnly", true)
				.containsEntry("sameSite", "Lax")
				.containsEntry("path", "/");
			assertThat(value).as("value of cookie %s", cookie.get("name")).isNotBlank().doesNotContainPattern(JWT);
			assertThat(tokens).noneMatch((token) -> token.contains(value) || value.contains(token));
		}
	}

	@Test
	void profileWhenShownThenScriptRanStylesheetAppliedAndNoCspViolation() {
		Browser browser = e2e.browser();
		ProfilePage profile = this.sites.signInWithPassword(browser, ALICE, ALICE_PASSWORD);
		assertThat(profile.rawTokenDisplayed("id")).isFalse();

		profile.reveal("id");
		WebElement copy = profile.copyButton("id");
		e2e.step(browser, "raw-id-token-revealed");

		assertThat(profile.rawTokenDisplayed("id")).isTrue();
		assertThat(profile.rawToken("id")).startsWith("eyJ");
		// fedlab.js un-hides the copy buttons; without it they stay hidden
		assertThat(copy.isDisplayed()).as("copy button shown by static/js/fedlab.js").isTrue();
		copy.click();
		browser.waitUntil("the copy button to say Copied", (driver) -> "Copied".equals(copy.getText()));
		// fedlab.css: the header is a flex row, the page background the wash colour
		WebElement header = browser.driver().findElement(By.cssSelector("header.top"));
		assertThat(header.getCssValue("display")).isEqualTo("flex");
		assertThat(browser.driver().findElement(By.tagName("body")).getCssValue("background-color"))
			.isEqualTo("rgba(244, 246, 250, 1)");
		assertThat(browser.console()).noneMatch((line) -> line.contains("Content Security Policy"));
	}

	private static List<String> names(List<Map<String, Object>> cookies) {
		return cookies.stream().map((cookie) -> (String) cookie.get("name")).toList();
	}

	private static List<Map<String, Object>> concat(List<Map<String, Object>> a, List<Map<String, Object>> b) {
		return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
	}

}

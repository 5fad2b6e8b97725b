package io.fedlab.account;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.fedlab.FedlabApplication;
import io.fedlab.localidp.LocalStack;
import io.fedlab.support.Browserless;
import io.fedlab.support.Browserless.Hop;
import io.fedlab.support.Browserless.Page;
import io.fedlab.support.FullStackFlows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relying party end to end: the whole application with its default local stack, a
 * browser without a browser, and every step of issue 3 (sign-in through Cognito's hosted
 * UI federated to Auth0, silent second sign-in, refresh, the admin page, the logout
 * chain, an unsolicited callback). After each test the captured log is searched for every
 * JWT, authorization code, client secret and password seen on the way (ASVS 16.2.5).
 */
@SpringBootTest(classes = FedlabApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class SignInFlowIT {

	@Autowired
	LocalStack localStack;

	@Value("${app.base-url}")
	String app;

	@Value("${app.cognito.user-pool-id}")
	String poolId;

	@Value("${app.cognito.client-id}")
	String clientId;

	@Value("${spring.security.oauth2.client.registration.cognito.client-secret}")
	String clientSecret;

	FullStackFlows flows;

	@BeforeEach
	void flows() {
		this.flows = new FullStackFlows(this.localStack, this.app);
	}

	@AfterEach
	void nothingSecretLogged(CapturedOutput output) {
		this.flows.assertNothingSecretLogged(output, this.clientSecret);
	}

	@Test
	void signInWhenAlicePressesSignInThenHostedUiSkipsChooserAndProfileShowsTokensAndUserPoolProfile() {
		Browserless browser = this.flows.browser();
		Page home = browser.get(this.app + "/");
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.body()).contains("href=\"/signin\"");
		Page signIn = browser.get(this.app + "/signin");
		assertThat(signIn.body()).contains("id=\"signin\"").contains("href=\"/oauth2/authorization/cognito\"");

		Page login = browser.get(this.app + "/oauth2/authorization/cognito");
		// The app's request to the hosted UI (emulated-behaviour.md §R2;
		// emulated-behaviour.md §C1.2)
		Hop authorize = login.hop(this.flows.hostedUi() + "/oauth2/authorize");
		Map<String, String> params = Browserless.queryParams(authorize.uri());
		assertThat(params).containsEntry("response_type", "code")
			.containsEntry("client_id", this.clientId)
			.containsEntry("redirect_uri", this.app + "/login/oauth2/code/cognito")
			.containsEntry("identity_provider", "Auth0")
			.containsEntry("code_challenge_method", "S256");
		assertThat(params.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
		assertThat(params.get("state")).hasSizeGreaterThanOrEqualTo(32);
		assertThat(params.get("nonce")).hasSizeGreaterThanOrEqualTo(32);
		assertThat(params.get("scope").split(" ")).contains("openid", "email", "profile",
				"aws.cognito.signin.user.admin");
		// Cognito skips its own sign-in page and federates straight to Auth0
		assertThat(authorize.next().toString()).startsWith(this.flows.auth0() + "/authorize?");
		assertThat(login.hops()).noneMatch((h) -> h.uri().toString().startsWith(this.flows.hostedUi() + "/login"));
		assertThat(login.uri().toString()).startsWith(this.flows.auth0() + "/u/login");
		assertThat(Browserless.inputNames(login, "/u/login")).contains("username", "password");

		Page profile = this.flows.submitAuth0Login(browser, login, "alice@example.com", "wonderland");
		// Back through Cognito's /oauth2/idpresponse and the app's callback
		assertThat(profile.hop(this.flows.hostedUi() + "/oauth2/idpresponse").next().toString())
			.startsWith(this.app + "/login/oauth2/code/cognito?code=");
		assertThat(profile.status()).isEqualTo(200);
		assertThat(profile.uri().getPath()).isEqualTo("/profile");

		// Identity, from the ID token
		String username = profile.textOf("username");
		// federated "<Provider>_<sub>", lowercased because the local pool's usernames are
		// not case-sensitive (emulated-behaviour.md §C1.4): the spelling the docs and
		// pages use
		assertThat(username).startsWith("auth0_auth0|");
		assertThat(profile.body()).contains("alice@example.com")
			.contains("<span class=\"tag\">admins</span>")
			.contains("<span class=\"tag\">" + this.poolId + "_Auth0</span>");
		// The ID and access tokens decoded, the refresh token for what it is
		String idToken = this.flows.rawToken(profile, "id");
		String accessToken = this.flows.rawToken(profile, "access");
		String refreshToken = this.flows.rawToken(profile, "refresh");
		assertThat(idToken).startsWith("eyJ").hasLineCount(1).contains(".");
		assertThat(FullStackFlows.section(profile, "token-id")).contains("Format: JWS")
			.contains(">cognito:groups<")
			.contains(">" + this.localStack.settings().cognitoIssuer(this.poolId) + "<")
			.contains(">" + this.clientId + "<")
			.contains(">nonce<");
		assertThat(accessToken).startsWith("eyJ").isNotEqualTo(idToken);
		assertThat(FullStackFlows.section(profile, "token-access")).contains("Format: JWS")
			.contains(">token_use<")
			.contains(">access<")
			.contains("aws.cognito.signin.user.admin")
			.doesNotContain(">aud<");
		// Cognito's refresh token is a JWE: five parts, only its header readable
		assertThat(refreshToken.split("\\.", -1)).hasSize(5);
		assertThat(FullStackFlows.section(profile, "token-refresh")).contains("Format: JWE")
			.contains(">RSA-OAEP<")
			.doesNotContain("Claims");
		// The user-pool profile, fetched with GetUser and the access token
		String userPool = FullStackFlows.section(profile, "userpool");
		assertThat(userPool).contains(">email<")
			.contains(">alice@example.com<")
			.contains(">identities<")
			.contains("&quot;providerName&quot;:&quot;Auth0&quot;")
			.contains(">sub<");
		assertThat(profile.body()).contains("Username: " + username).doesNotContain("id=\"userpool-error\"");
	}

	@Test
	void signInWhenCognitoAndAuth0SessionsLiveThenSecondSignInIsSilent() {
		Browserless browser = this.flows.browser();
		Page first = this.flows.signIn(browser, "alice@example.com", "wonderland");
		String firstSub = first.textOf("sub");
		// A new app session in the same browser: Cognito's and Auth0's sessions still
		// live
		browser.clearCookie("FEDLAB_SESSION");
		Page second = browser.get(this.app + "/oauth2/authorization/cognito");
		assertThat(second.uri().toString()).isEqualTo(this.app + "/profile");
		assertThat(second.passedThrough(this.flows.hostedUi() + "/oauth2/authorize")).isTrue();
		assertThat(second.hops()).noneMatch((h) -> h.uri().getPath().equals("/u/login"));
		assertThat(second.textOf("sub")).isEqualTo(firstSub);
	}

	@Test
	void refreshWhenPostedWithCsrfTokenThenNewTokensAndNoNewRefreshToken() {
		Browserless browser = this.flows.browser();
		Page profile = this.flows.signIn(browser, "alice@example.com", "wonderland");
		String idToken = this.flows.rawToken(profile, "id");
		String accessToken = this.flows.rawToken(profile, "access");
		String refreshToken = this.flows.rawToken(profile, "refresh");
		assertThat(Browserless.inputNames(profile, "/profile/refresh")).containsExactly("_csrf");

		Page refreshed = browser.submit(profile, "/profile/refresh", Map.of());
		assertThat(refreshed.hops().get(0).status()).isEqualTo(302);
		assertThat(refreshed.uri().toString()).isEqualTo(this.app + "/profile");
		assertThat(refreshed.textOf("refresh-outcome"))
			.isEqualTo("Tokens refreshed. Cognito issued no new refresh token: "
					+ "rotation is off for this app client, so the old one is kept.");
		assertThat(this.flows.rawToken(refreshed, "id")).isNotEqualTo(idToken);
		assertThat(this.flows.rawToken(refreshed, "access")).isNotEqualTo(accessToken);
		assertThat(this.flows.rawToken(refreshed, "refresh")).isEqualTo(refreshToken);
		assertThat(refreshed.textOf("sub")).isEqualTo(profile.textOf("sub"));
	}

	@Test
	void refreshWhenPostedWithoutCsrfTokenThenForbidden() {
		Browserless browser = this.flows.browser();
		this.flows.signIn(browser, "alice@example.com", "wonderland");
		HttpResponse<String> response = browser.postOnce(this.app + "/profile/refresh", Map.of());
		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void adminWhenAliceThenOpensAndWhenBobThenFriendlyForbiddenPage() {
		Browserless alice = this.flows.browser();
		this.flows.signIn(alice, "alice@example.com", "wonderland");
		Page aliceAdmin = alice.get(this.app + "/admin");
		assertThat(aliceAdmin.status()).isEqualTo(200);
		assertThat(aliceAdmin.body()).contains("id=\"admin-text\"").contains(">ROLE_admins<");

		Browserless bob = this.flows.browser();
		Page bobProfile = this.flows.signIn(bob, "bob@example.com", "builder");
		assertThat(bobProfile.body()).contains("bob@example.com").doesNotContain("<span class=\"tag\">admins</span>");
		Page bobAdmin = bob.get(this.app + "/admin");
		assertThat(bobAdmin.status()).isEqualTo(403);
		assertThat(bobAdmin.uri().toString()).isEqualTo(this.app + "/admin");
		assertThat(bobAdmin.textOf("forbidden-text"))
			.isEqualTo("You are signed in, but this page is only for members of the Cognito group admins.");
		assertThat(bobAdmin.body()).doesNotContain("Whitelabel").doesNotContain("ROLE_");
	}

	@Test
	void logoutWhenPostedThenThroughAuth0AndCognitoLogoutRefreshTokenRevokedAndPasswordAskedAgain() throws Exception {
		Browserless browser = this.flows.browser();
		Page profile = this.flows.signIn(browser, "alice@example.com", "wonderland");
		String accessToken = this.flows.rawToken(profile, "access");
		String refreshToken = this.flows.rawToken(profile, "refresh");
		assertThat(userInfoStatus(accessToken)).isEqualTo(200);
		assertThat(Browserless.inputNames(profile, "/logout")).containsExactly("_csrf");

		Page loggedOut = browser.submit(profile, "/logout", Map.of());
		List<String> chain = loggedOut.hops().stream().map((h) -> h.method() + " " + withoutQuery(h.uri())).toList();
		assertThat(chain).containsExactly("POST " + this.app + "/logout", "GET " + this.flows.auth0() + "/v2/logout",
				"GET " + this.flows.hostedUi() + "/logout", "GET " + this.app + "/logged-out");
		assertThat(loggedOut.status()).isEqualTo(200);
		assertThat(loggedOut.textOf("logged-out-text")).contains("through Auth0’s and Cognito’s logout pages");
		// The refresh token was revoked at /oauth2/revoke, and with it the access token
		// of its family (emulated-behaviour.md §C1.8)
		assertThat(userInfoStatus(accessToken)).isEqualTo(401);
		HttpResponse<String> refreshGrant = refreshGrant(refreshToken);
		assertThat(refreshGrant.statusCode()).isEqualTo(400);
		assertThat(refreshGrant.body()).contains("\"invalid_grant\"");
		// The app session is gone
		Page signInAgain = browser.get(this.app + "/profile");
		assertThat(signInAgain.uri().toString()).isEqualTo(this.app + "/signin");
		// Both IdP sessions ended: the next sign-in asks for the password
		Page login = browser.get(this.app + "/oauth2/authorization/cognito");
		assertThat(login.uri().toString()).startsWith(this.flows.auth0() + "/u/login");
		Page back = this.flows.submitAuth0Login(browser, login, "alice@example.com", "wonderland");
		// back to the page asked for before signing in (Spring's saved request)
		assertThat(back.uri().getPath()).isEqualTo("/profile");
		assertThat(back.body()).contains("alice@example.com");
	}

	@Test
	void callbackWhenNoPendingAuthorizationRequestThenSignInRestartedOnceAndSignedIn() {
		// A hosted-UI sign-in started by another browser (a shared or bookmarked link):
		// its callback reaches this browser's app session, which holds no authorization
		// request for that state
		Browserless other = this.flows.browser();
		HttpResponse<String> start = other.getOnce(this.app + "/oauth2/authorization/cognito");
		String authorizeUrl = start.headers().firstValue("Location").orElseThrow();
		assertThat(authorizeUrl).startsWith(this.flows.hostedUi() + "/oauth2/authorize?");

		Browserless browser = this.flows.browser();
		Page login = browser.get(authorizeUrl);
		assertThat(login.uri().toString()).startsWith(this.flows.auth0() + "/u/login");
		Page profile = this.flows.submitAuth0Login(browser, login, "alice@example.com", "wonderland");

		assertThat(profile.status()).isEqualTo(200);
		assertThat(profile.uri().toString()).isEqualTo(this.app + "/profile");
		assertThat(profile.body()).contains("alice@example.com");
		List<Hop> restarts = profile.hops()
			.stream()
			.filter((h) -> h.uri().toString().startsWith(this.app + "/oauth2/authorization/cognito?restart"))
			.toList();
		assertThat(restarts).hasSize(1);
		// The restarted sign-in went through silently on the live Cognito session
		List<Hop> callbacks = profile.hops()
			.stream()
			.filter((h) -> h.uri().toString().startsWith(this.app + "/login/oauth2/code/cognito"))
			.toList();
		assertThat(callbacks).hasSize(2);
		assertThat(Browserless.queryParams(callbacks.get(1).uri()).get("state")).startsWith("restart-");
		assertThat(profile.hops()).noneMatch((h) -> h.method().equals("GET") && h.uri().getPath().equals("/u/login"));
	}

	@Test
	void auth0LoginPageWhenBookmarkedThenApplicationLoginUriStartsAProperSignIn() {
		// A login page whose transaction was used up, opened again later in a fresh
		// browser: Auth0 sends it to the Application Login URI (emulated-behaviour.md
		// §A2, §A8)
		Browserless first = this.flows.browser();
		Page login = first.get(this.app + "/oauth2/authorization/cognito");
		String bookmark = login.uri().toString();
		this.flows.submitAuth0Login(first, login, "alice@example.com", "wonderland");

		Browserless browser = this.flows.browser();
		Page again = browser.get(bookmark);
		Hop restart = again.hop(this.flows.auth0() + "/u/login");
		assertThat(restart.next().toString()).startsWith(this.app + "/oauth2/authorization/cognito?iss=");
		// a new sign-in of the app's own: its state, nonce and PKCE, then the password
		// form
		assertThat(Browserless.queryParams(again.hop(this.flows.hostedUi() + "/oauth2/authorize").uri()))
			.containsKeys("state", "nonce", "code_challenge");
		assertThat(again.uri().toString()).startsWith(this.flows.auth0() + "/u/login?state=").isNotEqualTo(bookmark);
		Page profile = this.flows.submitAuth0Login(browser, again, "alice@example.com", "wonderland");
		assertThat(profile.uri().toString()).isEqualTo(this.app + "/profile");
		assertThat(profile.body()).contains("alice@example.com");
	}

	private int userInfoStatus(String accessToken) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.flows.hostedUi() + "/oauth2/userInfo"))
				.header("Authorization", "Bearer " + accessToken)
				.build(), HttpResponse.BodyHandlers.ofString())
			.statusCode();
	}

	/** The refresh grant at the local Cognito, as the app would send it. */
	private HttpResponse<String> refreshGrant(String refreshToken) throws Exception {
		String credentials = URLEncoder.encode(this.clientId, StandardCharsets.UTF_8) + ":"
				+ URLEncoder.encode(this.clientSecret, StandardCharsets.UTF_8);
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.flows.hostedUi() + "/oauth2/token"))
				.header("Authorization",
						"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers
					.ofString(Browserless.encode(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken))))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String withoutQuery(URI uri) {
		return uri.getScheme() + "://" + uri.getAuthority() + uri.getPath();
	}

}

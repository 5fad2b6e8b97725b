package io.fedlab.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import io.fedlab.FedlabApplication;
import io.fedlab.localidp.LocalStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.json.Json;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.web.util.UriComponentsBuilder;

import static io.fedlab.e2e.Journeys.ALICE;
import static io.fedlab.e2e.Journeys.ALICE_PASSWORD;
import static io.fedlab.e2e.Journeys.BOB;
import static io.fedlab.e2e.Journeys.BOB_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-ins that do not go the usual way, in a real browser: Auth0 failing behind
 * Cognito's back, and sign-ins started at Auth0 or at the hosted UI rather than at the
 * app.
 */
@SpringBootTest(classes = FedlabApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class SignInFaultsBrowserIT {

	@RegisterExtension
	static final BrowserExtension e2e = new BrowserExtension();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@Autowired
	LocalStack localStack;

	@Value("${app.base-url}")
	String appBaseUrl;

	@Value("${app.cognito.client-id}")
	String clientId;

	Journeys sites;

	@BeforeEach
	void sites() {
		this.sites = Journeys.of(this.localStack, this.appBaseUrl);
	}

	@Test
	void signInWhenAuth0TokenEndpointFailsThenExplainedAndAppKeepsServingOthers() throws Exception {
		Browser alice = e2e.browser();
		String stub = addStub(this.sites.auth0(), """
				{"request": {"method": "POST", "urlPath": "/oauth/token"},
				 "response": {"status": 500, "body": "boom"}}""");
		try {
			HomePage.open(alice, this.sites.app()).signIn();
			new Auth0LoginPage(alice, this.sites.auth0()).signInAs(ALICE, ALICE_PASSWORD);
			SignInFailedPage failed = new SignInFailedPage(alice, this.sites.app());
			e2e.step(alice, "auth0-token-endpoint-500");

			assertThat(failed.title()).contains("Auth0").contains("500");
			assertThat(failed.cause()).contains("server error");
			assertThat(failed.fix()).contains("DELETE /__admin/mappings/<id>").doesNotContain("reset");
		}
		finally {
			removeStub(this.sites.auth0(), stub);
		}

		Browser bob = e2e.otherBrowser();
		ProfilePage bobProfile = this.sites.signInWithPassword(bob, BOB, BOB_PASSWORD);
		e2e.step(bob, "another-browser-signs-in");
		assertThat(bobProfile.email()).isEqualTo(BOB);

		// Auth0's session survived its failing token endpoint: the retry is silent there
		alice.forgetDocuments();
		new SignInFailedPage(alice, this.sites.app()).retry();
		ProfilePage aliceProfile = new ProfilePage(alice, this.sites.app());
		e2e.step(alice, "retry-after-fault-removed");
		assertThat(aliceProfile.email()).isEqualTo(ALICE);
		assertThat(Journeys.hops(alice.documents())).doesNotContain("POST " + this.sites.auth0() + "/u/login");
	}

	@Test
	void signInWhenStartedFromAStaleAuth0LoginPageThenApplicationLoginUriSignsIn() {
		Browser browser = e2e.browser();
		HomePage.open(browser, this.sites.app()).signIn();
		Auth0LoginPage first = new Auth0LoginPage(browser, this.sites.auth0());
		String bookmark = first.url();
		first.signInAs(ALICE, ALICE_PASSWORD);
		new ProfilePage(browser, this.sites.app());

		// another day: no cookies, and the bookmarked login page's transaction is spent
		browser.reset();
		browser.open(bookmark);
		Auth0LoginPage restarted = new Auth0LoginPage(browser, this.sites.auth0());
		e2e.step(browser, "auth0-restarted-through-application-login-uri");
		restarted.signInAs(ALICE, ALICE_PASSWORD);
		ProfilePage profile = new ProfilePage(browser, this.sites.app());
		e2e.step(browser, "signed-in-from-auth0");

		assertThat(profile.email()).isEqualTo(ALICE);
		// Auth0 sent the browser to the Application Login URI, which starts a sign-in
		// of the app's own (emulated-behaviour.md §A2, §A8)
		assertThat(browser.documents()).anyMatch(
				(document) -> document.startsWith("GET " + this.sites.app() + "/oauth2/authorization/cognito?iss="));
	}

	@Test
	void signInWhenStartedAtTheHostedUiThenAppRestartsItAndSignsIn() {
		Browser browser = e2e.browser();
		String login = UriComponentsBuilder.fromUriString(this.sites.hostedUi())
			.path("/login")
			.queryParam("client_id", this.clientId)
			.queryParam("response_type", "code")
			.queryParam("scope", "openid email profile aws.cognito.signin.user.admin")
			.queryParam("redirect_uri", this.sites.app() + "/login/oauth2/code/cognito")
			.encode()
			.toUriString();
		browser.open(login);
		CognitoHostedUiPage hostedUi = new CognitoHostedUiPage(browser, this.sites.hostedUi());
		e2e.step(browser, "hosted-ui");
		hostedUi.choose("Auth0");
		new Auth0LoginPage(browser, this.sites.auth0()).signInAs(ALICE, ALICE_PASSWORD);
		ProfilePage profile = new ProfilePage(browser, this.sites.app());
		e2e.step(browser, "signed-in-from-hosted-ui");

		assertThat(profile.email()).isEqualTo(ALICE);
		// the callback came without a state of ours; the app started a proper sign-in
		// once
		assertThat(browser.documents()).anyMatch((document) -> document
			.startsWith("GET " + this.sites.app() + "/oauth2/authorization/cognito?restart=1"));
	}

	/** Adds a WireMock stub through the emulator's admin API; returns its id. */
	private static String addStub(String emulator, String mapping) throws IOException, InterruptedException {
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(emulator + "/__admin/mappings"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(mapping))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(201);
		Map<String, Object> created = new Json().toType(response.body(), Json.MAP_TYPE);
		return (String) created.get("id");
	}

	private static void removeStub(String emulator, String id) throws IOException, InterruptedException {
		HttpResponse<String> response = HTTP.send(
				HttpRequest.newBuilder(URI.create(emulator + "/__admin/mappings/" + id)).DELETE().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
	}

}

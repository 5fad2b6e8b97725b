package io.fedlab.inspector;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fedlab.FedlabApplication;
import io.fedlab.support.Browserless;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flow inspector against the real app and both emulators: the hops of a sign-in, a
 * logout and a failed sign-in, in order and with their content, and never a whole code,
 * token, secret or cookie in the page or the JSON.
 */
@SpringBootTest(classes = FedlabApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FlowInspectorIT {

	private static final Pattern STEP = Pattern.compile("data-step=\"([a-z0-9-]+)\"");

	private static final Pattern RAW_TOKEN = Pattern.compile("<pre class=\"mono\" id=\"raw-[a-z]+\">([^<]+)</pre>");

	private final JsonMapper json = JsonMapper.builder().build();

	@Value("${local.server.port}")
	int port;

	@Value("${app.auth0.domain}")
	String auth0Domain;

	@Value("${spring.security.oauth2.client.registration.cognito.client-secret}")
	String cognitoClientSecret;

	@Test
	void flowWhenSignedInThenEveryHopInOrderWithTheBackChannelAndNoSecret() throws Exception {
		Browserless browser = new Browserless();
		Browserless.Page profile = signIn(browser);
		assertThat(profile.uri().getPath()).isEqualTo("/profile");
		assertThat(profile.body()).contains("href=\"/flow\"");

		Browserless.Page page = browser.get(app("/flow"));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Cache-Control")).contains("no-store");
		assertThat(page.body()).contains("<svg").doesNotContain("<script>").doesNotContain(" style=\"");
		List<String> expected = List.of("authorization-request", "hosted-ui", "auth0-authorize", "auth0-login-page",
				"auth0-login", "idp-response", "idp-discovery", "idp-token", "idp-jwks", "idp-userinfo", "callback",
				"token-request", "id-token-checks", "user-info", "signed-in");
		// the app's own key-set fetch shows only when its cache was empty
		assertThat(steps(page.body()).stream().filter((step) -> !step.equals("app-jwks")).toList()).isEqualTo(expected);

		HttpResponse<String> download = browser.getOnce(app("/flow.json"));
		assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment")
			.contains("fedlab-flow.json");
		assertThat(download.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
		JsonNode flow = this.json.readTree(download.body());
		assertThat(flow.path("kind").asString()).isEqualTo("sign-in");
		assertThat(flow.path("outcome").asString()).isEqualTo("signed-in");
		assertThat(flow.path("journals").asBoolean()).isTrue();
		assertThat(jsonSteps(flow).stream().filter((step) -> !step.equals("app-jwks")).toList()).isEqualTo(expected);

		String authorizationUrl = location(browser, "/oauth2/authorize?");
		Map<String, List<String>> sent = Mask.parameters(authorizationUrl);
		JsonNode request = hop(flow, "authorization-request");
		assertThat(fact(request, "client_id")).isEqualTo(sent.get("client_id").get(0));
		assertThat(fact(request, "redirect_uri")).isEqualTo(app("/login/oauth2/code/cognito"));
		assertThat(fact(request, "scope")).contains("openid", "email");
		assertThat(fact(request, "identity_provider")).isEqualTo("Auth0");
		assertThat(fact(request, "code_challenge_method")).isEqualTo("S256");
		String state = sent.get("state").get(0);
		String nonce = sent.get("nonce").get(0);
		assertThat(fact(request, "state")).startsWith(state.substring(0, 6) + "…").doesNotContain(state);
		assertThat(fact(request, "nonce")).startsWith(nonce.substring(0, 6) + "…").doesNotContain(nonce);
		assertThat(fact(request, "code_challenge")).contains("chars");

		assertThat(hop(flow, "hosted-ui").path("correlation").asString()).isEqualTo("state");
		assertThat(hop(flow, "auth0-authorize").path("correlation").asString()).isEqualTo("cognito-state");
		assertThat(hop(flow, "idp-token").path("correlation").asString()).isEqualTo("code");
		assertThat(fact(hop(flow, "idp-token"), "client_authentication")).startsWith("client_secret_post");
		assertThat(fact(hop(flow, "idp-token"), "tokens")).contains("id_token", "access_token");
		assertThat(hop(flow, "idp-userinfo").path("correlation").asString()).isEqualTo("token");
		assertThat(fact(hop(flow, "idp-userinfo"), "request")).isEqualTo("GET /userinfo");
		assertThat(hop(flow, "idp-discovery").path("correlation").asString()).isEqualTo("time-window");
		assertThat(fact(hop(flow, "callback"), "state_matched")).isEqualTo("yes");
		assertThat(fact(hop(flow, "callback"), "code")).startsWith("•••");
		JsonNode token = hop(flow, "token-request");
		assertThat(fact(token, "tokens")).isEqualTo("id_token, access_token, refresh_token");
		assertThat(fact(token, "expires_in")).isEqualTo("3600");
		assertThat(fact(token, "client_authentication")).isEqualTo("client_secret_basic");
		assertThat(token.path("durationMillis").isNumber()).isTrue();
		JsonNode checks = hop(flow, "id-token-checks");
		assertThat(fact(checks, "signature")).startsWith("verified: RS256, kid ");
		assertThat(fact(checks, "iss")).startsWith("matches: ");
		assertThat(fact(checks, "aud")).contains(sent.get("client_id").get(0));
		assertThat(fact(checks, "exp")).startsWith("in the future");
		assertThat(fact(checks, "nonce")).isEqualTo("matches the one sent");
		assertThat(fact(hop(flow, "user-info"), "endpoint")).startsWith("GET ").contains("/oauth2/userInfo");

		List<String> secrets = secrets(browser, profile);
		secrets.add(state);
		secrets.add(nonce);
		assertThat(secrets).hasSizeGreaterThan(8);
		assertNoneIn(page.body(), secrets);
		assertNoneIn(download.body(), secrets);
	}

	@Test
	void flowWhenLoggedOutThenTheLogoutChainInOrderAndTheSignInRecordGone() throws Exception {
		Browserless browser = new Browserless();
		Browserless.Page profile = signIn(browser);
		List<String> secrets = secrets(browser, profile);
		Browserless.Page loggedOut = browser.submit(profile, "/logout", Map.of());
		assertThat(loggedOut.uri().getPath()).isEqualTo("/logged-out");
		assertThat(loggedOut.body()).contains("href=\"/flow\"");
		String logoutCookie = cookie(browser, LogoutRecords.COOKIE);
		assertThat(logoutCookie).isNotNull();
		secrets.add(logoutCookie);

		Browserless.Page page = browser.get(app("/flow"));
		assertThat(steps(page.body())).containsExactly("logout", "revocation", "auth0-logout", "cognito-logout",
				"logged-out");
		String download = browser.getOnce(app("/flow.json")).body();
		JsonNode flow = this.json.readTree(download);
		assertThat(flow.path("kind").asString()).isEqualTo("logout");
		assertThat(flow.path("outcome").asString()).isEqualTo("logged-out");
		assertThat(fact(hop(flow, "revocation"), "outcome")).isEqualTo("revoked");
		assertThat(fact(hop(flow, "revocation"), "status")).isEqualTo("200");
		assertThat(fact(hop(flow, "logout"), "redirect")).endsWith("/v2/logout");
		assertThat(hop(flow, "auth0-logout").path("correlation").asString()).isEqualTo("cookie");
		assertThat(fact(hop(flow, "auth0-logout"), "returnTo")).contains("/logout?client_id=");
		assertThat(hop(flow, "cognito-logout").path("correlation").asString()).isEqualTo("cookie");
		assertThat(fact(hop(flow, "cognito-logout"), "logout_uri")).isEqualTo(app("/logged-out"));
		assertNoneIn(page.body(), secrets);
		assertNoneIn(download, secrets);

		// the sign-in record went with the session: without the logout cookie nothing is
		// left
		browser.clearCookie(LogoutRecords.COOKIE);
		assertThat(this.json.readTree(browser.getOnce(app("/flow.json")).body()).path("kind").asString())
			.isEqualTo("none");
	}

	@Test
	void flowWhenAuth0TokenEndpointFailsThenTheFailingHopIsMarkedWithTheExplanation() throws Exception {
		String admin = this.auth0Domain.replaceAll("/$", "") + "/__admin/mappings";
		post(admin, "{\"request\":{\"method\":\"POST\",\"urlPath\":\"/oauth/token\"},"
				+ "\"response\":{\"status\":500,\"body\":\"boom\"}}");
		try {
			Browserless browser = new Browserless();
			Browserless.Page failed = signIn(browser);
			assertThat(failed.uri().getPath()).isEqualTo("/signin/failed");
			assertThat(failed.body()).contains("href=\"/flow\"");

			Browserless.Page page = browser.get(app("/flow"));
			assertThat(steps(page.body())).containsExactly("authorization-request", "hosted-ui", "auth0-authorize",
					"auth0-login-page", "auth0-login", "idp-response", "idp-discovery", "idp-token", "callback");
			assertThat(page.body()).containsPattern("data-step=\"idp-token\" data-status=\"failed\"")
				.contains("Auth0 failed while Cognito was signing you in (HTTP 500)");
			JsonNode flow = this.json.readTree(browser.getOnce(app("/flow.json")).body());
			assertThat(flow.path("outcome").asString()).isEqualTo("failed");
			JsonNode token = hop(flow, "idp-token");
			assertThat(token.path("status").asString()).isEqualTo("failed");
			assertThat(fact(token, "status")).isEqualTo("500");
			assertThat(token.path("explanation").path("title").asString())
				.isEqualTo("Auth0 failed while Cognito was signing you in (HTTP 500)");
			assertThat(token.path("explanation").path("code").asString()).isEqualTo("invalid_request");
			JsonNode callback = hop(flow, "callback");
			assertThat(callback.path("status").asString()).isEqualTo("reported");
			assertThat(fact(callback, "error")).isEqualTo("invalid_request");
			assertThat(fact(callback, "error_description")).startsWith("(not shown");
			assertThat(hop(flow, "idp-response").path("status").asString()).isEqualTo("reported");
		}
		finally {
			post(admin + "/reset", "");
		}
	}

	private Browserless.Page signIn(Browserless browser) {
		Browserless.Page login = browser.get(app("/oauth2/authorization/cognito"));
		assertThat(login.uri().getPath()).isEqualTo("/u/login");
		return browser.submit(login, "/u/login", Map.of("username", "alice@example.com", "password", "wonderland"));
	}

	/**
	 * Every whole secret value of the flow: both authorization codes, the app's three
	 * tokens (the profile shows them raw), the client secrets, and every cookie.
	 */
	private List<String> secrets(Browserless browser, Browserless.Page profile) throws Exception {
		List<String> secrets = new ArrayList<>();
		secrets.add(Mask.parameters(location(browser, "/login/oauth2/code/cognito?")).get("code").get(0));
		secrets.add(Mask.parameters(location(browser, "/oauth2/idpresponse?")).get("code").get(0));
		Matcher raw = RAW_TOKEN.matcher(profile.body());
		while (raw.find()) {
			secrets.add(raw.group(1));
		}
		secrets.add(this.cognitoClientSecret);
		browser.cookies().forEach((cookie) -> secrets.add(cookie.getValue()));
		String journal = get(this.auth0Domain.replaceAll("/$", "") + "/__admin/requests?limit=50");
		Matcher secret = Pattern.compile("client_secret=([A-Za-z0-9]+)").matcher(journal);
		assertThat(secret.find()).isTrue();
		secrets.add(secret.group(1));
		return secrets;
	}

	private static void assertNoneIn(String body, List<String> secrets) {
		for (String secret : secrets) {
			assertThat(secret).hasSizeGreaterThanOrEqualTo(16);
			assertThat(body).doesNotContain(secret);
		}
	}

	private static String location(Browserless browser, String part) {
		return browser.hops()
			.stream()
			.map(Browserless.Hop::location)
			.filter((location) -> location != null && location.contains(part))
			.reduce((first, second) -> second)
			.orElseThrow();
	}

	private static String cookie(Browserless browser, String name) {
		return browser.cookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(java.net.HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	private static List<String> steps(String html) {
		List<String> steps = new ArrayList<>();
		Matcher matcher = STEP.matcher(html);
		while (matcher.find()) {
			steps.add(matcher.group(1));
		}
		return steps;
	}

	private static List<String> jsonSteps(JsonNode flow) {
		List<String> steps = new ArrayList<>();
		flow.path("hops").forEach((hop) -> steps.add(hop.path("step").asString()));
		return steps;
	}

	private static JsonNode hop(JsonNode flow, String step) {
		for (JsonNode hop : flow.path("hops")) {
			if (step.equals(hop.path("step").asString())) {
				return hop;
			}
		}
		throw new AssertionError("No hop " + step + " in " + jsonSteps(flow));
	}

	private static String fact(JsonNode hop, String name) {
		for (JsonNode fact : hop.path("facts")) {
			if (name.equals(fact.path("name").asString())) {
				return fact.path("value").asString();
			}
		}
		throw new AssertionError("No fact " + name + " in " + hop);
	}

	private String app(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static String get(String url) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
			.body();
	}

	private static void post(String url, String body) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isLessThan(300);
	}

}

package io.fedlab.security;

import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.fedlab.FedlabApplication;
import io.fedlab.localidp.LocalStack;
import io.fedlab.support.Browserless;
import io.fedlab.support.TestIdTokens;
import io.fedlab.support.Browserless.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenID conformance suite's RP negatives (emulated-behaviour.md §R1.2, §R1.4)
 * against the real app: a sign-in runs through the local Cognito and Auth0 as alice, and
 * the local Cognito misbehaves on one back-channel answer through a WireMock stub
 * (priority 5 beats the emulator's catch-all). Each case is rejected as §R1.3 defines it:
 * the explained error page names the cause, no session exists, and the OP gets no further
 * call after the faulty answer.
 */
@SpringBootTest(classes = FedlabApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "local.data-dir=target/misbehaving-provider-data", "app.back-channel.read-timeout=2s" })
class MisbehavingProviderIT {

	private static final String TOKEN_PATH = "/oauth2/token";

	private static final String USER_INFO_PATH = "/oauth2/userInfo";

	private static final String CALLBACK_PATH = "/login/oauth2/code/cognito";

	private static final String SUB = UUID.randomUUID().toString();

	/** Far beyond the read timeout the test sets (2 s). */
	private static final int DELAY_MILLIS = 6000;

	private static final Pattern HIDDEN_STATE = Pattern.compile("name=\"state\"[^>]*value=\"([^\"]*)\"");

	@Autowired
	LocalStack localStack;

	@Autowired
	MessageSource messages;

	@Value("${app.base-url}")
	String app;

	@Value("${app.cognito.issuer-uri}")
	String issuer;

	@Value("${app.cognito.user-pool-id}")
	String poolId;

	@Value("${app.cognito.client-id}")
	String clientId;

	@Value("${spring.security.oauth2.client.registration.cognito.client-secret}")
	String clientSecret;

	WireMock hostedUi;

	WireMock cognitoApi;

	@BeforeEach
	void connectToTheEmulators() {
		this.hostedUi = new WireMock("localhost", this.localStack.server("cognito-hosted-ui").port());
		this.cognitoApi = new WireMock("localhost", this.localStack.server("cognito-api").port());
		this.hostedUi.resetRequests();
		this.cognitoApi.resetRequests();
	}

	@AfterEach
	void removeFaults() {
		// the emulator puts its own catch-all back (EmulatorServer.KeepCatchAll)
		this.hostedUi.resetMappings();
		this.cognitoApi.resetMappings();
	}

	@Test
	void callbackWhenIdTokenIssuerWrongThenRejectedWithoutSession() {
		SignIn signIn = startSignIn();
		serveIdToken(TestIdTokens.sign(idToken(signIn.nonce()).issuer(issuer() + "1").build(), idTokenKey()));
		assertRejectedAfterTokenCall(signIn, signIn.finish(), "id-token-issuer");
	}

	@Test
	void callbackWhenIdTokenAudienceWrongThenRejectedWithoutSession() {
		SignIn signIn = startSignIn();
		serveIdToken(TestIdTokens.sign(idToken(signIn.nonce()).audience(clientId() + "1").build(), idTokenKey()));
		assertRejectedAfterTokenCall(signIn, signIn.finish(), "id-token-audience");
	}

	@Test
	void callbackWhenIdTokenHasAnExtraAudienceWithoutAzpThenRejectedWithoutSession() {
		// An extra audience without azp is rejected (emulated-behaviour.md §R1.4)
		SignIn signIn = startSignIn();
		serveIdToken(TestIdTokens.sign(idToken(signIn.nonce()).audience(List.of(clientId(), "other-client")).build(),
				idTokenKey()));
		assertRejectedAfterTokenCall(signIn, signIn.finish(), "id-token-audience");
	}

	@Test
	void callbackWhenIdTokenSignatureInvalidThenRejectedWithoutSession() {
		// signed by a foreign key that claims the pool's kid: the kid is known, the
		// signature does not verify
		SignIn signIn = startSignIn();
		RSAKey foreign = new RSAKey.Builder(TestIdTokens.generate(idTokenKey().getKeyID())).build();
		serveIdToken(TestIdTokens.sign(idToken(signIn.nonce()).build(), foreign));
		assertRejectedAfterTokenCall(signIn, signIn.finish(), "id-token-signature");
	}

	@Test
	void callbackWhenIdTokenUnsignedAlgNoneThenRejectedWithoutSession() {
		SignIn signIn = startSignIn();
		serveIdToken(new PlainJWT(idToken(signIn.nonce()).build()).serialize());
		assertRejectedAfterTokenCall(signIn, signIn.finish(), "id-token-algorithm");
	}

	@Test
	void callbackWhenNonceWrongThenRejectedWithoutSession() {
		SignIn signIn = startSignIn();
		serveIdToken(TestIdTokens.sign(idToken(signIn.nonce() + "1").build(), idTokenKey()));
		assertRejectedAfterTokenCall(signIn, signIn.finish(), "invalid-nonce");
	}

	@Test
	void callbackWhenNonceMissingThenRejectedWithoutSession() {
		SignIn signIn = startSignIn();
		serveIdToken(TestIdTokens.sign(idToken(signIn.nonce()).claim("nonce", null).build(), idTokenKey()));
		assertRejectedAfterTokenCall(signIn, signIn.finish(), "invalid-nonce");
	}

	@Test
	void callbackWhenSubMissingThenRejectedWithoutSession() {
		SignIn signIn = startSignIn();
		serveIdToken(TestIdTokens.sign(idToken(signIn.nonce()).subject(null).build(), idTokenKey()));
		assertRejectedAfterTokenCall(signIn, signIn.finish(), "id-token-missing-claim", "sub");
	}

	@Test
	void callbackWhenIatMissingThenRejectedWithoutSession() {
		SignIn signIn = startSignIn();
		serveIdToken(TestIdTokens.sign(idToken(signIn.nonce()).issueTime(null).build(), idTokenKey()));
		assertRejectedAfterTokenCall(signIn, signIn.finish(), "id-token-missing-claim", "iat");
	}

	@Test
	void callbackWhenExpMissingThenRejectedWithoutSession() {
		SignIn signIn = startSignIn();
		serveIdToken(TestIdTokens.sign(idToken(signIn.nonce()).expirationTime(null).build(), idTokenKey()));
		assertRejectedAfterTokenCall(signIn, signIn.finish(), "id-token-missing-claim", "exp");
	}

	@Test
	void callbackWhenIdTokenExpiredThenRejectedWithoutSession() {
		// exp six minutes in the past, beyond the 60 s clock skew
		// (AddInvalidExpiredExpValueToIdToken, emulated-behaviour.md §R1.4)
		Instant now = Instant.now();
		SignIn signIn = startSignIn();
		serveIdToken(TestIdTokens.sign(idToken(signIn.nonce()).issueTime(Date.from(now.minusSeconds(3960)))
			.expirationTime(Date.from(now.minusSeconds(360)))
			.build(), idTokenKey()));
		assertRejectedAfterTokenCall(signIn, signIn.finish(), "id-token-expired");
	}

	@Test
	void callbackWhenKidUnknownThenRejectedAndAfterKeyRotationTheNewKidIsAccepted() {
		SignIn signIn = startSignIn();
		serveIdToken(TestIdTokens.sign(idToken(signIn.nonce()).build(),
				TestIdTokens.generate("not-yet-published-" + UUID.randomUUID())));
		assertRejectedAfterTokenCall(signIn, signIn.finish(), "id-token-unknown-key");

		// The pool rotates its keys (emulated-behaviour.md §R1.2 -signing-key-rotation):
		// the
		// next sign-in's ID token carries a kid the app has not cached, and the app
		// re-fetches the JWKS instead of rejecting it (OIDC Core §10.1.1).
		this.hostedUi.resetMappings();
		String oldKid = idTokenKey().getKeyID();
		rotateKeys();
		String newKid = idTokenKey().getKeyID();
		assertThat(newKid).isNotEqualTo(oldKid);
		int jwksFetchesBefore = jwksFetches();
		Page profile = startSignIn().finish();
		assertThat(profile.uri().getPath()).isEqualTo("/profile");
		assertThat(profile.status()).isEqualTo(200);
		assertThat(profile.body()).contains(newKid);
		assertThat(jwksFetches()).isGreaterThan(jwksFetchesBefore);
	}

	@Test
	void callbackWhenKeySetUnreachableThenRejectedWithoutSession() {
		// an unknown kid makes the app fetch the JWKS again, and the issuer host fails
		SignIn signIn = startSignIn();
		this.cognitoApi.register(get(urlPathMatching(".*/\\.well-known/jwks\\.json")).willReturn(serverError()));
		serveIdToken(TestIdTokens.sign(idToken(signIn.nonce()).build(),
				TestIdTokens.generate("not-yet-published-" + UUID.randomUUID())));
		assertRejectedAfterTokenCall(signIn, signIn.finish(), "jwks-unavailable");
	}

	@Test
	void callbackWhenIdTokenSignedWithHs256ThenExplainedAsTheAlgorithmNotTheKey() throws Exception {
		// the classic confusion: an HMAC over the token with the client secret, under a
		// kid the pool publishes
		SignIn signIn = startSignIn();
		SignedJWT token = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(idTokenKey().getKeyID()).build(),
				idToken(signIn.nonce()).build());
		token.sign(new MACSigner(this.clientSecret.getBytes(StandardCharsets.UTF_8)));
		serveIdToken(token.serialize());
		assertRejectedAfterTokenCall(signIn, signIn.finish(), "id-token-algorithm");
	}

	@Test
	void callbackWhenTheAppsOwnTokenCallIsResetThenCognitoIsNamedNotTheIdentityProvider() {
		SignIn signIn = startSignIn();
		this.hostedUi.register(post(urlPathEqualTo(TOKEN_PATH))
			.willReturn(WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		Page page = signIn.finish();
		assertRejected(signIn, page, "cognito-unreachable", "/oauth2/token");
		assertThat(page.body()).doesNotContain(title("idp-timeout")).contains("not at Auth0");
		assertThat(calls(USER_INFO_PATH)).isZero();
	}

	@Test
	void callbackWhenTheTokenEndpointDoesNotAnswerThenTheCallEndsAtTheReadTimeoutOnAnExplainedPage() {
		SignIn signIn = startSignIn();
		this.hostedUi.register(post(urlPathEqualTo(TOKEN_PATH))
			.willReturn(WireMock.aResponse().withStatus(200).withFixedDelay(DELAY_MILLIS)));
		long started = System.nanoTime();
		Page page = signIn.finish();
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		assertRejected(signIn, page, "cognito-timeout", "/oauth2/token");
		assertThat(page.body()).contains("2 s (app.back-channel.read-timeout)");
		// the app gave up; it did not wait for Cognito's late answer
		assertThat(took).isLessThan(Duration.ofMillis(DELAY_MILLIS));
	}

	@Test
	void callbackWhenUserInfoDoesNotAnswerThenTheUserInfoHopIsNamed() {
		SignIn signIn = startSignIn();
		serveIdToken(TestIdTokens.sign(idToken(signIn.nonce()).build(), idTokenKey()));
		this.hostedUi.register(get(urlPathEqualTo(USER_INFO_PATH))
			.willReturn(okJson(json(Map.of("sub", SUB))).withFixedDelay(DELAY_MILLIS)));
		Page page = signIn.finish();
		assertRejected(signIn, page, "cognito-timeout", "/oauth2/userInfo");
		assertLastProviderCallWas(USER_INFO_PATH);
	}

	@Test
	void callbackWhenUserInfoSubDiffersThenRejectedWithoutSession() {
		SignIn signIn = startSignIn();
		serveIdToken(TestIdTokens.sign(idToken(signIn.nonce()).build(), idTokenKey()));
		this.hostedUi.register(get(urlPathEqualTo(USER_INFO_PATH)).willReturn(okJson(json(Map.of("sub",
				UUID.randomUUID().toString(), "email", "mallory@example.com", "username", "auth0_auth0|mallory")))));
		Page page = signIn.finish();
		assertRejected(signIn, page, "invalid-user-info-response");
		assertLastProviderCallWas(USER_INFO_PATH);
		assertThat(calls(TOKEN_PATH)).isEqualTo(1);
	}

	@Test
	void callbackWhenStateTamperedThenCodeNotRedeemedAndNoSession() {
		SignIn signIn = startSignIn();
		URI callback = signIn.callback();
		// the first character changed, in the URL as Cognito encoded it
		String state = UriComponentsBuilder.fromUri(callback).build().getQueryParams().getFirst("state");
		String tampered = (state.startsWith("A") ? "B" : "A") + state.substring(1);
		Page page = signIn.browser().get(callback.toString().replace("state=" + state, "state=" + tampered));
		assertRejected(signIn, page, "state-mismatch");
		// the code was never sent to the token endpoint
		assertThat(calls(TOKEN_PATH)).isZero();
		assertThat(calls(USER_INFO_PATH)).isZero();
	}

	@Test
	void callbackWhenReplayedThenSecondRejectedAndCodeNotRedeemedTwice() {
		SignIn signIn = startSignIn();
		URI callback = signIn.callback();
		Page first = signIn.browser().get(callback.toString());
		assertThat(first.uri().getPath()).isEqualTo("/profile");
		String session = sessionCookie(signIn.browser());
		int opCallsAfterFirst = this.hostedUi.getServeEvents().size();

		Page replay = signIn.browser().get(callback.toString());
		assertThat(replay.uri().getPath()).isEqualTo(SignInFailureHandler.FAILURE_URL);
		assertThat(replay.status()).isEqualTo(200);
		assertThat(replay.body()).contains(title("callback-replayed"));
		// the replay reached no OP endpoint, and made no new session: the session of the
		// first, genuine callback is the one still in place
		assertThat(this.hostedUi.getServeEvents()).hasSize(opCallsAfterFirst);
		assertThat(calls(TOKEN_PATH)).isEqualTo(1);
		assertThat(sessionCookie(signIn.browser())).isEqualTo(session);
	}

	@Test
	void callbackWhenReplayedInAnotherBrowserThenCodeNotRedeemedAndNoSession() {
		SignIn victim = startSignIn();
		URI callback = victim.callback();
		assertThat(victim.browser().get(callback.toString()).uri().getPath()).isEqualTo("/profile");

		Browserless attacker = new Browserless();
		Page page = attacker.get(callback.toString());
		// no sign-in of the attacker's browser matches: the app starts a proper one,
		// which asks the attacker for Auth0 credentials
		assertThat(page.uri().toString()).startsWith(this.localStack.settings().auth0Domain() + "/u/login");
		assertThat(calls(TOKEN_PATH)).isEqualTo(1);
		assertThat(attacker.getOnce(this.app + "/profile").statusCode()).isEqualTo(302);
	}

	// --- the sign-in

	private SignIn startSignIn() {
		Browserless browser = new Browserless();
		Page login = browser.get(this.app + "/oauth2/authorization/cognito");
		assertThat(login.uri().toString()).startsWith(this.localStack.settings().auth0Domain() + "/u/login");
		URI authorize = login.hops()
			.stream()
			.map(Browserless.Hop::uri)
			.filter((uri) -> uri.toString().startsWith(this.localStack.settings().hostedUiUrl() + "/oauth2/authorize"))
			.findFirst()
			.orElseThrow();
		return new SignIn(browser, login, queryParameter(authorize, "nonce"), this.app + CALLBACK_PATH);
	}

	/** A sign-in stopped at the Auth0 form, with the nonce the app sent to Cognito. */
	record SignIn(Browserless browser, Page login, String nonce, String callbackPrefix) {

		/** Signs in as alice and follows every redirect, through the app's callback. */
		Page finish() {
			return this.browser.submit(this.login, "/u/login",
					Map.of("username", "alice@example.com", "password", "wonderland"));
		}

		/** Signs in as alice and stops before the app's callback: its URL. */
		URI callback() {
			Matcher state = HIDDEN_STATE.matcher(this.login.body());
			assertThat(state.find()).isTrue();
			Map<String, String> form = new LinkedHashMap<>();
			form.put("state", state.group(1));
			form.put("username", "alice@example.com");
			form.put("password", "wonderland");
			Page back = this.browser.followUntil(
					this.browser.postOnce(this.login.uri().resolve("/u/login").toString(), form), this.callbackPrefix);
			return back.uri().resolve(back.header("Location"));
		}

	}

	// --- the faults

	private JWTClaimsSet.Builder idToken(String nonce) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().subject(SUB)
			.issuer(issuer())
			.audience(clientId())
			.claim("cognito:username", "auth0_auth0|misbehaving")
			.claim("nonce", nonce)
			.claim("token_use", "id")
			.claim("auth_time", now.getEpochSecond())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(3600)))
			.claim("email", "alice@example.com")
			.claim("email_verified", true);
	}

	/**
	 * Cognito's token response (emulated-behaviour.md §C1.6) carrying {@code idToken}.
	 */
	private void serveIdToken(String idToken) {
		Instant now = Instant.now();
		String accessToken = TestIdTokens.sign(new JWTClaimsSet.Builder().subject(SUB)
			.issuer(issuer())
			.claim("client_id", clientId())
			.claim("token_use", "access")
			.claim("scope", "openid email profile aws.cognito.signin.user.admin")
			.claim("username", "auth0_auth0|misbehaving")
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(3600)))
			.build(), this.localStack.poolKeys().accessTokenKey(poolId()));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id_token", idToken);
		body.put("access_token", accessToken);
		body.put("refresh_token", "opaque-refresh-token");
		body.put("expires_in", 3600);
		body.put("token_type", "Bearer");
		this.hostedUi.register(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(json(body))));
	}

	private void rotateKeys() {
		HttpResponse<String> response = new Browserless()
			.postOnce(this.localStack.settings().cognitoApiUrl() + "/__admin/fedlab/rotate-keys", Map.of());
		assertThat(response.statusCode()).isEqualTo(200);
	}

	// --- the assertions

	private void assertRejectedAfterTokenCall(SignIn signIn, Page page, String key, String... details) {
		assertRejected(signIn, page, key, details);
		// emulated-behaviour.md §R1.3: after a bad ID token, no UserInfo (or any other)
		// call
		assertLastProviderCallWas(TOKEN_PATH);
		assertThat(calls(TOKEN_PATH)).isEqualTo(1);
		assertThat(calls(USER_INFO_PATH)).isZero();
	}

	private void assertRejected(SignIn signIn, Page page, String key, String... details) {
		assertThat(page.uri().getPath()).isEqualTo(SignInFailureHandler.FAILURE_URL);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains(title(key, (Object[]) details))
			.doesNotContain("Exception")
			.doesNotContain("\tat ")
			.doesNotContain("eyJ");
		// no session: a protected page still sends the browser to sign in
		HttpResponse<String> profile = signIn.browser().getOnce(this.app + "/profile");
		assertThat(profile.statusCode()).isEqualTo(302);
		assertThat(profile.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/signin"));
		// the app never called the user-pool API (GetUser) on the user's behalf
		assertThat(this.cognitoApi.getServeEvents()).allSatisfy((event) -> assertThat(event.getRequest().getUrl())
			.satisfiesAnyOf((url) -> assertThat(url).endsWith("/.well-known/jwks.json"),
					(url) -> assertThat(url).endsWith("/.well-known/openid-configuration")));
	}

	private void assertLastProviderCallWas(String path) {
		List<LoggedRequest> calls = this.hostedUi.getServeEvents()
			.stream()
			.map(ServeEvent::getRequest)
			.sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
			.toList();
		assertThat(calls).isNotEmpty();
		assertThat(URI.create(calls.get(calls.size() - 1).getUrl()).getPath()).isEqualTo(path);
	}

	private long calls(String path) {
		return this.hostedUi.getServeEvents()
			.stream()
			.filter((event) -> URI.create(event.getRequest().getUrl()).getPath().equals(path))
			.count();
	}

	private int jwksFetches() {
		return (int) this.cognitoApi.getServeEvents()
			.stream()
			.filter((event) -> event.getRequest().getUrl().endsWith("/.well-known/jwks.json"))
			.count();
	}

	private String title(String key, Object... args) {
		return HtmlUtils.htmlEscape(this.messages.getMessage("signin.error." + key + ".title", args, Locale.ENGLISH),
				"UTF-8");
	}

	private static String sessionCookie(Browserless browser) {
		return browser.cookies()
			.stream()
			.filter((c) -> c.getName().equals("FEDLAB_SESSION"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	private static String queryParameter(URI uri, String name) {
		String value = UriComponentsBuilder.fromUri(uri).build().getQueryParams().getFirst(name);
		assertThat(value).as(name + " in " + uri.getPath()).isNotNull();
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	private static String json(Map<String, ?> body) {
		return JSONObjectUtils.toJSONString(new LinkedHashMap<String, Object>(body));
	}

	private String issuer() {
		return this.issuer;
	}

	private String poolId() {
		return this.poolId;
	}

	private String clientId() {
		return this.clientId;
	}

	private RSAKey idTokenKey() {
		return this.localStack.poolKeys().idTokenKey(poolId());
	}

}

package io.fedlab.localidp.auth0;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fedlab.localidp.MutableClock;
import io.fedlab.localidp.http.EmulatorServer;
import io.fedlab.localidp.http.FreePorts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The local Auth0 tenant over real HTTP, driven like a browser (no automatic redirects, a
 * cookie jar) and like Cognito's back channel. Test names cite emulated-behaviour.md.
 */
class Auth0EmulatorIT {

	static final String COGNITO_CALLBACK = "http://localhost:9230/oauth2/idpresponse";

	static final String COGNITO_LOGOUT = "http://localhost:9230/logout";

	static final String APP_SIGNED_OUT = "http://localhost:8080/signed-out";

	static final String BASIC_CALLBACK = "http://app.example/callback";

	static final String BASIC_LOGIN_URI = "https://app.example/login";

	static final String SPA_CALLBACK = "http://spa.example/callback";

	@TempDir
	static Path dataDir;

	static MutableClock clock = new MutableClock();

	static Auth0Emulator emulator;

	static EmulatorServer server;

	static String issuer;

	static String base;

	HttpClient browser = newBrowser();

	HttpClient backChannel = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeAll
	static void start() {
		int port = FreePorts.resolve(0);
		issuer = "http://localhost:" + port + "/";
		base = "http://localhost:" + port;
		List<Auth0Application> apps = List.of(
				new Auth0Application("Cognito", "cognito-client", "cognito-secret", "client_secret_post",
						List.of(COGNITO_CALLBACK), List.of(COGNITO_LOGOUT, "http://localhost:9230/bye?x=1"), null),
				new Auth0Application("Basic app", "basic-client", "basic-secret", "client_secret_basic",
						List.of(BASIC_CALLBACK), List.of(), BASIC_LOGIN_URI),
				new Auth0Application("SPA", "spa-client", null, "none", List.of(SPA_CALLBACK), List.of(), null));
		emulator = new Auth0Emulator(
				new Auth0Settings(issuer, dataDir, apps, Auth0Users.defaults("it-seed"), List.of(APP_SIGNED_OUT)),
				clock);
		server = new EmulatorServer("auth0", "127.0.0.1", port, emulator.dispatcher()).start();
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	// --- §A1 discovery and JWKS ---------------------------------------------------

	@Test
	void discoveryWhenFetchedThenIssuerEndsWithSlashAndNoEndpointDoes() throws Exception {
		// emulated-behaviour.md §A1, §A11 fact 1.
		HttpResponse<String> response = get(this.backChannel, base + "/.well-known/openid-configuration");

		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, Object> doc = JSONObjectUtils.parse(response.body());
		assertThat(doc.get("issuer")).isEqualTo(issuer);
		assertThat(doc.keySet()).startsWith("issuer", "authorization_endpoint", "token_endpoint");
		assertThat(doc).containsEntry("authorization_endpoint", base + "/authorize")
			.containsEntry("token_endpoint", base + "/oauth/token")
			.containsEntry("userinfo_endpoint", base + "/userinfo")
			.containsEntry("jwks_uri", base + "/.well-known/jwks.json")
			.containsEntry("end_session_endpoint", base + "/oidc/logout");
		assertThat(JSONObjectUtils.getStringList(doc, "code_challenge_methods_supported")).containsExactly("S256",
				"plain");
		assertThat(doc).doesNotContainKeys("userinfo_signing_alg_values_supported", "claims_parameter_supported");
	}

	@Test
	void discoveryWhenIssuerWithSlashIsUsedAsBaseThenDoubleSlashIs404CannotGet() throws Exception {
		// emulated-behaviour.md §A11 fact 1.
		// emulated-behaviour.md §A1: Cognito configured with the slash fetches
		// //.well-known and fails.
		HttpResponse<String> response = get(this.backChannel, issuer + "/.well-known/openid-configuration");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).isEqualTo("Cannot GET //.well-known/openid-configuration");
	}

	@Test
	void jwksWhenFetchedThenCurrentAndNextRs256KeysWithAllMembers() throws Exception {
		// emulated-behaviour.md §A1: "will always include both the current key and the
		// next key".
		HttpResponse<String> response = get(this.backChannel, base + "/.well-known/jwks.json");

		List<Object> keys = JSONObjectUtils.getJSONArray(JSONObjectUtils.parse(response.body()), "keys");
		assertThat(keys).hasSizeGreaterThanOrEqualTo(2);
		for (Object key : keys) {
			@SuppressWarnings("unchecked")
			Map<String, Object> jwk = (Map<String, Object>) key;
			assertThat(jwk.keySet()).containsSubsequence("alg", "kty", "use", "n", "e", "kid");
			assertThat(jwk).containsEntry("alg", "RS256").containsEntry("kty", "RSA").containsEntry("use", "sig");
			assertThat(jwk).doesNotContainKeys("d", "p", "q");
		}
	}

	// --- §A2, §A3, §A4, §A7 the code flow -------------------------------------------

	@Test
	void codeFlowWhenCognitoSignsInThenIdTokenVerifiesWithAuth0ClaimsAndUserinfoAnswersGetAndPost() throws Exception {
		HttpResponse<String> authorize = get(this.browser, authorizeUrl("cognito-client", COGNITO_CALLBACK,
				Map.of("state", "cognito+state/==", "nonce", "n-0S6_WzA2Mj", "scope", "openid profile email phone")));
		assertThat(authorize.statusCode()).isEqualTo(302);
		String loginUrl = location(authorize);
		assertThat(loginUrl).startsWith(base + "/u/login?state=hKFo2SB");
		assertThat(loginUrl).doesNotContain("cognito");

		HttpResponse<String> page = get(this.browser, loginUrl);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Local test users", "alice@example.com", "wonderland", "name=\"password\"");

		HttpResponse<String> loggedIn = postForm(this.browser, base + "/u/login", Map.of("state",
				query(loginUrl).get("state"), "username", "alice@example.com", "password", "wonderland"));
		assertThat(loggedIn.statusCode()).isEqualTo(302);
		assertThat(loggedIn.headers().allValues("Set-Cookie")).anySatisfy((c) -> assertThat(c).startsWith("auth0=")
			.contains("HttpOnly", "SameSite=Lax", "Path=/")
			.doesNotContain("Secure"));
		String callback = location(loggedIn);
		assertThat(callback).startsWith(COGNITO_CALLBACK + "?code=");
		// The client's own state, URL-encoded, and no iss parameter
		// (emulated-behaviour.md §A2).
		assertThat(callback).contains("&state=cognito%2Bstate%2F%3D%3D").doesNotContain("iss=");
		assertThat(query(callback).get("state")).isEqualTo("cognito+state/==");

		HttpResponse<String> token = postForm(this.backChannel, base + "/oauth/token",
				Map.of("grant_type", "authorization_code", "code", query(callback).get("code"), "redirect_uri",
						COGNITO_CALLBACK, "client_id", "cognito-client", "client_secret", "cognito-secret"));
		assertThat(token.statusCode()).isEqualTo(200);
		assertThat(token.headers().firstValue("Cache-Control")).hasValue("no-store");
		Map<String, Object> tokens = JSONObjectUtils.parse(token.body());
		assertThat(tokens.keySet()).containsExactly("access_token", "id_token", "scope", "expires_in", "token_type");
		assertThat(tokens).containsEntry("scope", "openid profile email phone")
			.containsEntry("expires_in", 86400L)
			.containsEntry("token_type", "Bearer")
			.doesNotContainKey("refresh_token");

		JWTClaimsSet claims = verifyIdToken((String) tokens.get("id_token"), "cognito-client");
		String accessToken = (String) tokens.get("access_token");
		HttpResponse<String> userInfoGet = send(this.backChannel,
				HttpRequest.newBuilder(URI.create(base + "/userinfo"))
					.header("Authorization", "Bearer " + accessToken)
					.GET());
		assertThat(userInfoGet.statusCode()).isEqualTo(200);
		Map<String, Object> profile = JSONObjectUtils.parse(userInfoGet.body());
		assertThat(profile.keySet()).containsExactly("sub", "name", "nickname", "picture", "updated_at", "email",
				"email_verified");
		assertThat(profile).containsEntry("sub", claims.getSubject());

		// Cognito's attributes_request_method=POST (emulated-behaviour.md §A9): header,
		// empty form
		// body.
		HttpResponse<String> userInfoPost = send(this.backChannel,
				HttpRequest.newBuilder(URI.create(base + "/userinfo"))
					.header("Authorization", "Bearer " + accessToken)
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("")));
		assertThat(userInfoPost.statusCode()).isEqualTo(200);
		assertThat(JSONObjectUtils.parse(userInfoPost.body())).isEqualTo(profile);
		HttpResponse<String> userInfoForm = postForm(this.backChannel, base + "/userinfo",
				Map.of("access_token", accessToken));
		assertThat(userInfoForm.statusCode()).isEqualTo(200);
		assertThat(JSONObjectUtils.parse(userInfoForm.body())).containsEntry("sub", claims.getSubject());
	}

	@Test
	void idTokenWhenIssuedThenRs256KidInTwoKeyJwksAudStringAuth0SubSidNonceAndTenHours() throws Exception {
		// emulated-behaviour.md §A11 fact 6; no auth_time without max_age or
		// prompt=login, no at_hash in
		// the code flow (§A7).
		String code = signIn(this.browser, "cognito-client", COGNITO_CALLBACK, Map.of("nonce", "n-0S6_WzA2Mj"));
		String idToken = (String) exchange(code, COGNITO_CALLBACK).get("id_token");

		JWTClaimsSet claims = verifyIdToken(idToken, "cognito-client");
		SignedJWT jwt = SignedJWT.parse(idToken);
		assertThat(jwt.getHeader().toJSONObject().keySet()).containsExactlyInAnyOrder("alg", "typ", "kid");
		assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
		JWKSet jwks = JWKSet.parse(get(this.backChannel, base + "/.well-known/jwks.json").body());
		assertThat(jwks.getKeys()).hasSizeGreaterThanOrEqualTo(2);
		assertThat(jwks.getKeyByKeyId(jwt.getHeader().getKeyID())).isNotNull();
		Map<String, Object> payload = payload(idToken);
		assertThat(payload.keySet()).containsExactly("nickname", "name", "picture", "updated_at", "email",
				"email_verified", "iss", "aud", "sub", "iat", "exp", "sid", "nonce");
		assertThat(payload.get("aud")).isEqualTo("cognito-client");
		assertThat(payload.get("iss")).isEqualTo(issuer);
		assertThat(claims.getSubject()).isEqualTo(Auth0Users.defaults("it-seed").get(0).userId())
			.matches("auth0\\|[0-9a-f]{24}");
		assertThat(payload).containsEntry("name", "Alice Liddell")
			.containsEntry("nickname", "alice")
			.containsEntry("email", "alice@example.com")
			.containsEntry("nonce", "n-0S6_WzA2Mj");
		assertThat((String) payload.get("sid")).matches("[A-Za-z0-9]{32}");
		assertThat((long) payload.get("exp") - (long) payload.get("iat")).isEqualTo(36000);
		assertThat(payload).doesNotContainKeys("at_hash", "auth_time");
	}

	@Test
	void userinfoWhenCalledThenUpdatedAtIsIsoStringAndEmailVerifiedBoolean() throws Exception {
		// emulated-behaviour.md §A11 fact 4, in the ID token and at /userinfo alike.
		String code = signIn(this.browser, "cognito-client", COGNITO_CALLBACK, Map.of());
		Map<String, Object> tokens = exchange(code, COGNITO_CALLBACK);
		Map<String, Object> idToken = payload((String) tokens.get("id_token"));

		HttpResponse<String> userInfo = send(this.backChannel,
				HttpRequest.newBuilder(URI.create(base + "/userinfo"))
					.header("Authorization", "Bearer " + tokens.get("access_token"))
					.GET());

		Map<String, Object> profile = JSONObjectUtils.parse(userInfo.body());
		for (Map<String, Object> claims : List.of(idToken, profile)) {
			assertThat(claims.get("updated_at")).isInstanceOf(String.class);
			assertThat((String) claims.get("updated_at"))
				.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
			assertThat(claims.get("email_verified")).isEqualTo(Boolean.TRUE);
		}
		assertThat(profile.get("updated_at")).isEqualTo(idToken.get("updated_at"));
	}

	@Test
	void accessTokenWhenNoAudienceThenOpaqueJweValidOnlyAtUserinfoFor86400Seconds() throws Exception {
		// emulated-behaviour.md §A11 fact 5: never a decodable JWT with aud = client_id.
		String code = signIn(this.browser, "cognito-client", COGNITO_CALLBACK, Map.of());
		Map<String, Object> tokens = exchange(code, COGNITO_CALLBACK);
		String accessToken = (String) tokens.get("access_token");

		assertThat(tokens).containsEntry("expires_in", 86400L);
		String[] parts = accessToken.split("\\.", -1);
		assertThat(parts).hasSize(5);
		assertThat(parts[1]).isEmpty();
		assertThat(new Base64URL(parts[0]).decodeToString())
			.isEqualTo("{\"alg\":\"dir\",\"enc\":\"A256GCM\",\"iss\":\"" + issuer + "\"}");
		assertThatExceptionOfType(ParseException.class).isThrownBy(() -> SignedJWT.parse(accessToken));
		assertThat(accessToken).doesNotContain(Base64URL.encode("cognito-client").toString());
		HttpResponse<String> userInfo = send(this.backChannel,
				HttpRequest.newBuilder(URI.create(base + "/userinfo"))
					.header("Authorization", "Bearer " + accessToken)
					.GET());
		assertThat(userInfo.statusCode()).isEqualTo(200);
	}

	@Test
	void idTokenWhenScopeOpenidOnlyThenNoProfileOrEmailClaims() throws Exception {
		String code = signIn(this.browser, "cognito-client", COGNITO_CALLBACK, Map.of("scope", "openid"));

		Map<String, Object> tokens = exchange(code, COGNITO_CALLBACK);
		Map<String, Object> payload = payload((String) tokens.get("id_token"));
		assertThat(payload.keySet()).containsExactly("iss", "aud", "sub", "iat", "exp", "sid");
		assertThat(tokens).containsEntry("scope", "openid");
	}

	@Test
	void authorizeWhenSessionLiveThenCodeIssuedWithoutLoginPageAndSameSid() throws Exception {
		String first = signIn(this.browser, "cognito-client", COGNITO_CALLBACK, Map.of());
		String firstSid = (String) payload((String) exchange(first, COGNITO_CALLBACK).get("id_token")).get("sid");

		HttpResponse<String> silent = get(this.browser,
				authorizeUrl("cognito-client", COGNITO_CALLBACK, Map.of("state", "again")));

		assertThat(silent.statusCode()).isEqualTo(302);
		String callback = location(silent);
		assertThat(callback).startsWith(COGNITO_CALLBACK + "?code=").endsWith("&state=again");
		Map<String, Object> second = payload(
				(String) exchange(query(callback).get("code"), COGNITO_CALLBACK).get("id_token"));
		assertThat(second.get("sid")).isEqualTo(firstSid);
	}

	@Test
	void authorizeWhenPromptNoneWithoutSessionThenLoginRequiredRedirectWithState() throws Exception {
		// emulated-behaviour.md §A11 fact 9.
		// emulated-behaviour.md §A2: prompt=none →
		// error=login_required&error_description=Login%20required.
		HttpResponse<String> response = get(this.browser,
				authorizeUrl("cognito-client", COGNITO_CALLBACK, Map.of("prompt", "none", "state", "s1")));

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(location(response))
			.isEqualTo(COGNITO_CALLBACK + "?error=login_required&error_description=Login%20required&state=s1");
	}

	@Test
	void authorizeWhenPromptNoneWithSessionThenCodeSilently() throws Exception {
		signIn(this.browser, "cognito-client", COGNITO_CALLBACK, Map.of());

		HttpResponse<String> response = get(this.browser,
				authorizeUrl("cognito-client", COGNITO_CALLBACK, Map.of("prompt", "none")));

		assertThat(location(response)).startsWith(COGNITO_CALLBACK + "?code=");
	}

	@Test
	void authorizeWhenPromptLoginThenFormAgainAndAuthTimeInIdToken() throws Exception {
		// emulated-behaviour.md §A11 fact 6.
		// emulated-behaviour.md §A7: auth_time only with max_age or prompt=login.
		signIn(this.browser, "cognito-client", COGNITO_CALLBACK, Map.of());

		HttpResponse<String> forced = get(this.browser,
				authorizeUrl("cognito-client", COGNITO_CALLBACK, Map.of("prompt", "login")));
		assertThat(location(forced)).startsWith(base + "/u/login?state=");
		String callback = location(postForm(this.browser, base + "/u/login", Map.of("state",
				query(location(forced)).get("state"), "username", "BOB@example.com", "password", "builder")));
		Map<String, Object> payload = payload(
				(String) exchange(query(callback).get("code"), COGNITO_CALLBACK).get("id_token"));

		assertThat(payload).containsKey("auth_time");
		assertThat(payload.get("sub")).isEqualTo(Auth0Users.defaults("it-seed").get(1).userId());
	}

	@Test
	void authorizeWhenMaxAgeGivenThenAuthTimeInIdToken() throws Exception {
		// emulated-behaviour.md §A11 fact 6: auth_time only with max_age or prompt=login.
		signIn(this.browser, "cognito-client", COGNITO_CALLBACK, Map.of());

		String code = signIn(this.browser, "cognito-client", COGNITO_CALLBACK, Map.of("max_age", "3600"));
		Map<String, Object> payload = payload((String) exchange(code, COGNITO_CALLBACK).get("id_token"));

		assertThat(payload.get("auth_time")).isInstanceOf(Long.class);
		assertThat((long) payload.get("auth_time")).isLessThanOrEqualTo((long) payload.get("iat"));
	}

	@Test
	void authorizeWhenRedirectUriNotAllowedThenCallbackMismatchPageAndNoRedirect() throws Exception {
		// emulated-behaviour.md §A11 fact 9.
		HttpResponse<String> response = get(this.browser,
				authorizeUrl("cognito-client", "http://localhost:9230/oauth2/IDPRESPONSE", Map.of()));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Location")).isEmpty();
		assertThat(response.body()).contains("Oops!, something went wrong", "unauthorized_client",
				"Callback URL mismatch. The provided redirect_uri is not in the list of allowed callback URLs.");
	}

	@Test
	void authorizeWhenClientUnknownOrMissingThenErrorPage() throws Exception {
		assertThat(get(this.browser, authorizeUrl("nobody", COGNITO_CALLBACK, Map.of())).statusCode()).isEqualTo(400);
		HttpResponse<String> missing = get(this.browser, base + "/authorize?response_type=code");
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(missing.body()).contains("Missing required parameter: client_id");
	}

	@Test
	void authorizeWhenResponseTypeTokenThenUnsupportedResponseTypeRedirect() throws Exception {
		// emulated-behaviour.md §A11 fact 9.
		HttpResponse<String> response = get(this.browser, base + "/authorize?client_id=cognito-client&redirect_uri="
				+ enc(COGNITO_CALLBACK) + "&response_type=token&state=s");

		assertThat(location(response)).startsWith(COGNITO_CALLBACK + "?error=unsupported_response_type&")
			.endsWith("&state=s");
	}

	@Test
	void authorizeWhenPkcePlainThenInvalidRequestRedirect() throws Exception {
		// emulated-behaviour.md §A2 CONFLICT (PKCE): plain advertised, rejected.
		HttpResponse<String> response = get(this.browser, authorizeUrl("cognito-client", COGNITO_CALLBACK,
				Map.of("code_challenge", "x".repeat(43), "code_challenge_method", "plain")));

		assertThat(query(location(response))).containsEntry("error", "invalid_request");
	}

	@Test
	void loginWhenPasswordWrongThen400WrongEmailOrPasswordAndTransactionKept() throws Exception {
		HttpResponse<String> authorize = get(this.browser, authorizeUrl("cognito-client", COGNITO_CALLBACK, Map.of()));
		String state = query(location(authorize)).get("state");

		HttpResponse<String> wrong = postForm(this.browser, base + "/u/login",
				Map.of("state", state, "username", "alice@example.com", "password", "Wonderland"));
		HttpResponse<String> unknown = postForm(this.browser, base + "/u/login",
				Map.of("state", state, "username", "<script>@example.com", "password", "x"));

		assertThat(wrong.statusCode()).isEqualTo(400);
		assertThat(wrong.body()).contains("Wrong email or password.");
		assertThat(wrong.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(unknown.body()).contains("Wrong email or password.", "&lt;script&gt;").doesNotContain("<script>");
		HttpResponse<String> right = postForm(this.browser, base + "/u/login",
				Map.of("state", state, "username", "alice@example.com", "password", "wonderland"));
		assertThat(location(right)).startsWith(COGNITO_CALLBACK + "?code=");
	}

	@Test
	void loginPageWhenTransactionUnknownThenBackButtonErrorPage() throws Exception {
		// emulated-behaviour.md §A11 fact 10.
		// emulated-behaviour.md §A2: the login transaction is gone (bookmark, back
		// button).
		HttpResponse<String> response = get(this.browser, base + "/u/login?state=bookmarked");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("invalid_request", "You may have pressed the back button");
	}

	@Test
	void loginPageWhenTransactionExpiredAndAppHasLoginUriThenRedirectedThereWithIss() throws Exception {
		// emulated-behaviour.md §A8, §A11 fact 10: login transactions last 1 h; Auth0
		// appends iss.
		HttpResponse<String> authorize = get(this.browser, authorizeUrl("basic-client", BASIC_CALLBACK, Map.of()));
		String loginUrl = location(authorize);
		assertThat(get(this.browser, loginUrl).statusCode()).isEqualTo(200);

		clock.advance(Duration.ofMinutes(61));
		HttpResponse<String> expired = get(this.browser, loginUrl);

		assertThat(expired.statusCode()).isEqualTo(302);
		assertThat(location(expired)).isEqualTo(BASIC_LOGIN_URI + "?iss=" + enc(issuer));
	}

	@Test
	void transactionsAndSessionsWhenFlowCompletesThenCountsMove() throws Exception {
		int transactions = emulator.pendingTransactions();
		HttpResponse<String> authorize = get(this.browser, authorizeUrl("cognito-client", COGNITO_CALLBACK, Map.of()));
		assertThat(emulator.pendingTransactions()).isEqualTo(transactions + 1);
		int sessions = emulator.activeSessions();

		postForm(this.browser, base + "/u/login", Map.of("state", query(location(authorize)).get("state"), "username",
				"alice@example.com", "password", "wonderland"));

		assertThat(emulator.pendingTransactions()).isEqualTo(transactions);
		assertThat(emulator.activeSessions()).isEqualTo(sessions + 1);
	}

	// --- §A3 token endpoint errors -------------------------------------------------

	@Test
	void tokenWhenSecretWrongThen401AccessDeniedUnauthorized() throws Exception {
		// emulated-behaviour.md §A3, §A11 fact 2.
		String code = signIn(this.browser, "cognito-client", COGNITO_CALLBACK, Map.of());

		HttpResponse<String> response = postForm(this.backChannel, base + "/oauth/token",
				Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", COGNITO_CALLBACK, "client_id",
						"cognito-client", "client_secret", "wrong"));

		assertError(response, 401, "access_denied", "Unauthorized");
	}

	@Test
	void tokenWhenBasicSentToPostApplicationThen401AccessDenied() throws Exception {
		// emulated-behaviour.md §A11 fact 2.
		// emulated-behaviour.md §A8: the configured method is enforced; a mismatch is
		// 401.
		String code = signIn(this.browser, "cognito-client", COGNITO_CALLBACK, Map.of());

		HttpResponse<String> response = send(this.backChannel, HttpRequest.newBuilder(URI.create(base + "/oauth/token"))
			.header("Authorization", basic("cognito-client", "cognito-secret"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(
					form(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", COGNITO_CALLBACK)))));

		assertError(response, 401, "access_denied", "Unauthorized");
	}

	@Test
	void tokenWhenPostSentToBasicApplicationThen401AndBasicThen200() throws Exception {
		String code = signIn(this.browser, "basic-client", BASIC_CALLBACK, Map.of());
		HttpResponse<String> post = postForm(this.backChannel, base + "/oauth/token",
				Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", BASIC_CALLBACK, "client_id",
						"basic-client", "client_secret", "basic-secret"));
		assertError(post, 401, "access_denied", "Unauthorized");

		String second = signIn(this.browser, "basic-client", BASIC_CALLBACK, Map.of());
		HttpResponse<String> basic = send(this.backChannel, HttpRequest.newBuilder(URI.create(base + "/oauth/token"))
			.header("Authorization", basic("basic-client", "basic-secret"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(
					form(Map.of("grant_type", "authorization_code", "code", second, "redirect_uri", BASIC_CALLBACK)))));
		assertThat(basic.statusCode()).isEqualTo(200);
	}

	@Test
	void tokenWhenClientUnknownThen403UnauthorizedClient() throws Exception {
		HttpResponse<String> response = postForm(this.backChannel, base + "/oauth/token",
				Map.of("grant_type", "authorization_code", "code", "x", "client_id", "nobody", "client_secret", "y"));

		assertError(response, 403, "unauthorized_client", "invalid client");
	}

	@Test
	void tokenWhenCodeUsedTwiceThen403InvalidAuthorizationCode() throws Exception {
		// emulated-behaviour.md §A2: a code is single use; §A11 fact 2: 403
		// invalid_grant.
		String code = signIn(this.browser, "cognito-client", COGNITO_CALLBACK, Map.of());
		assertThat(exchange(code, COGNITO_CALLBACK)).containsKey("id_token");

		HttpResponse<String> again = postForm(this.backChannel, base + "/oauth/token", cognitoExchange(code));

		assertError(again, 403, "invalid_grant", "Invalid authorization code");
	}

	@Test
	void tokenWhenCodeExpiredOrUnknownThen403InvalidAuthorizationCode() throws Exception {
		// emulated-behaviour.md §A11 fact 2.
		String code = signIn(this.browser, "cognito-client", COGNITO_CALLBACK, Map.of());
		clock.advance(Duration.ofSeconds(601));

		assertError(postForm(this.backChannel, base + "/oauth/token", cognitoExchange(code)), 403, "invalid_grant",
				"Invalid authorization code");
		assertError(postForm(this.backChannel, base + "/oauth/token", cognitoExchange("made-up")), 403, "invalid_grant",
				"Invalid authorization code");
	}

	@Test
	void tokenWhenRedirectUriOmittedThoughSentAtAuthorizeThen403Required() throws Exception {
		String code = signIn(this.browser, "cognito-client", COGNITO_CALLBACK, Map.of());
		Map<String, String> params = new LinkedHashMap<>(cognitoExchange(code));
		params.remove("redirect_uri");

		assertError(postForm(this.backChannel, base + "/oauth/token", params), 403, "invalid_grant",
				"redirect_uri is required if it was included in the authorization request.");
	}

	@Test
	void tokenWhenRedirectUriDiffersThen403InvalidGrant() throws Exception {
		String code = signIn(this.browser, "cognito-client", COGNITO_CALLBACK, Map.of());
		Map<String, String> params = new LinkedHashMap<>(cognitoExchange(code));
		params.put("redirect_uri", "http://localhost:9230/other");

		HttpResponse<String> response = postForm(this.backChannel, base + "/oauth/token", params);

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(JSONObjectUtils.parse(response.body())).containsEntry("error", "invalid_grant");
		assertThat(response.body()).contains("The redirect URI is wrong.");
	}

	@Test
	void tokenWhenGrantTypeUnknownThen400UnsupportedGrantType() throws Exception {
		HttpResponse<String> response = postForm(this.backChannel, base + "/oauth/token",
				Map.of("grant_type", "password", "client_id", "cognito-client", "client_secret", "cognito-secret"));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(JSONObjectUtils.parse(response.body())).containsEntry("error", "unsupported_grant_type");
	}

	@Test
	void tokenWhenRefreshTokenGrantThen403UnknownOrInvalidRefreshToken() throws Exception {
		// emulated-behaviour.md §A11 fact 2; this tenant issues no refresh tokens
		// (emulated-behaviour.md §A9).
		HttpResponse<String> response = postForm(this.backChannel, base + "/oauth/token",
				Map.of("grant_type", "refresh_token", "refresh_token", "v1.x", "client_id", "cognito-client",
						"client_secret", "cognito-secret"));

		assertError(response, 403, "invalid_grant", "Unknown or invalid refresh token.");
	}

	@Test
	void tokenWhenPublicClientWithPkceThenVerifierDecides() throws Exception {
		String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
		String challenge = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		Map<String, String> pkce = Map.of("code_challenge", challenge, "code_challenge_method", "S256");

		String code = signIn(this.browser, "spa-client", SPA_CALLBACK, pkce);
		HttpResponse<String> wrong = postForm(this.backChannel, base + "/oauth/token",
				Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", SPA_CALLBACK, "client_id",
						"spa-client", "code_verifier", verifier.replace('d', 'e')));
		assertThat(wrong.statusCode()).isEqualTo(403);
		assertThat(JSONObjectUtils.parse(wrong.body())).containsEntry("error", "invalid_grant");

		String second = signIn(this.browser, "spa-client", SPA_CALLBACK, pkce);
		HttpResponse<String> right = postForm(this.backChannel, base + "/oauth/token",
				Map.of("grant_type", "authorization_code", "code", second, "redirect_uri", SPA_CALLBACK, "client_id",
						"spa-client", "code_verifier", verifier));
		assertThat(right.statusCode()).isEqualTo(200);
	}

	@Test
	void tokenWhenJsonBodyThen200() throws Exception {
		// emulated-behaviour.md §A3: JSON bodies are accepted too.
		String code = signIn(this.browser, "cognito-client", COGNITO_CALLBACK, Map.of());

		HttpResponse<String> response = send(this.backChannel,
				HttpRequest.newBuilder(URI.create(base + "/oauth/token"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers
						.ofString(JSONObjectUtils.toJSONString(new LinkedHashMap<>(cognitoExchange(code))))));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JSONObjectUtils.parse(response.body())).containsKey("id_token");
	}

	@Test
	void tokenWhenBodyMalformedThen400JsonNever500() throws Exception {
		HttpResponse<String> json = send(this.backChannel,
				HttpRequest.newBuilder(URI.create(base + "/oauth/token"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{not json")));
		HttpResponse<String> empty = send(this.backChannel,
				HttpRequest.newBuilder(URI.create(base + "/oauth/token")).POST(HttpRequest.BodyPublishers.noBody()));
		HttpResponse<String> badBasic = send(this.backChannel,
				HttpRequest.newBuilder(URI.create(base + "/oauth/token"))
					.header("Authorization", "Basic %%%")
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=x")));

		assertThat(json.statusCode()).isEqualTo(400);
		assertThat(empty.statusCode()).isEqualTo(400);
		assertError(badBasic, 401, "access_denied", "Unauthorized");
	}

	@Test
	void badInputWhenMalformedOrOversizedThenDocumentedErrorNever500() throws Exception {
		HttpResponse<String> longState = get(this.browser,
				authorizeUrl("cognito-client", COGNITO_CALLBACK, Map.of("state", "s".repeat(5000))));
		HttpResponse<String> badEncoding = get(this.browser, base + "/authorize?client_id=%00%E0%A4");
		HttpResponse<String> duplicate = get(this.browser,
				base + "/authorize?client_id=cognito-client&client_id=basic-client");
		HttpResponse<String> deepJson = send(this.backChannel,
				HttpRequest.newBuilder(URI.create(base + "/oauth/token"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"a\":".repeat(6000))));
		HttpResponse<String> arrayJson = send(this.backChannel,
				HttpRequest.newBuilder(URI.create(base + "/oauth/token"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("[1,2]")));
		HttpResponse<String> noState = postForm(this.browser, base + "/u/login",
				Map.of("username", "alice@example.com", "password", "wonderland"));
		HttpResponse<String> badHint = get(this.browser, base + "/oidc/logout?id_token_hint=abc.def.ghi");

		assertThat(longState.statusCode()).isEqualTo(400);
		assertThat(longState.body()).contains("Oops!");
		assertThat(badEncoding.statusCode()).isEqualTo(400);
		assertThat(duplicate.statusCode()).isEqualTo(400);
		assertThat(deepJson.statusCode()).isEqualTo(400);
		assertThat(arrayJson.statusCode()).isEqualTo(400);
		assertThat(noState.statusCode()).isEqualTo(400);
		assertThat(noState.body()).contains("You may have pressed the back button");
		assertThat(badHint.statusCode()).isEqualTo(400);
		assertThat(get(this.browser, base + "/oauth/token").body()).isEqualTo("Cannot GET /oauth/token");
	}

	// --- §A4 userinfo --------------------------------------------------------------

	@Test
	void userinfoWhenTokenInvalidThen401PlainTextUnauthorizedWithWwwAuthenticate() throws Exception {
		// emulated-behaviour.md §A4, §A11 fact 3.
		HttpResponse<String> response = send(this.backChannel,
				HttpRequest.newBuilder(URI.create(base + "/userinfo"))
					.header("Authorization", "Bearer eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..aaaa.bbbb.cccc")
					.GET());

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo("Unauthorized");
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/plain"));
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying((h) -> assertThat(h)
			.startsWith("Bearer realm=\"Users\", error=\"invalid_token\", error_description=\""));
	}

	@Test
	void userinfoWhenTokenExpiredThen401TokenHasExpired() throws Exception {
		// emulated-behaviour.md §A11 fact 3.
		String code = signIn(this.browser, "cognito-client", COGNITO_CALLBACK, Map.of());
		String accessToken = (String) exchange(code, COGNITO_CALLBACK).get("access_token");
		clock.advance(Duration.ofSeconds(86401));

		HttpResponse<String> response = send(this.backChannel,
				HttpRequest.newBuilder(URI.create(base + "/userinfo"))
					.header("Authorization", "Bearer " + accessToken)
					.GET());

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValue("Bearer realm=\"Users\", error=\"invalid_token\", error_description=\"The token has expired\"");
	}

	@Test
	void userinfoWhenIdTokenPresentedAsAccessTokenThen401() throws Exception {
		String code = signIn(this.browser, "cognito-client", COGNITO_CALLBACK, Map.of());
		String idToken = (String) exchange(code, COGNITO_CALLBACK).get("id_token");

		HttpResponse<String> response = send(this.backChannel,
				HttpRequest.newBuilder(URI.create(base + "/userinfo"))
					.header("Authorization", "Bearer " + idToken)
					.GET());

		assertThat(response.statusCode()).isEqualTo(401);
	}

	// --- §A5 /v2/logout ------------------------------------------------------------

	@Test
	void v2LogoutWhenClientIdAndReturnToWithQueryThenRedirectedInFullAndSessionGone() throws Exception {
		// emulated-behaviour.md §A10 pattern A and §A11 fact 7: the app list applies, the
		// query
		// is ignored
		// for
		// matching and kept in the redirect.
		signIn(this.browser, "cognito-client", COGNITO_CALLBACK, Map.of());
		String returnTo = COGNITO_LOGOUT + "?client_id=app-client&logout_uri=" + enc(APP_SIGNED_OUT);

		HttpResponse<String> response = get(this.browser,
				base + "/v2/logout?client_id=cognito-client&returnTo=" + enc(returnTo));

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(location(response)).isEqualTo(returnTo);
		assertThat(response.headers().allValues("Set-Cookie"))
			.anySatisfy((c) -> assertThat(c).startsWith("auth0=;").contains("Max-Age=0"));
		assertThat(location(get(this.browser, authorizeUrl("cognito-client", COGNITO_CALLBACK, Map.of()))))
			.startsWith(base + "/u/login?state=");
	}

	@Test
	void v2LogoutWhenReturnToHasQueryAndFragmentThenBothIgnoredForMatchingAndKept() throws Exception {
		// emulated-behaviour.md §A11 fact 7: "the query string, and hash information …
		// are not taken into
		// account".
		String returnTo = COGNITO_LOGOUT + "?client_id=app-client#after";

		HttpResponse<String> response = get(this.browser,
				base + "/v2/logout?client_id=cognito-client&returnTo=" + enc(returnTo));

		assertThat(location(response)).isEqualTo(returnTo);
	}

	@Test
	void v2LogoutWhenServerSessionEndedThenOldCookieNoLongerSignsIn() throws Exception {
		signIn(this.browser, "cognito-client", COGNITO_CALLBACK, Map.of());
		String cookie = cookieHeader(this.browser);
		int before = emulator.activeSessions();

		// The logout runs in another client carrying the same cookie; the browser keeps
		// its copy, as a replayed cookie would.
		send(this.backChannel, HttpRequest.newBuilder(URI.create(base + "/v2/logout")).header("Cookie", cookie).GET());

		assertThat(emulator.activeSessions()).isEqualTo(before - 1);
		HttpResponse<String> replay = get(this.browser,
				authorizeUrl("cognito-client", COGNITO_CALLBACK, Map.of("prompt", "none")));
		assertThat(query(location(replay))).containsEntry("error", "login_required");
	}

	@Test
	void v2LogoutWhenReturnToNotAllowedThen400PageAndSessionStillCleared() throws Exception {
		// emulated-behaviour.md §A11 fact 7.
		signIn(this.browser, "cognito-client", COGNITO_CALLBACK, Map.of());

		HttpResponse<String> response = get(this.browser,
				base + "/v2/logout?client_id=cognito-client&returnTo=" + enc("https://evil.example/logout"));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Location")).isEmpty();
		assertThat(response.body()).contains(
				"The &quot;returnTo&quot; querystring parameter &quot;https://evil.example/logout&quot; is not defined as a valid URL in &quot;Allowed Logout URLs&quot;");
		HttpResponse<String> silent = get(this.browser,
				authorizeUrl("cognito-client", COGNITO_CALLBACK, Map.of("prompt", "none")));
		assertThat(query(location(silent))).containsEntry("error", "login_required");
	}

	@Test
	void v2LogoutWhenNoClientIdThenTenantListApplies() throws Exception {
		// emulated-behaviour.md §A11 fact 7.
		// emulated-behaviour.md §A5: without client_id the tenant's Allowed Logout URLs
		// decide.
		assertThat(location(get(this.browser, base + "/v2/logout?returnTo=" + enc(APP_SIGNED_OUT + "?a=b"))))
			.isEqualTo(APP_SIGNED_OUT + "?a=b");
		assertThat(get(this.browser, base + "/v2/logout?returnTo=" + enc(COGNITO_LOGOUT)).statusCode()).isEqualTo(400);
	}

	@Test
	void v2LogoutWhenClientIdAloneThenFirstAllowedLogoutUrl() throws Exception {
		// emulated-behaviour.md §A11 fact 7.
		HttpResponse<String> response = get(this.browser, base + "/v2/logout?client_id=cognito-client");

		assertThat(location(response)).isEqualTo(COGNITO_LOGOUT);
	}

	@Test
	void v2LogoutWhenNoParametersThen200PlainOk() throws Exception {
		HttpResponse<String> response = get(this.browser, base + "/v2/logout");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("OK");
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((t) -> assertThat(t).startsWith("text/plain"));
	}

	// --- §A6 /oidc/logout ----------------------------------------------------------

	@Test
	void oidcLogoutWhenIdTokenHintAndExactUriThenRedirectWithStateAndSessionGone() throws Exception {
		// emulated-behaviour.md §A6, §A11 fact 8.
		String code = signIn(this.browser, "cognito-client", COGNITO_CALLBACK, Map.of());
		String idToken = (String) exchange(code, COGNITO_CALLBACK).get("id_token");

		HttpResponse<String> response = get(this.browser, base + "/oidc/logout?id_token_hint=" + idToken
				+ "&post_logout_redirect_uri=" + enc("http://localhost:9230/bye?x=1") + "&state=st");

		assertThat(location(response)).isEqualTo("http://localhost:9230/bye?x=1&state=st");
		HttpResponse<String> silent = get(this.browser,
				authorizeUrl("cognito-client", COGNITO_CALLBACK, Map.of("prompt", "none")));
		assertThat(query(location(silent))).containsEntry("error", "login_required");
	}

	@Test
	void oidcLogoutWhenUriQueryDiffersThenErrorUnlikeV2Logout() throws Exception {
		// emulated-behaviour.md §A11 fact 8.
		String code = signIn(this.browser, "cognito-client", COGNITO_CALLBACK, Map.of());
		String idToken = (String) exchange(code, COGNITO_CALLBACK).get("id_token");

		HttpResponse<String> response = get(this.browser, base + "/oidc/logout?id_token_hint=" + idToken
				+ "&post_logout_redirect_uri=" + enc(COGNITO_LOGOUT + "?client_id=x"));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Location")).isEmpty();
	}

	@Test
	void oidcLogoutWhenNoHintsThenConfirmationFormThenPostLogsOut() throws Exception {
		// emulated-behaviour.md §A11 fact 8.
		signIn(this.browser, "cognito-client", COGNITO_CALLBACK, Map.of());

		HttpResponse<String> prompt = get(this.browser,
				base + "/oidc/logout?client_id=cognito-client&post_logout_redirect_uri=" + enc(COGNITO_LOGOUT));
		assertThat(prompt.statusCode()).isEqualTo(200);
		assertThat(prompt.body()).contains("<form method=\"post\" action=\"/oidc/logout\"", "name=\"confirm\"");
		assertThat(prompt.headers().allValues("Set-Cookie")).isEmpty();

		HttpResponse<String> confirmed = postForm(this.browser, base + "/oidc/logout",
				Map.of("client_id", "cognito-client", "post_logout_redirect_uri", COGNITO_LOGOUT, "confirm", "yes"));
		assertThat(location(confirmed)).isEqualTo(COGNITO_LOGOUT);
		assertThat(query(location(
				get(this.browser, authorizeUrl("cognito-client", COGNITO_CALLBACK, Map.of("prompt", "none"))))))
			.containsEntry("error", "login_required");
	}

	@Test
	void oidcLogoutWhenClientIdDiffersFromHintAudienceThenError() throws Exception {
		String code = signIn(this.browser, "cognito-client", COGNITO_CALLBACK, Map.of());
		String idToken = (String) exchange(code, COGNITO_CALLBACK).get("id_token");

		HttpResponse<String> response = get(this.browser,
				base + "/oidc/logout?client_id=basic-client&id_token_hint=" + idToken);

		assertThat(response.statusCode()).isEqualTo(400);
	}

	// --- keys ---------------------------------------------------------------------

	@Test
	void rotateSigningKeyWhenCalledThenNextKeySignsAndStaysInJwks() throws Exception {
		String nextKid = (String) ((Map<?, ?>) JSONObjectUtils
			.getJSONArray(JSONObjectUtils.parse(get(this.backChannel, base + "/.well-known/jwks.json").body()), "keys")
			.get(1)).get("kid");

		emulator.rotateSigningKey();
		String code = signIn(this.browser, "cognito-client", COGNITO_CALLBACK, Map.of());
		String idToken = (String) exchange(code, COGNITO_CALLBACK).get("id_token");

		assertThat(SignedJWT.parse(idToken).getHeader().getKeyID()).isEqualTo(nextKid);
		verifyIdToken(idToken, "cognito-client");
	}

	// --- helpers ------------------------------------------------------------------

	private static HttpClient newBrowser() {
		return HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.cookieHandler(new CookieManager())
			.build();
	}

	/** The whole browser part for a user; returns the code from the callback. */
	private String signIn(HttpClient client, String clientId, String callback, Map<String, String> extra)
			throws Exception {
		HttpResponse<String> authorize = get(client, authorizeUrl(clientId, callback, extra));
		String location = location(authorize);
		if (location.startsWith(base + "/u/login")) {
			HttpResponse<String> login = postForm(client, base + "/u/login", Map.of("state",
					query(location).get("state"), "username", "alice@example.com", "password", "wonderland"));
			location = location(login);
		}
		assertThat(location).startsWith(callback + "?code=");
		return query(location).get("code");
	}

	private Map<String, Object> exchange(String code, String callback) throws Exception {
		HttpResponse<String> response = postForm(this.backChannel, base + "/oauth/token", cognitoExchange(code));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSONObjectUtils.parse(response.body());
	}

	private static Map<String, String> cognitoExchange(String code) {
		// What Cognito sends (emulated-behaviour.md §C1.4 step 2): client_secret_post.
		Map<String, String> params = new LinkedHashMap<>();
		params.put("grant_type", "authorization_code");
		params.put("code", code);
		params.put("redirect_uri", COGNITO_CALLBACK);
		params.put("client_id", "cognito-client");
		params.put("client_secret", "cognito-secret");
		return params;
	}

	private static JWTClaimsSet verifyIdToken(String idToken, String audience) throws Exception {
		JWKSource<SecurityContext> jwks = new ImmutableJWKSet<>(
				JWKSet.parse(get(HttpClient.newHttpClient(), base + "/.well-known/jwks.json").body()));
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT));
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, jwks));
		processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience,
				new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "iat", "exp", "sid")));
		return processor.process(idToken, null);
	}

	private static Map<String, Object> payload(String jwt) throws ParseException {
		return JSONObjectUtils.parse(SignedJWT.parse(jwt).getPayload().toString());
	}

	private static String authorizeUrl(String clientId, String redirectUri, Map<String, String> extra) {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("client_id", clientId);
		params.put("redirect_uri", redirectUri);
		params.put("response_type", "code");
		params.put("scope", "openid profile email");
		params.putAll(extra);
		return base + "/authorize?" + form(params);
	}

	private static void assertError(HttpResponse<String> response, int status, String error, String description)
			throws ParseException {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((t) -> assertThat(t).startsWith("application/json"));
		Map<String, Object> body = JSONObjectUtils.parse(response.body());
		assertThat(body).containsExactly(Map.entry("error", error), Map.entry("error_description", description));
	}

	private static String cookieHeader(HttpClient client) {
		CookieManager cookies = (CookieManager) client.cookieHandler().orElseThrow();
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.map((c) -> c.getName() + "=" + c.getValue())
			.collect(Collectors.joining("; "));
	}

	private static String basic(String id, String secret) {
		return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

	private static HttpResponse<String> get(HttpClient client, String url) throws IOException, InterruptedException {
		return send(client, HttpRequest.newBuilder(URI.create(url)).GET());
	}

	private static HttpResponse<String> postForm(HttpClient client, String url, Map<String, String> params)
			throws IOException, InterruptedException {
		return send(client,
				HttpRequest.newBuilder(URI.create(url))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form(params))));
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request)
			throws IOException, InterruptedException {
		return client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String form(Map<String, String> params) {
		return params.entrySet()
			.stream()
			.map((e) -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** The Location header resolved against the tenant (it may be relative). */
	private static String location(HttpResponse<String> response) {
		String location = response.headers().firstValue("Location").orElse(null);
		assertThat(location).as("Location of %s %s", response.statusCode(), response.body()).isNotNull();
		return location.startsWith("/") ? base + location : location;
	}

	private static Map<String, String> query(String url) {
		Map<String, String> params = new LinkedHashMap<>();
		int q = url.indexOf('?');
		if (q < 0) {
			return params;
		}
		Matcher m = Pattern.compile("([^&=#]+)=([^&#]*)").matcher(url.substring(q + 1));
		while (m.find()) {
			params.put(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8),
					URLDecoder.decode(m.group(2), StandardCharsets.UTF_8));
		}
		return params;
	}

}

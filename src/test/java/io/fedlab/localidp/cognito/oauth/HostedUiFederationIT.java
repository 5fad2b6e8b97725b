package io.fedlab.localidp.cognito.oauth;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.fedlab.localidp.MutableClock;
import io.fedlab.localidp.auth0.Auth0Application;
import io.fedlab.localidp.auth0.Auth0Emulator;
import io.fedlab.localidp.auth0.Auth0Settings;
import io.fedlab.localidp.auth0.Auth0User;
import io.fedlab.localidp.auth0.Auth0Users;
import io.fedlab.localidp.cognito.state.AppClient;
import io.fedlab.localidp.cognito.state.CognitoStore;
import io.fedlab.localidp.cognito.state.IdGenerator;
import io.fedlab.localidp.cognito.state.IdentityProvider;
import io.fedlab.localidp.cognito.state.PoolUser;
import io.fedlab.localidp.cognito.state.UserPool;
import io.fedlab.localidp.cognito.tokens.CognitoTokens;
import io.fedlab.localidp.cognito.tokens.PoolKeys;
import io.fedlab.localidp.http.EmulatorServer;
import io.fedlab.localidp.http.FreePorts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local pool domain federating to the local Auth0 tenant over real HTTP, driven like
 * a browser (cookie jar, redirects followed by hand). Test names cite the
 * emulated-behaviour.md §C9 facts they pin.
 */
class HostedUiFederationIT {

	static final String REGION = "eu-west-1";

	static final String DOMAIN = "fedlab-test";

	static final String AUTH0_CLIENT_ID = "a0CognitoClient0000000000000001";

	static final String AUTH0_CLIENT_SECRET = "auth0-secret-for-cognito-0123456789";

	/** The local Cognito's clock; tests move it to age codes and tokens. */
	static final MutableClock clock = new MutableClock();

	static EmulatorServer hostedServer;

	static EmulatorServer auth0Server;

	static HostedUiDispatcher hostedUi;

	static CognitoStore store;

	static PoolKeys keys;

	static UserPool pool;

	static String hosted;

	static String auth0Base;

	static String clientId;

	static String clientSecret;

	static Auth0User alice;

	HttpClient browser;

	/** Who signs in at Auth0. */
	Auth0User auth0User;

	static Auth0User bob;

	final HttpClient backend = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	StubMapping auth0Override;

	@BeforeAll
	static void startEmulators() {
		int hostedPort = FreePorts.resolve(0);
		int auth0Port = FreePorts.resolve(0);
		hosted = "http://localhost:" + hostedPort;
		auth0Base = "http://localhost:" + auth0Port;
		store = new CognitoStore(REGION, "123456789012", IdGenerator.random());
		String poolId = store.ids().poolId(REGION);
		pool = store.createPool(TestCognitoPools.pool(REGION, poolId));
		store.attachDomain(pool, DOMAIN);
		clientId = store.ids().clientId();
		clientSecret = store.ids().clientSecret();
		keys = new PoolKeys(null);
		CognitoTokens tokens = new CognitoTokens(keys, (id) -> "http://localhost:9229/" + id, clock);
		hostedUi = new HostedUiDispatcher(store, tokens, DOMAIN,
				HostedUiOptions.defaults().withBackChannelTimeout(Duration.ofSeconds(1)),
				HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), clock);
		hostedServer = new EmulatorServer("cognito-hosted-ui", "127.0.0.1", hostedPort, hostedUi).start();
		List<Auth0User> users = Auth0Users.defaults("hosted-ui-it");
		alice = users.get(0);
		bob = users.get(1);
		Auth0Application app = new Auth0Application("Cognito", AUTH0_CLIENT_ID, AUTH0_CLIENT_SECRET,
				"client_secret_post", List.of(hosted + "/oauth2/idpresponse"), List.of(hosted + "/logout"), null);
		Auth0Emulator auth0 = new Auth0Emulator(
				new Auth0Settings(auth0Base + "/", null, List.of(app), users, List.of()), Clock.systemUTC());
		auth0Server = new EmulatorServer("auth0", "127.0.0.1", auth0Port, auth0.dispatcher()).start();
	}

	@AfterAll
	static void stopEmulators() {
		hostedServer.close();
		auth0Server.close();
	}

	@BeforeEach
	void freshBrowserAndDefaults() {
		CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
		this.auth0User = alice;
		this.browser = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.cookieHandler(cookies)
			.build();
		store.putClient(pool, TestCognitoPools.client(pool.id(), clientId, clientSecret));
		store.putIdentityProvider(pool,
				TestCognitoPools.auth0(pool.id(), auth0Base, AUTH0_CLIENT_ID, AUTH0_CLIENT_SECRET));
	}

	@AfterEach
	void removeAuth0OverridesAndResetClock() {
		clock.reset();
		if (this.auth0Override != null) {
			auth0Server.wireMock().removeStub(this.auth0Override);
		}
	}

	// Happy path

	@Test
	void codeFlowWhenFederatedThroughAuth0ThenTokenResponseHasCognitoShape() throws Exception {
		String appRedirect = signIn(authorizeParams("Auth0"));
		Map<String, String> callback = query(appRedirect);
		assertThat(appRedirect).startsWith(TestCognitoPools.APP_CALLBACK + "?code=");
		assertThat(callback.get("state")).isEqualTo("app-state");
		// Codes are UUID-shaped (emulated-behaviour.md §C1.2).
		assertThat(callback.get("code")).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

		HttpResponse<String> token = postForm(
				hosted + "/oauth2/token", Map.of("grant_type", "authorization_code", "code", callback.get("code"),
						"redirect_uri", TestCognitoPools.APP_CALLBACK, "code_verifier", VERIFIER),
				basic(clientId, clientSecret));
		assertThat(token.statusCode()).isEqualTo(200);
		assertThat(token.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
		assertThat(token.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
		Map<String, Object> body = JSONObjectUtils.parse(token.body());
		assertThat(body).containsOnlyKeys("id_token", "access_token", "refresh_token", "expires_in", "token_type");
		assertThat(body.get("token_type")).isEqualTo("Bearer");
		assertThat(((Number) body.get("expires_in")).longValue()).isEqualTo(3600);

		// emulated-behaviour.md §C3: RS256 with a kid and no typ; ID and access tokens
		// signed with
		// different keys of the pool.
		SignedJWT id = verified((String) body.get("id_token"));
		SignedJWT access = verified((String) body.get("access_token"));
		JWTClaimsSet idClaims = id.getJWTClaimsSet();
		assertThat(id.getHeader().getType()).isNull();
		assertThat(access.getHeader().getKeyID()).isNotEqualTo(id.getHeader().getKeyID());
		assertThat(idClaims.getIssuer()).isEqualTo("http://localhost:9229/" + pool.id());
		assertThat(idClaims.getStringClaim("email")).isEqualTo("alice@example.com");
		assertThat(idClaims.getStringClaim("nonce")).isEqualTo("app-nonce");
		assertThat(access.getJWTClaimsSet().getSubject()).isEqualTo(idClaims.getSubject());
	}

	@Test
	void accessTokenWhenIssuedThenNoAudButClientIdUsernameVersion2TokenUseAccessAndScopeString() throws Exception {
		// emulated-behaviour.md §C9 fact 4 (access token part; aud only with resource=,
		// which the
		// emulator does not implement: docs/reference-facts.md).
		Map<String, Object> access = payload(verified((String) signInTokens().get("access_token")));

		assertThat(access).doesNotContainKey("aud")
			.containsEntry("token_use", "access")
			.containsEntry("client_id", clientId)
			.containsEntry("username", expectedUsername())
			.containsEntry("version", 2L)
			.containsEntry("scope", "openid email profile");
	}

	@Test
	void idTokenWhenIssuedThenAudIsClientIdStringWithCognitoUsernameAndTokenUseId() throws Exception {
		// emulated-behaviour.md §C9 fact 4 (ID token part).
		Map<String, Object> id = payload(verified((String) signInTokens().get("id_token")));

		assertThat(id).containsEntry("aud", clientId)
			.containsEntry("cognito:username", expectedUsername())
			.containsEntry("token_use", "id");
	}

	@Test
	void userInfoWhenCalledThenVerifiedFlagsAreStringsWithUsernameWhileIdTokenHasBooleans() throws Exception {
		// emulated-behaviour.md §C9 fact 5. Auth0 sends no phone number, so the test
		// gives alice one.
		signInTokens();
		PoolUser user = pool.user(expectedUsername());
		Map<String, String> attributes = new LinkedHashMap<>(user.attributes());
		attributes.put("phone_number", "+12065551212");
		attributes.put("phone_number_verified", "true");
		store.putUser(pool, new PoolUser(user.username(), attributes, user.userCreateDate(),
				user.userLastModifiedDate(), user.enabled(), user.userStatus()));
		// Scope openid alone releases every readable attribute (emulated-behaviour.md
		// §C1.7); the
		// live cognito session issues the code without Auth0.
		Map<String, String> params = authorizeParams("Auth0");
		params.put("scope", "openid");
		Map<String, Object> tokens = redeem(query(signIn(params)).get("code"));

		Map<String, Object> id = payload(verified((String) tokens.get("id_token")));
		assertThat(id).containsEntry("email_verified", true).containsEntry("phone_number_verified", true);
		HttpResponse<String> info = get(this.backend, hosted + "/oauth2/userInfo",
				"Bearer " + tokens.get("access_token"));
		assertThat(info.statusCode()).isEqualTo(200);
		assertThat(info.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
		Map<String, Object> profile = JSONObjectUtils.parse(info.body());
		assertThat(profile).containsEntry("email_verified", "true")
			.containsEntry("phone_number_verified", "true")
			.containsEntry("username", expectedUsername())
			.containsEntry("sub", id.get("sub"))
			.containsEntry("email", "alice@example.com");
	}

	@Test
	void identitiesWhenFederatedThenStringsInIdTokenButJsonStringWithBooleanAndNumberInProfile() throws Exception {
		// emulated-behaviour.md §C9 fact 6 (the API side:
		// CognitoApiSdkIT#adminGetUserWhenFederated…).
		Map<String, Object> id = payload(verified((String) signInTokens().get("id_token")));

		Map<?, ?> identity = (Map<?, ?>) ((List<?>) id.get("identities")).get(0);
		assertThat(identity.get("primary")).isEqualTo("true");
		assertThat(identity.get("dateCreated")).isInstanceOf(String.class);
		assertThat((String) identity.get("dateCreated")).matches("\\d{13}");
		assertThat(identity.get("userId")).isEqualTo(alice.userId());
		assertThat(identity.get("providerName")).isEqualTo("Auth0");
		assertThat(identity.get("providerType")).isEqualTo("OIDC");
		assertThat(identity.containsKey("issuer")).isTrue();
		PoolUser user = pool.user(expectedUsername());
		Map<?, ?> stored = (Map<?, ?>) JSONArrayUtils.parse(user.attribute("identities")).get(0);
		assertThat(stored.get("primary")).isEqualTo(Boolean.TRUE);
		assertThat(stored.get("dateCreated")).isInstanceOf(Number.class);
		assertThat(((Number) stored.get("dateCreated")).toString()).isEqualTo(identity.get("dateCreated"));
		assertThat(stored.containsKey("issuer")).isTrue();
		assertThat(stored.get("issuer")).isNull();
	}

	@Test
	void federatedUserWhenCreatedThenLowercasedProviderUnderscoreSubAndAutoGroupInBothTokens() throws Exception {
		// emulated-behaviour.md §C9 fact 7: <ProviderName>_<IdP sub>, lowercased in a
		// pool whose
		// usernames are not case-sensitive; the auto group <poolId>_<ProviderName> keeps
		// its case and appears in both tokens.
		Map<String, Object> tokens = signInTokens();
		String autoGroup = pool.id() + "_Auth0";

		assertThat(expectedUsername()).isEqualTo("auth0_" + alice.userId().toLowerCase());
		PoolUser user = pool.user(expectedUsername());
		assertThat(user).isNotNull();
		assertThat(user.userStatus()).isEqualTo("EXTERNAL_PROVIDER");
		JWTClaimsSet id = verified((String) tokens.get("id_token")).getJWTClaimsSet();
		JWTClaimsSet access = verified((String) tokens.get("access_token")).getJWTClaimsSet();
		assertThat(id.getStringClaim("cognito:username")).isEqualTo(expectedUsername());
		assertThat(id.getStringListClaim("cognito:groups")).contains(autoGroup);
		assertThat(access.getStringListClaim("cognito:groups")).contains(autoGroup);
		// Created bare at the first sign-in (emulated-behaviour.md §C1.4, emulator
		// choice).
		assertThat(pool.group(autoGroup)).isNotNull();
		assertThat(pool.group(autoGroup).description()).isNull();
	}

	@Test
	void refreshWhenRotationDisabledThenNoNewRefreshTokenAndAuthTimeKeptAndNoNonce() throws Exception {
		// emulated-behaviour.md §C9 fact 8.
		Map<String, Object> tokens = signInTokens();
		JWTClaimsSet id = verified((String) tokens.get("id_token")).getJWTClaimsSet();
		clock.advance(Duration.ofMinutes(2));

		HttpResponse<String> refresh = postForm(hosted + "/oauth2/token",
				Map.of("grant_type", "refresh_token", "refresh_token", (String) tokens.get("refresh_token")),
				basic(clientId, clientSecret));

		assertThat(refresh.statusCode()).isEqualTo(200);
		Map<String, Object> refreshed = JSONObjectUtils.parse(refresh.body());
		assertThat(refreshed).containsOnlyKeys("id_token", "access_token", "expires_in", "token_type");
		JWTClaimsSet refreshedId = verified((String) refreshed.get("id_token")).getJWTClaimsSet();
		assertThat(refreshedId.getIssueTime()).isAfter(id.getIssueTime());
		assertThat(refreshedId.getLongClaim("auth_time")).isEqualTo(id.getLongClaim("auth_time"));
		assertThat(refreshedId.getClaim("nonce")).isNull();
		assertThat(refreshedId.getStringClaim("origin_jti")).isEqualTo(id.getStringClaim("origin_jti"));
	}

	@Test
	void refreshTokenWhenIssuedThenOpaqueJweWithRsaOaepAndA256Gcm() throws Exception {
		// emulated-behaviour.md §C9 fact 8, §C4.3: five segments, header
		// {"cty":"JWT","enc":"A256GCM","alg":"RSA-OAEP"}.
		String refreshToken = (String) signInTokens().get("refresh_token");

		String[] parts = refreshToken.split("\\.", -1);
		assertThat(parts).hasSize(5);
		Map<String, Object> header = JSONObjectUtils.parse(new Base64URL(parts[0]).decodeToString());
		assertThat(header).containsOnly(Map.entry("cty", "JWT"), Map.entry("enc", "A256GCM"),
				Map.entry("alg", "RSA-OAEP"));
		assertThat(parts[1]).isNotEmpty();
	}

	@Test
	void revokeWhenRefreshTokenRevokedThenEveryTokenOfItsOriginJtiDiesAndRevokingAgainIs200() throws Exception {
		// emulated-behaviour.md §C9 fact 14: revocation by origin_jti, already revoked →
		// 200.
		Map<String, Object> tokens = signInTokens();
		HttpResponse<String> refresh = postForm(hosted + "/oauth2/token",
				Map.of("grant_type", "refresh_token", "refresh_token", (String) tokens.get("refresh_token")),
				basic(clientId, clientSecret));
		Map<String, Object> refreshed = JSONObjectUtils.parse(refresh.body());

		HttpResponse<String> revoke = postForm(hosted + "/oauth2/revoke",
				Map.of("token", (String) tokens.get("refresh_token")), basic(clientId, clientSecret));

		assertThat(revoke.statusCode()).isEqualTo(200);
		assertThat(revoke.body()).isEmpty();
		for (Object accessToken : List.of(tokens.get("access_token"), refreshed.get("access_token"))) {
			HttpResponse<String> info = get(this.backend, hosted + "/oauth2/userInfo", "Bearer " + accessToken);
			assertThat(info.statusCode()).isEqualTo(401);
			assertThat(info.headers().firstValue("WWW-Authenticate")).hasValue(
					"error=\"invalid_token\", error_description=\"Access token is expired, disabled, or deleted, or the user has globally signed out.\"");
		}
		HttpResponse<String> refreshAfterRevoke = postForm(hosted + "/oauth2/token",
				Map.of("grant_type", "refresh_token", "refresh_token", (String) tokens.get("refresh_token")),
				basic(clientId, clientSecret));
		assertThat(JSONObjectUtils.parse(refreshAfterRevoke.body())).containsEntry("error", "invalid_grant");
		HttpResponse<String> revokeAgain = postForm(hosted + "/oauth2/revoke",
				Map.of("token", (String) tokens.get("refresh_token")), basic(clientId, clientSecret));
		assertThat(revokeAgain.statusCode()).isEqualTo(200);
	}

	@Test
	void tokensWhenClientHasTokenRevocationDisabledThenNoJtiOrOriginJti() throws Exception {
		// emulated-behaviour.md §C9 fact 14: origin_jti (and jti) only with
		// EnableTokenRevocation.
		Map<String, Object> enabled = payload(verified((String) signInTokens().get("access_token")));
		assertThat(enabled).containsKeys("jti", "origin_jti");
		store.putClient(pool,
				TestCognitoPools.withoutRevocation(TestCognitoPools.client(pool.id(), clientId, clientSecret)));

		Map<String, Object> tokens = redeem(query(signIn(authorizeParams("Auth0"))).get("code"));

		assertThat(payload(verified((String) tokens.get("access_token")))).doesNotContainKeys("jti", "origin_jti");
		assertThat(payload(verified((String) tokens.get("id_token")))).doesNotContainKeys("jti", "origin_jti");
	}

	@Test
	void idpResponseWhenRedeemingAuth0CodeThenClientSecretPostOnlyAndJwksFetchedForEveryIdToken() throws Exception {
		String toAuth0 = location(
				get(this.browser, hosted + "/oauth2/authorize?" + Urls.form(authorizeParams("Auth0")), null));
		Map<String, String> upstream = query(toAuth0);
		// emulated-behaviour.md §C1.3: what the browser carries to the IdP.
		assertThat(toAuth0).startsWith(auth0Base + "/authorize?");
		assertThat(upstream).containsEntry("client_id", AUTH0_CLIENT_ID)
			.containsEntry("response_type", "code")
			.containsEntry("scope", "openid email profile")
			.containsEntry("redirect_uri", hosted + "/oauth2/idpresponse")
			.containsKey("nonce")
			.doesNotContainKeys("client_secret", "code_challenge", "audience");
		assertThat(upstream.get("state")).isNotEqualTo("app-state").matches("[A-Za-z0-9+/=]+");
		int jwksBefore = requests(WireMock.getRequestedFor(WireMock.urlEqualTo("/.well-known/jwks.json"))).size();
		int tokenCallsBefore = requests(WireMock.postRequestedFor(WireMock.urlEqualTo("/oauth/token"))).size();
		int userInfoBefore = requests(WireMock.getRequestedFor(WireMock.urlEqualTo("/userinfo"))).size();
		finishAtAuth0(toAuth0);
		// A second federation from a fresh browser: a second Auth0 ID token to check.
		this.browser = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.build();
		assertThat(signIn(authorizeParams("Auth0"))).startsWith(TestCognitoPools.APP_CALLBACK + "?code=");

		// emulated-behaviour.md §C9 fact 12: the secret travels in the body
		// (client_secret_post),
		// never Basic; the JWKS is fetched for every ID token (no cache); userInfo by
		// GET as attributes_request_method says.
		List<LoggedRequest> tokenCalls = requests(WireMock.postRequestedFor(WireMock.urlEqualTo("/oauth/token")));
		assertThat(tokenCalls).hasSize(tokenCallsBefore + 2);
		for (LoggedRequest call : tokenCalls) {
			assertThat(call.containsHeader("Authorization")).isFalse();
			assertThat(call.getBodyAsString()).contains("client_secret=").contains("client_id=" + AUTH0_CLIENT_ID);
		}
		assertThat(requests(WireMock.getRequestedFor(WireMock.urlEqualTo("/.well-known/jwks.json"))))
			.hasSize(jwksBefore + 2);
		assertThat(requests(WireMock.getRequestedFor(WireMock.urlEqualTo("/userinfo")))).hasSize(userInfoBefore + 2);
	}

	@Test
	void tokenWhenClientSecretBasicOrPostThenBothAccepted() throws Exception {
		// emulated-behaviour.md §C9 fact 12: the token endpoint takes either client
		// authentication.
		assertThat(signInTokens()).containsKeys("id_token", "access_token", "refresh_token");
		String code = query(signIn(authorizeParams("Auth0"))).get("code");
		HttpResponse<String> token = postForm(hosted + "/oauth2/token",
				Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", TestCognitoPools.APP_CALLBACK,
						"code_verifier", VERIFIER, "client_id", clientId, "client_secret", clientSecret),
				null);
		assertThat(token.statusCode()).isEqualTo(200);
		assertThat(JSONObjectUtils.parse(token.body())).containsKeys("id_token", "access_token", "refresh_token");
	}

	@Test
	void authorizeWhenCognitoSessionLiveThenCodeIssuedSilently() throws Exception {
		signIn(authorizeParams("Auth0"));
		int sessions = hostedUi.activeSessions();
		HttpResponse<String> again = get(this.browser,
				hosted + "/oauth2/authorize?" + Urls.form(authorizeParams("Auth0")), null);
		assertThat(again.statusCode()).isEqualTo(302);
		assertThat(location(again)).startsWith(TestCognitoPools.APP_CALLBACK + "?code=");
		assertThat(hostedUi.activeSessions()).isEqualTo(sessions);
		assertThat(again.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void logoutWhenCognitoOnlyThenAuth0SessionSurvivesUntilV2Logout() throws Exception {
		signIn(authorizeParams("Auth0"));
		// Fact 2: /logout clears only the cognito cookie and 302s to logout_uri, no
		// state.
		HttpResponse<String> logout = get(this.browser, hosted + "/logout?" + Urls
			.form(Map.of("client_id", clientId, "logout_uri", TestCognitoPools.APP_SIGNED_OUT, "state", "ignored")),
				null);
		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(location(logout)).isEqualTo(TestCognitoPools.APP_SIGNED_OUT);
		assertThat(logout.headers().allValues("Set-Cookie")).singleElement()
			.satisfies((c) -> assertThat(c).startsWith("cognito=;").contains("Max-Age=0"));

		// The next sign-in goes to Auth0, which still has its session: no password form.
		String toAuth0 = location(
				get(this.browser, hosted + "/oauth2/authorize?" + Urls.form(authorizeParams("Auth0")), null));
		assertThat(toAuth0).startsWith(auth0Base + "/authorize?");
		String atAuth0 = location(get(this.browser, toAuth0, null));
		assertThat(atAuth0).startsWith(hosted + "/oauth2/idpresponse?");
		assertThat(location(get(this.browser, atAuth0, null))).startsWith(TestCognitoPools.APP_CALLBACK + "?code=");

		// Full logout, Auth0 first (emulated-behaviour.md §A10 pattern A): now the
		// password form shows.
		String cognitoLogout = hosted + "/logout?"
				+ Urls.form(Map.of("client_id", clientId, "logout_uri", TestCognitoPools.APP_SIGNED_OUT));
		HttpResponse<String> v2 = get(this.browser,
				auth0Base + "/v2/logout?" + Urls.form(Map.of("client_id", AUTH0_CLIENT_ID, "returnTo", cognitoLogout)),
				null);
		assertThat(location(v2)).isEqualTo(cognitoLogout);
		assertThat(location(get(this.browser, cognitoLogout, null))).isEqualTo(TestCognitoPools.APP_SIGNED_OUT);
		toAuth0 = location(
				get(this.browser, hosted + "/oauth2/authorize?" + Urls.form(authorizeParams("Auth0")), null));
		assertThat(location(get(this.browser, toAuth0, null))).startsWith("/u/login");
	}

	@Test
	void implicitFlowWhenFederatedThenTokensInFragmentWithLowercaseBearer() throws Exception {
		Map<String, String> params = authorizeParams("Auth0");
		params.put("response_type", "token");
		params.remove("code_challenge");
		params.remove("code_challenge_method");
		String redirect = signIn(params);
		assertThat(redirect).startsWith(TestCognitoPools.APP_CALLBACK + "#");
		Map<String, String> fragment = parse(redirect.substring(redirect.indexOf('#') + 1));
		assertThat(fragment).containsKeys("id_token", "access_token")
			.containsEntry("token_type", "bearer")
			.containsEntry("expires_in", "3600")
			.containsEntry("state", "app-state")
			.doesNotContainKey("refresh_token");
	}

	@Test
	void refreshWhenRotationEnabledThenNewRefreshTokenAndOldOneDies() throws Exception {
		// emulated-behaviour.md §C9 fact 8.
		store.putClient(pool,
				TestCognitoPools.withRotation(TestCognitoPools.client(pool.id(), clientId, clientSecret), 0));
		Map<String, Object> tokens = redeem(query(signIn(authorizeParams("Auth0"))).get("code"));
		HttpResponse<String> first = postForm(hosted + "/oauth2/token",
				Map.of("grant_type", "refresh_token", "refresh_token", (String) tokens.get("refresh_token")),
				basic(clientId, clientSecret));
		Map<String, Object> rotated = JSONObjectUtils.parse(first.body());
		assertThat(rotated).containsKey("refresh_token");
		assertThat(rotated.get("refresh_token")).isNotEqualTo(tokens.get("refresh_token"));
		HttpResponse<String> old = postForm(hosted + "/oauth2/token",
				Map.of("grant_type", "refresh_token", "refresh_token", (String) tokens.get("refresh_token")),
				basic(clientId, clientSecret));
		assertThat(JSONObjectUtils.parse(old.body())).containsEntry("error", "invalid_grant");
		HttpResponse<String> next = postForm(hosted + "/oauth2/token",
				Map.of("grant_type", "refresh_token", "refresh_token", (String) rotated.get("refresh_token")),
				basic(clientId, clientSecret));
		assertThat(next.statusCode()).isEqualTo(200);
	}

	@Test
	void signInWhenProviderDetailsHoldOnlyTheIssuerThenEndpointsDiscovered() throws Exception {
		IdentityProvider idp = TestCognitoPools.auth0(pool.id(), auth0Base, AUTH0_CLIENT_ID, AUTH0_CLIENT_SECRET);
		for (String key : List.of("authorize_url", "token_url", "attributes_url", "jwks_uri")) {
			idp = TestCognitoPools.withDetail(idp, key, null);
		}
		store.putIdentityProvider(pool, idp);
		assertThat(signIn(authorizeParams("Auth0"))).startsWith(TestCognitoPools.APP_CALLBACK + "?code=");
	}

	@Test
	void signInWhenAttributesRequestMethodPostThenUserInfoPosted() throws Exception {
		// emulated-behaviour.md §C9 fact 12.
		int posts = auth0Server.wireMock()
			.findAll(WireMock.postRequestedFor(WireMock.urlEqualTo("/userinfo"))
				.withHeader("Authorization", WireMock.matching("Bearer .+")))
			.size();
		store.putIdentityProvider(pool,
				TestCognitoPools.withDetail(
						TestCognitoPools.auth0(pool.id(), auth0Base, AUTH0_CLIENT_ID, AUTH0_CLIENT_SECRET),
						"attributes_request_method", "POST"));
		assertThat(signIn(authorizeParams("Auth0"))).startsWith(TestCognitoPools.APP_CALLBACK + "?code=");
		assertThat(auth0Server.wireMock()
			.findAll(WireMock.postRequestedFor(WireMock.urlEqualTo("/userinfo"))
				.withHeader("Authorization", WireMock.matching("Bearer .+"))))
			.hasSize(posts + 1);
	}

	// Error pages and redirects

	@Test
	void hostedUiWhenDomainNotAttachedThenNotFoundPage() throws Exception {
		int port = FreePorts.resolve(0);
		HostedUiDispatcher orphan = new HostedUiDispatcher(store,
				new CognitoTokens(keys, (id) -> "x/" + id, Clock.systemUTC()), "no-such-prefix",
				HostedUiOptions.defaults(), HttpClient.newHttpClient(), Clock.systemUTC());
		try (EmulatorServer server = new EmulatorServer("orphan", "127.0.0.1", port, orphan).start()) {
			HttpResponse<String> response = get(this.browser,
					"http://localhost:" + port + "/oauth2/authorize?" + Urls.form(authorizeParams("Auth0")), null);
			assertThat(response.statusCode()).isEqualTo(404);
			assertThat(response.body()).contains("no-such-prefix");
		}
	}

	@Test
	void loginPageWhenParametersHoldMarkupThenEscaped() throws Exception {
		Map<String, String> params = authorizeParams(null);
		params.put("state", "\"><script>alert(1)</script>");
		HttpResponse<String> page = get(this.browser, hosted + "/login?" + Urls.form(params), null);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).doesNotContain("<script").contains("identity_provider=Auth0");
	}

	@Test
	void authorizeWhenRedirectUriHasTrailingSlashThenRedirectMismatchErrorPage() throws Exception {
		Map<String, String> params = authorizeParams("Auth0");
		params.put("redirect_uri", TestCognitoPools.APP_CALLBACK + "/");
		HttpResponse<String> response = get(this.browser, hosted + "/oauth2/authorize?" + Urls.form(params), null);
		// Fact 9: never a redirect to the app.
		assertThat(location(response)).isEqualTo("/error?error=redirect_mismatch&client_id=" + clientId);
		HttpResponse<String> page = get(this.browser, hosted + location(response), null);
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying((t) -> assertThat(t).startsWith("text/html"));
		assertThat(page.body()).contains("An error was encountered with the requested page.")
			.contains("redirect_mismatch");
	}

	@Test
	void authorizeWhenImplicitRequestInvalidThenErrorInFragmentNotQuery() throws Exception {
		// emulated-behaviour.md §C9 fact 9: a valid client and redirect_uri get the error
		// back, in
		// the fragment for the implicit flow.
		Map<String, String> params = authorizeParams("Auth0");
		params.put("response_type", "token");
		params.put("scope", "openid bogus");
		params.remove("code_challenge");
		params.remove("code_challenge_method");

		HttpResponse<String> response = get(this.browser, hosted + "/oauth2/authorize?" + Urls.form(params), null);

		assertThat(location(response))
			.isEqualTo(TestCognitoPools.APP_CALLBACK + "#error=invalid_scope&state=app-state");
	}

	@Test
	void authorizeWhenIdentityProviderWrongCaseThenLoginOptionNotAvailable() throws Exception {
		HttpResponse<String> response = get(this.browser,
				hosted + "/oauth2/authorize?" + Urls.form(authorizeParams("auth0")), null);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("Login option is not available. Please try another one");
	}

	@Test
	void authorizeWithoutIdentityProviderThenLoginPageListsProviders() throws Exception {
		Map<String, String> params = authorizeParams(null);
		HttpResponse<String> response = get(this.browser, hosted + "/oauth2/authorize?" + Urls.form(params), null);
		assertThat(location(response)).startsWith("/login?").contains("client_id=" + clientId);
		HttpResponse<String> page = get(this.browser, hosted + location(response), null);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("identity_provider=Auth0").doesNotContain("<script");
	}

	@Test
	void authorizeWhenPkcePlainOrMethodMissingThenInvalidRequest() throws Exception {
		// Fact 11: S256 only.
		Map<String, String> plain = authorizeParams("Auth0");
		plain.put("code_challenge_method", "plain");
		assertThat(location(get(this.browser, hosted + "/oauth2/authorize?" + Urls.form(plain), null)))
			.isEqualTo(TestCognitoPools.APP_CALLBACK + "?error=invalid_request&state=app-state");
		Map<String, String> noMethod = authorizeParams("Auth0");
		noMethod.remove("code_challenge_method");
		assertThat(location(get(this.browser, hosted + "/oauth2/authorize?" + Urls.form(noMethod), null)))
			.isEqualTo(TestCognitoPools.APP_CALLBACK + "?error=invalid_request&state=app-state");
	}

	@Test
	void authorizeWhenPromptNoneWithoutSessionThenLoginRequired() throws Exception {
		Map<String, String> params = authorizeParams("Auth0");
		params.put("prompt", "none");
		assertThat(location(get(this.browser, hosted + "/oauth2/authorize?" + Urls.form(params), null)))
			.isEqualTo(TestCognitoPools.APP_CALLBACK + "?error=login_required&state=app-state");
	}

	@Test
	void authorizeWhenScopeUnknownThenInvalidScope() throws Exception {
		// emulated-behaviour.md §C9 fact 9.
		Map<String, String> params = authorizeParams("Auth0");
		params.put("scope", "openid bogus");
		assertThat(location(get(this.browser, hosted + "/oauth2/authorize?" + Urls.form(params), null)))
			.isEqualTo(TestCognitoPools.APP_CALLBACK + "?error=invalid_scope&state=app-state");
	}

	@Test
	void idpResponseWhenRequiredEmailNotMappedThenAttributesRequiredError() throws Exception {
		store.putIdentityProvider(pool,
				TestCognitoPools.withMapping(
						TestCognitoPools.auth0(pool.id(), auth0Base, AUTH0_CLIENT_ID, AUTH0_CLIENT_SECRET),
						Map.of("username", "sub", "name", "name")));
		// Bob has never signed in, so no stored email can satisfy the requirement.
		this.auth0User = bob;
		String redirect = signIn(authorizeParams("Auth0"));
		// Fact 13, with Cognito's form encoding.
		assertThat(redirect).isEqualTo(TestCognitoPools.APP_CALLBACK
				+ "?error_description=attributes+required%3A+%5Bemail%5D&error=invalid_request&state=app-state");
	}

	@Test
	void idpResponseWhenOidcIssuerHasTrailingSlashThenBadIdTokenIssuer() throws Exception {
		// emulated-behaviour.md §C9 fact 12, §A11 fact 1.
		// emulated-behaviour.md §C7.3: "<issuer>/" + "/.well-known/…" asks Auth0 for
		// //.well-known.
		store.putIdentityProvider(pool, TestCognitoPools.auth0(pool.id(), auth0Base, auth0Base + "/", AUTH0_CLIENT_ID,
				AUTH0_CLIENT_SECRET, TestCognitoPools.defaultMapping()));
		String redirect = signIn(authorizeParams("Auth0"));
		assertThat(query(redirect)).containsEntry("error", "invalid_request")
			.containsEntry("error_description", "Bad id_token issuer " + auth0Base + "/")
			.containsEntry("state", "app-state");
		assertThat(auth0Server.wireMock()
			.findAll(WireMock.getRequestedFor(WireMock.urlEqualTo("//.well-known/openid-configuration")))).isNotEmpty();
	}

	@Test
	void idpResponseWhenDiscoveredIssuerDiffersThenBadIdTokenIssuer() throws Exception {
		// emulated-behaviour.md §C9 fact 12, §A11 fact 1.
		this.auth0Override = auth0Server.wireMock()
			.stubFor(WireMock.get("/other/.well-known/openid-configuration")
				.atPriority(1)
				.willReturn(WireMock.okJson("{\"issuer\":\"https://elsewhere.example/\"}")));
		store.putIdentityProvider(pool, TestCognitoPools.auth0(pool.id(), auth0Base, auth0Base + "/other",
				AUTH0_CLIENT_ID, AUTH0_CLIENT_SECRET, TestCognitoPools.defaultMapping()));
		String redirect = signIn(authorizeParams("Auth0"));
		assertThat(query(redirect)).containsEntry("error_description", "Bad id_token issuer " + auth0Base + "/");
	}

	@Test
	void idpResponseWhenAuth0RejectsClientSecretThenProviderErrorRelayed() throws Exception {
		store.putIdentityProvider(pool, TestCognitoPools.auth0(pool.id(), auth0Base, AUTH0_CLIENT_ID, "wrong-secret"));
		String redirect = signIn(authorizeParams("Auth0"));
		// Fact 13: "<Provider> Error - <status> …" relayed from Auth0's 401
		// access_denied.
		assertThat(query(redirect)).containsEntry("error", "invalid_request")
			.containsEntry("error_description", "Auth0 Error - 401 access_denied Unauthorized");
	}

	@Test
	void idpResponseWhenAuth0TokenEndpointTimesOutThenTimeoutError() throws Exception {
		this.auth0Override = auth0Server.wireMock()
			.stubFor(
					WireMock.post("/oauth/token").atPriority(1).willReturn(WireMock.okJson("{}").withFixedDelay(2500)));
		String redirect = signIn(authorizeParams("Auth0"));
		assertThat(redirect).isEqualTo(TestCognitoPools.APP_CALLBACK
				+ "?error_description=Timeout+occurred+in+calling+IdP+token+endpoint&error=invalid_request&state=app-state");
	}

	@Test
	void idpResponseWhenStateUnknownThenSomethingWentWrong() throws Exception {
		HttpResponse<String> response = get(this.browser, hosted + "/oauth2/idpresponse?code=x&state=forged", null);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("Something went wrong");
	}

	@Test
	void logoutWhenLogoutUriUnregisteredThenErrorPageAndSessionKept() throws Exception {
		// emulated-behaviour.md §C9 fact 2.
		signIn(authorizeParams("Auth0"));
		HttpResponse<String> logout = get(this.browser,
				hosted + "/logout?"
						+ Urls.form(Map.of("client_id", clientId, "logout_uri", TestCognitoPools.APP_SIGNED_OUT + "/")),
				null);
		assertThat(location(logout)).isEqualTo("/error?error=Required+parameters+missing&client_id=" + clientId);
		HttpResponse<String> again = get(this.browser,
				hosted + "/oauth2/authorize?" + Urls.form(authorizeParams("Auth0")), null);
		assertThat(location(again)).startsWith(TestCognitoPools.APP_CALLBACK + "?code=");
	}

	@Test
	void logoutWhenRedirectUriFormThenSessionClearedAndLoginShown() throws Exception {
		signIn(authorizeParams("Auth0"));
		HttpResponse<String> logout = get(this.browser, hosted + "/logout?" + Urls.form(Map.of("client_id", clientId,
				"redirect_uri", TestCognitoPools.APP_CALLBACK, "response_type", "code", "state", "s2")), null);
		assertThat(location(logout)).startsWith("/login?").contains("state=s2");
		Map<String, String> params = authorizeParams("Auth0");
		params.put("prompt", "none");
		assertThat(location(get(this.browser, hosted + "/oauth2/authorize?" + Urls.form(params), null)))
			.contains("error=login_required");
	}

	@Test
	void logoutWhenOidcIdTokenHintAndPostLogoutRedirectUriThenErrorPageNotRpInitiatedLogout() throws Exception {
		// emulated-behaviour.md §C9 fact 1: discovery lists end_session_endpoint
		// (CognitoApiHttpIT#discoveryWhenPoolHasDomainThen…), yet /logout is not OIDC
		// RP-initiated logout: without client_id + a registered logout_uri the OIDC
		// parameters end on the error page and the session stays.
		String idToken = (String) signInTokens().get("id_token");
		Map<String, String> oidc = new LinkedHashMap<>();
		oidc.put("id_token_hint", idToken);
		oidc.put("post_logout_redirect_uri", TestCognitoPools.APP_SIGNED_OUT);
		oidc.put("state", "s1");
		assertThat(location(get(this.browser, hosted + "/logout?" + Urls.form(oidc), null)))
			.isEqualTo("/error?error=Required+parameters+missing");
		oidc.put("client_id", clientId);
		HttpResponse<String> withClient = get(this.browser, hosted + "/logout?" + Urls.form(oidc), null);
		assertThat(location(withClient)).isEqualTo("/error?error=Required+parameters+missing&client_id=" + clientId);
		assertThat(withClient.headers().allValues("Set-Cookie")).isEmpty();
		HttpResponse<String> page = get(this.browser, hosted + location(withClient), null);
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("An error was encountered with the requested page.");
		assertThat(
				location(get(this.browser, hosted + "/oauth2/authorize?" + Urls.form(authorizeParams("Auth0")), null)))
			.startsWith(TestCognitoPools.APP_CALLBACK + "?code=");
	}

	@Test
	void logoutWhenLogoutUriAndRedirectUriBothGivenThenLogoutUriWins() throws Exception {
		// emulated-behaviour.md §C9 fact 2, §C1.9: with both, logout_uri wins.
		signIn(authorizeParams("Auth0"));
		Map<String, String> both = new LinkedHashMap<>();
		both.put("client_id", clientId);
		both.put("redirect_uri", TestCognitoPools.APP_CALLBACK);
		both.put("response_type", "code");
		both.put("logout_uri", TestCognitoPools.APP_SIGNED_OUT);

		HttpResponse<String> logout = get(this.browser, hosted + "/logout?" + Urls.form(both), null);

		assertThat(location(logout)).isEqualTo(TestCognitoPools.APP_SIGNED_OUT);
		assertThat(logout.headers().allValues("Set-Cookie")).singleElement()
			.satisfies((c) -> assertThat(c).startsWith("cognito=;"));
	}

	// Token endpoint (fact 10) and friends

	@Test
	void tokenWhenRedirectUriDiffersThenUnauthorizedClientInvalidRedirect() throws Exception {
		// emulated-behaviour.md §C9 fact 10.
		String code = query(signIn(authorizeParams("Auth0"))).get("code");
		HttpResponse<String> token = postForm(hosted + "/oauth2/token", Map.of("grant_type", "authorization_code",
				"code", code, "redirect_uri", TestCognitoPools.APP_CALLBACK + "/", "code_verifier", VERIFIER),
				basic(clientId, clientSecret));
		assertThat(token.statusCode()).isEqualTo(400);
		assertThat(JSONObjectUtils.parse(token.body())).containsEntry("error", "unauthorized_client")
			.containsEntry("error_description", "invalid_redirect");
	}

	@Test
	void tokenWhenCodeReusedThenInvalidGrant() throws Exception {
		// emulated-behaviour.md §C9 facts 10 and 11.
		String code = query(signIn(authorizeParams("Auth0"))).get("code");
		assertThat(hostedUi.pendingCodes()).isGreaterThanOrEqualTo(1);
		redeem(code);
		HttpResponse<String> again = postForm(hosted + "/oauth2/token", Map.of("grant_type", "authorization_code",
				"code", code, "redirect_uri", TestCognitoPools.APP_CALLBACK, "code_verifier", VERIFIER),
				basic(clientId, clientSecret));
		assertThat(again.statusCode()).isEqualTo(400);
		assertThat(JSONObjectUtils.parse(again.body())).containsEntry("error", "invalid_grant");
	}

	@Test
	void tokenWhenPkceVerifierWrongThenInvalidGrant() throws Exception {
		String code = query(signIn(authorizeParams("Auth0"))).get("code");
		HttpResponse<String> token = postForm(
				hosted + "/oauth2/token", Map.of("grant_type", "authorization_code", "code", code, "redirect_uri",
						TestCognitoPools.APP_CALLBACK, "code_verifier", VERIFIER.replace('a', 'b')),
				basic(clientId, clientSecret));
		assertThat(JSONObjectUtils.parse(token.body())).containsEntry("error", "invalid_grant");
	}

	@Test
	void tokenWhenChallengeWasSentButVerifierMissingThenInvalidGrant() throws Exception {
		// emulated-behaviour.md §C9 fact 11: code_verifier is required once a challenge
		// was sent.
		String code = query(signIn(authorizeParams("Auth0"))).get("code");

		HttpResponse<String> token = postForm(hosted + "/oauth2/token",
				Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", TestCognitoPools.APP_CALLBACK),
				basic(clientId, clientSecret));

		assertError(token, 400, "invalid_grant");
	}

	@Test
	void tokenWhenNoChallengeWasSentThenNoVerifierNeeded() throws Exception {
		// emulated-behaviour.md §C9 fact 11: code_verifier is required only if a
		// challenge was sent.
		Map<String, String> params = authorizeParams("Auth0");
		params.remove("code_challenge");
		params.remove("code_challenge_method");
		String code = query(signIn(params)).get("code");

		HttpResponse<String> token = postForm(hosted + "/oauth2/token",
				Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", TestCognitoPools.APP_CALLBACK),
				basic(clientId, clientSecret));

		assertThat(token.statusCode()).isEqualTo(200);
	}

	@Test
	void tokenWhenCodeOlderThanFiveMinutesThenInvalidGrant() throws Exception {
		// emulated-behaviour.md §C9 fact 11: codes live 5 minutes.
		String young = query(signIn(authorizeParams("Auth0"))).get("code");
		String old = query(signIn(authorizeParams("Auth0"))).get("code");
		clock.advance(Duration.ofMinutes(4).plusSeconds(50));
		assertThat(redeem(young)).containsKey("access_token");
		clock.advance(Duration.ofSeconds(11));

		HttpResponse<String> token = postForm(hosted + "/oauth2/token", Map.of("grant_type", "authorization_code",
				"code", old, "redirect_uri", TestCognitoPools.APP_CALLBACK, "code_verifier", VERIFIER),
				basic(clientId, clientSecret));

		assertError(token, 400, "invalid_grant");
	}

	@Test
	void tokenWhenRequestBrokenThenDocumentedErrors() throws Exception {
		// emulated-behaviour.md §C9 fact 10.
		String url = hosted + "/oauth2/token";
		assertError(postForm(url, Map.of("code", "x"), basic(clientId, clientSecret)), 400, "invalid_request");
		assertError(postForm(url, Map.of("grant_type", "password"), basic(clientId, clientSecret)), 400,
				"unsupported_grant_type");
		assertError(postForm(url,
				Map.of("grant_type", "authorization_code", "code", "x", "redirect_uri", TestCognitoPools.APP_CALLBACK),
				basic(clientId, "wrong")), 400, "invalid_client");
		// A secret client that sends no secret fails authentication.
		assertError(postForm(url, Map.of("grant_type", "authorization_code", "code", "x", "redirect_uri",
				TestCognitoPools.APP_CALLBACK, "client_id", clientId), null), 400, "invalid_client");
		assertError(postForm(url, Map.of("grant_type", "authorization_code", "code", "nope", "redirect_uri",
				TestCognitoPools.APP_CALLBACK), basic(clientId, clientSecret)), 400, "invalid_grant");
		assertError(postForm(url, Map.of("grant_type", "refresh_token"), basic(clientId, clientSecret)), 400,
				"invalid_request");
		assertError(postForm(url, Map.of("grant_type", "refresh_token", "refresh_token", "garbage"),
				basic(clientId, clientSecret)), 400, "invalid_grant");
	}

	@Test
	void revokeWhenNotARefreshTokenOrBadClientThenDocumentedErrors() throws Exception {
		// emulated-behaviour.md §C9 fact 14.
		Map<String, Object> tokens = redeem(query(signIn(authorizeParams("Auth0"))).get("code"));
		String url = hosted + "/oauth2/revoke";
		assertError(postForm(url, Map.of("token", (String) tokens.get("access_token")), basic(clientId, clientSecret)),
				400, "unsupported_token_type");
		assertError(postForm(url, Map.of("token", (String) tokens.get("refresh_token")), basic(clientId, "wrong")), 401,
				"invalid_client");
		assertError(postForm(url, Map.of(), basic(clientId, clientSecret)), 400, "invalid_request");
		assertThat(postForm(url, Map.of("token", "unknown"), basic(clientId, clientSecret)).statusCode())
			.isEqualTo(200);
		store.putClient(pool,
				TestCognitoPools.withoutRevocation(TestCognitoPools.client(pool.id(), clientId, clientSecret)));
		assertError(postForm(url, Map.of("token", (String) tokens.get("refresh_token")), basic(clientId, clientSecret)),
				400, "invalid_request");
	}

	@Test
	void poolDomainWhenAskedForDiscoveryJwksOrLowercaseUserinfoThenNotFound() throws Exception {
		// emulated-behaviour.md §C9 fact 3: discovery and JWKS live on the issuer host
		// (CognitoApiHttpIT#discoveryWhenPoolHasDomainThen…), not on the pool domain, and
		// the userInfo path has a capital I.
		String bearer = "Bearer " + signInTokens().get("access_token");
		for (String path : List.of("/.well-known/openid-configuration", "/.well-known/jwks.json",
				"/" + pool.id() + "/.well-known/openid-configuration", "/" + pool.id() + "/.well-known/jwks.json",
				"/oauth2/userinfo")) {
			assertThat(get(this.backend, hosted + path, bearer).statusCode()).as(path).isEqualTo(404);
		}
		assertThat(get(this.backend, hosted + "/oauth2/userInfo", bearer).statusCode()).isEqualTo(200);
	}

	@Test
	void userInfoWhenWrongPathOrMethodOrTokenThenRefused() throws Exception {
		Map<String, Object> tokens = redeem(query(signIn(authorizeParams("Auth0"))).get("code"));
		String bearer = "Bearer " + tokens.get("access_token");
		// Fact 3: the path has a capital I.
		assertThat(get(this.backend, hosted + "/oauth2/userinfo", bearer).statusCode()).isEqualTo(404);
		HttpResponse<String> post = this.backend.send(HttpRequest.newBuilder(URI.create(hosted + "/oauth2/userInfo"))
			.header("Authorization", bearer)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(post.statusCode()).isEqualTo(405);
		HttpResponse<String> noToken = get(this.backend, hosted + "/oauth2/userInfo", null);
		assertThat(noToken.statusCode()).isEqualTo(400);
		assertThat(noToken.headers().firstValue("WWW-Authenticate"))
			.hasValue("error=\"invalid_request\", error_description=\"Bad OAuth2 request at UserInfo Endpoint\"");
		// An ID token is not an access token.
		assertThat(get(this.backend, hosted + "/oauth2/userInfo", "Bearer " + tokens.get("id_token")).statusCode())
			.isEqualTo(401);
	}

	@Test
	void hostedUiWhenManySignInsThenStateStaysBounded() throws Exception {
		int codes = hostedUi.pendingCodes();
		int federations = hostedUi.pendingFederations();
		for (int i = 0; i < 3; i++) {
			redeem(query(signIn(authorizeParams("Auth0"))).get("code"));
		}
		// Redeemed codes and completed federations are gone at once.
		assertThat(hostedUi.pendingCodes()).isEqualTo(codes);
		assertThat(hostedUi.pendingFederations()).isEqualTo(federations);
		assertThat(hostedUi.activeSessions()).isPositive();
	}

	// Helpers

	static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk0aaaa";

	Map<String, String> authorizeParams(String identityProvider) {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("client_id", clientId);
		params.put("redirect_uri", TestCognitoPools.APP_CALLBACK);
		params.put("response_type", "code");
		params.put("scope", "openid email profile");
		params.put("state", "app-state");
		params.put("nonce", "app-nonce");
		params.put("code_challenge", OAuthEndpoints.s256(VERIFIER));
		params.put("code_challenge_method", "S256");
		if (identityProvider != null) {
			params.put("identity_provider", identityProvider);
		}
		return params;
	}

	/** authorize → Auth0 (login form if needed) → idpresponse; the app redirect. */
	String signIn(Map<String, String> params) throws Exception {
		HttpResponse<String> authorize = get(this.browser, hosted + "/oauth2/authorize?" + Urls.form(params), null);
		assertThat(authorize.statusCode()).isEqualTo(302);
		String next = location(authorize);
		if (!next.startsWith(auth0Base)) {
			return next;
		}
		return finishAtAuth0(next);
	}

	String finishAtAuth0(String auth0Authorize) throws Exception {
		String next = location(get(this.browser, auth0Authorize, null));
		if (next.startsWith("/u/login")) {
			HttpResponse<String> form = get(this.browser, auth0Base + next, null);
			assertThat(form.statusCode()).isEqualTo(200);
			HttpResponse<String> login = postForm(this.browser, auth0Base + "/u/login",
					Map.of("state", query(next).get("state"), "username", this.auth0User.email(), "password",
							this.auth0User.password(), "action", "default"),
					null);
			next = location(login);
		}
		assertThat(next).startsWith(hosted + "/oauth2/idpresponse?");
		HttpResponse<String> idpResponse = get(this.browser, next, null);
		assertThat(idpResponse.statusCode()).isEqualTo(302);
		return location(idpResponse);
	}

	/** A federated sign-in through Auth0 (or the live session), redeemed. */
	Map<String, Object> signInTokens() throws Exception {
		return redeem(query(signIn(authorizeParams("Auth0"))).get("code"));
	}

	/** Alice's pool username: the pool's usernames are not case-sensitive. */
	static String expectedUsername() {
		return ("Auth0_" + alice.userId()).toLowerCase();
	}

	/** The JWT's claims with their JSON types as sent. */
	static Map<String, Object> payload(SignedJWT jwt) throws Exception {
		return JSONObjectUtils.parse(jwt.getPayload().toString());
	}

	Map<String, Object> redeem(String code) throws Exception {
		HttpResponse<String> token = postForm(hosted + "/oauth2/token", Map.of("grant_type", "authorization_code",
				"code", code, "redirect_uri", TestCognitoPools.APP_CALLBACK, "code_verifier", VERIFIER),
				basic(clientId, clientSecret));
		assertThat(token.statusCode()).isEqualTo(200);
		return JSONObjectUtils.parse(token.body());
	}

	SignedJWT verified(String jwt) throws Exception {
		SignedJWT parsed = SignedJWT.parse(jwt);
		RSAKey key = (RSAKey) keys.publicJwks(pool.id()).getKeyByKeyId(parsed.getHeader().getKeyID());
		assertThat(key).isNotNull();
		assertThat(parsed.verify(new RSASSAVerifier(key))).isTrue();
		return parsed;
	}

	static List<LoggedRequest> requests(RequestPatternBuilder pattern) {
		return auth0Server.wireMock().findAll(pattern);
	}

	static void assertError(HttpResponse<String> response, int status, String error) throws Exception {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
		assertThat(JSONObjectUtils.parse(response.body())).containsEntry("error", error);
	}

	static String basic(String id, String secret) {
		return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

	HttpResponse<String> get(HttpClient client, String url, String authorization)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> postForm(String url, Map<String, String> form, String authorization)
			throws IOException, InterruptedException {
		return postForm(this.backend, url, form, authorization);
	}

	HttpResponse<String> postForm(HttpClient client, String url, Map<String, String> form, String authorization)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(Urls.form(new LinkedHashMap<>(form))));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static String location(HttpResponse<String> response) {
		assertThat(response.statusCode()).as("status of %s", response.uri()).isEqualTo(302);
		return response.headers().firstValue("Location").orElseThrow();
	}

	static Map<String, String> query(String url) {
		int q = url.indexOf('?');
		return parse((q < 0) ? "" : url.substring(q + 1));
	}

	static Map<String, String> parse(String encoded) {
		Map<String, String> out = new LinkedHashMap<>();
		for (String pair : encoded.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
					URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return out;
	}

}

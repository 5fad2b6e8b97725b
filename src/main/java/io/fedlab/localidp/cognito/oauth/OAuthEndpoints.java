package io.fedlab.localidp.cognito.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.nimbusds.jwt.SignedJWT;

import io.fedlab.localidp.cognito.state.AppClient;
import io.fedlab.localidp.cognito.state.CognitoStore;
import io.fedlab.localidp.cognito.state.PoolUser;
import io.fedlab.localidp.cognito.state.UserPool;
import io.fedlab.localidp.cognito.tokens.CognitoTokens;
import io.fedlab.localidp.cognito.tokens.Grant;
import io.fedlab.localidp.cognito.tokens.InvalidTokenException;
import io.fedlab.localidp.cognito.tokens.RefreshTokenClaims;
import io.fedlab.localidp.cognito.tokens.VerifiedAccessToken;
import io.fedlab.localidp.http.Exchange;
import io.fedlab.localidp.http.Responses;

/**
 * The pool domain's back-channel endpoints: {@code /oauth2/token} (emulated-behaviour.md
 * §C1.6), {@code /oauth2/userInfo} (§C1.7) and {@code /oauth2/revoke} (§C1.8).
 */
final class OAuthEndpoints {

	private static final String CORS_ORIGIN = "Access-Control-Allow-Origin";

	static final String USERINFO_BAD_REQUEST = "error=\"invalid_request\", error_description=\"Bad OAuth2 request at UserInfo Endpoint\"";

	static final String USERINFO_INVALID_TOKEN = "error=\"invalid_token\", error_description=\"Access token is expired, disabled, or deleted, or the user has globally signed out.\"";

	private static final Set<String> PROFILE_ATTRIBUTES = Set.of("name", "family_name", "given_name", "middle_name",
			"nickname", "preferred_username", "profile", "picture", "website", "gender", "birthdate", "zoneinfo",
			"locale", "updated_at");

	private final CognitoStore store;

	private final CognitoTokens tokens;

	private final HostedUiOptions options;

	private final Expiring<AuthorizationCode> codes;

	/** Rotated refresh tokens by {@code jti}: the instant they stop working. */
	private final Expiring<Instant> rotated;

	private final Clock clock;

	OAuthEndpoints(CognitoStore store, CognitoTokens tokens, HostedUiOptions options, Expiring<AuthorizationCode> codes,
			Expiring<Instant> rotated, Clock clock) {
		this.store = store;
		this.tokens = tokens;
		this.options = options;
		this.codes = codes;
		this.rotated = rotated;
		this.clock = clock;
	}

	// POST /oauth2/token

	ResponseDefinition token(UserPool pool, Exchange ex) {
		if (ex.method().equals("OPTIONS")) {
			return preflight("POST, OPTIONS");
		}
		if (!ex.method().equals("POST")) {
			return Responses.status(405)
				.header("Allow", "POST")
				.header("Content-Type", "text/plain;charset=UTF-8")
				.body("Method not allowed")
				.build();
		}
		if (!isForm(ex)) {
			return tokenError("invalid_request", null);
		}
		String grantType = ex.form("grant_type");
		if (isBlank(grantType)) {
			return tokenError("invalid_request", null);
		}
		AppClient client = authenticate(pool, ex);
		if (client == null) {
			return invalidClient();
		}
		return switch (grantType) {
			case "authorization_code" -> authorizationCode(pool, client, ex);
			case "refresh_token" -> refreshToken(pool, client, ex);
			case "client_credentials" -> tokenError("unauthorized_client", null);
			default -> tokenError("unsupported_grant_type", null);
		};
	}

	private ResponseDefinition authorizationCode(UserPool pool, AppClient client, Exchange ex) {
		String code = ex.form("code");
		String redirectUri = ex.form("redirect_uri");
		if (isBlank(code) || isBlank(redirectUri)) {
			return tokenError("invalid_request", null);
		}
		if (!client.allowedOAuthFlowsUserPoolClient() || client.allowedOAuthFlows() == null
				|| !client.allowedOAuthFlows().contains("code")) {
			return tokenError("unauthorized_client", null);
		}
		// Single use: taken out before any other check, so a failed attempt burns it.
		AuthorizationCode granted = this.codes.take(code);
		if (granted == null || !granted.poolId().equals(pool.id()) || !granted.clientId().equals(client.clientId())) {
			return tokenError("invalid_grant", "Authorization code has been consumed already or does not exist");
		}
		if (!granted.redirectUri().equals(redirectUri)) {
			// unauthorized_client / invalid_redirect, not invalid_grant
			// (emulated-behaviour.md §C9
			// fact 10).
			return tokenError("unauthorized_client", "invalid_redirect");
		}
		if (granted.codeChallenge() != null) {
			String verifier = ex.form("code_verifier");
			if (verifier == null || !MessageDigest.isEqual(s256(verifier).getBytes(StandardCharsets.US_ASCII),
					granted.codeChallenge().getBytes(StandardCharsets.US_ASCII))) {
				// Emulator choice for a verifier mismatch (emulated-behaviour.md §C1.6).
				return tokenError("invalid_grant", null);
			}
		}
		PoolUser user = pool.user(granted.username());
		if (user == null || !user.enabled()) {
			return tokenError("invalid_grant", null);
		}
		// A new token family and event per sign-in.
		Grant grant = new Grant(pool, client, user, granted.scopes(), granted.nonce(), granted.authTime(),
				UUID.randomUUID().toString(), UUID.randomUUID().toString());
		String accessToken = this.tokens.accessToken(grant);
		Map<String, Object> body = new LinkedHashMap<>();
		String idToken = this.tokens.idToken(grant, accessToken);
		if (idToken != null) {
			// An ID token only when openid was granted (emulated-behaviour.md §C1.6).
			body.put("id_token", idToken);
		}
		body.put("access_token", accessToken);
		body.put("refresh_token", this.tokens.refreshToken(grant));
		body.put("expires_in", client.accessTokenSeconds());
		body.put("token_type", "Bearer");
		return tokenSuccess(body);
	}

	private ResponseDefinition refreshToken(UserPool pool, AppClient client, Exchange ex) {
		String token = ex.form("refresh_token");
		if (isBlank(token)) {
			return tokenError("invalid_request", null);
		}
		List<String> flows = client.explicitAuthFlows();
		if (flows != null && !flows.isEmpty() && !flows.contains("ALLOW_REFRESH_TOKEN_AUTH")) {
			return tokenError("unauthorized_client", null);
		}
		RefreshTokenClaims claims;
		try {
			claims = this.tokens.readRefreshToken(pool.id(), token);
		}
		catch (InvalidTokenException ex2) {
			return tokenError("invalid_grant", null);
		}
		if (!client.clientId().equals(claims.clientId()) || this.store.isOriginRevoked(claims.originJti())
				|| this.store.isSignedOut(pool.id(), claims.username(), claims.issuedAt())) {
			return tokenError("invalid_grant", null);
		}
		Instant deadline = this.rotated.get(claims.jti());
		Instant now = this.clock.instant();
		if (deadline != null && !now.isBefore(deadline)) {
			// A rotated token past its grace period (emulator choice: invalid_grant).
			return tokenError("invalid_grant", null);
		}
		PoolUser user = pool.user(claims.username());
		if (user == null || !user.enabled()) {
			return tokenError("invalid_grant", null);
		}
		// No nonce after a refresh; auth_time stays the original sign-in's
		// (emulated-behaviour.md
		// §C9 fact 8).
		Grant grant = new Grant(pool, client, user, claims.scopes(), null, claims.authTime(), claims.originJti(),
				UUID.randomUUID().toString());
		String accessToken = this.tokens.accessToken(grant);
		Map<String, Object> body = new LinkedHashMap<>();
		String idToken = this.tokens.idToken(grant, accessToken);
		if (idToken != null) {
			// An ID token only when openid was granted (emulated-behaviour.md §C1.6).
			body.put("id_token", idToken);
		}
		body.put("access_token", accessToken);
		if (client.refreshTokenRotation()) {
			// Rotation (default off): a new refresh token; the old one dies after the
			// retry grace period (emulated-behaviour.md §C1.6).
			body.put("refresh_token", this.tokens.refreshToken(grant));
			if (deadline == null) {
				Duration life = Duration.between(now, claims.expiresAt());
				if (!life.isNegative() && !life.isZero()) {
					this.rotated.put(claims.jti(), now.plusSeconds(Math.max(0, client.retryGracePeriodSeconds())),
							life);
				}
			}
		}
		body.put("expires_in", client.accessTokenSeconds());
		body.put("token_type", "Bearer");
		return tokenSuccess(body);
	}

	/**
	 * {@code client_secret_basic} or {@code client_secret_post} (emulated-behaviour.md
	 * §C1.6); a secret client that sends no secret fails. Returns {@code null} for
	 * {@code invalid_client}.
	 */
	private static AppClient authenticate(UserPool pool, Exchange ex) {
		String clientId = ex.form("client_id");
		String secret = ex.form("client_secret");
		String authorization = ex.header("Authorization");
		if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			String decoded;
			try {
				decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
						StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex2) {
				return null;
			}
			int colon = decoded.indexOf(':');
			if (colon < 0) {
				return null;
			}
			String basicId = decoded.substring(0, colon);
			if (clientId != null && !clientId.equals(basicId)) {
				return null;
			}
			clientId = basicId;
			secret = decoded.substring(colon + 1);
		}
		AppClient client = pool.client(clientId);
		if (client == null) {
			return null;
		}
		if (client.hasSecret()) {
			if (secret == null || !MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
					client.clientSecret().getBytes(StandardCharsets.UTF_8))) {
				return null;
			}
		}
		else if (!isBlank(secret)) {
			return null;
		}
		return client;
	}

	private ResponseDefinition invalidClient() {
		// 400 as documented; 401 behind a flag (emulated-behaviour.md §C1.6, UNVERIFIED).
		return jsonError(this.options.invalidClient401() ? 401 : 400, "invalid_client", null, true);
	}

	private static ResponseDefinition tokenError(String error, String description) {
		return jsonError(400, error, description, true);
	}

	private static ResponseDefinition tokenSuccess(Map<String, Object> body) {
		return Responses.status(200).header(CORS_ORIGIN, "*").json(Json.write(body)).build();
	}

	// GET /oauth2/userInfo

	ResponseDefinition userInfo(UserPool pool, Exchange ex) {
		if (ex.method().equals("OPTIONS")) {
			return preflight("GET, OPTIONS");
		}
		boolean post = ex.method().equals("POST");
		if (!ex.method().equals("GET") && !(post && this.options.userInfoPost())) {
			// GET only, as documented (emulated-behaviour.md §C1.7, emulator choice).
			return Responses.status(405)
				.header("Allow", "GET")
				.header(CORS_ORIGIN, "*")
				.header("Content-Type", "text/plain;charset=UTF-8")
				.body("Method not allowed")
				.build();
		}
		String authorization = ex.header("Authorization");
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
				|| authorization.substring(7).isBlank()) {
			return userInfoError(400, "invalid_request", "Bad OAuth2 request at UserInfo Endpoint",
					USERINFO_BAD_REQUEST);
		}
		VerifiedAccessToken token;
		try {
			token = this.tokens.verifyAccessToken(this.store, authorization.substring(7).trim());
		}
		catch (InvalidTokenException ex2) {
			return invalidToken();
		}
		if (!token.poolId().equals(pool.id())) {
			return invalidToken();
		}
		if (!token.hasScope("openid")) {
			// API sign-in tokens (aws.cognito.signin.user.admin only) are refused.
			return userInfoError(400, "invalid_request", "Bad OAuth2 request at UserInfo Endpoint",
					USERINFO_BAD_REQUEST);
		}
		PoolUser user = pool.user(token.username());
		AppClient client = pool.client(token.clientId());
		if (user == null || !user.enabled() || client == null) {
			return invalidToken();
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("sub", user.sub());
		boolean scoped = token.hasScope("email") || token.hasScope("phone") || token.hasScope("profile");
		List<String> readable = client.readAttributes();
		user.attributes().forEach((name, value) -> {
			if (name.equals("sub") || (readable != null && !readable.isEmpty() && !readable.contains(name))) {
				return;
			}
			if (!scoped || released(token, name)) {
				// Every attribute is a string here, email_verified included: "Currently,
				// Amazon Cognito returns the values for email_verified and
				// phone_number_verified as strings" (emulated-behaviour.md §C9 fact 5).
				body.put(name, value);
			}
		});
		body.put("username", user.username());
		return ResponseDefinitionBuilder.responseDefinition()
			.withStatus(200)
			.withHeaders(new HttpHeaders(new HttpHeader("Content-Type", "application/json;charset=UTF-8"),
					new HttpHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate"),
					new HttpHeader("Pragma", "no-cache"),
					new HttpHeader("x-amz-cognito-request-id", UUID.randomUUID().toString()),
					new HttpHeader(CORS_ORIGIN, "*")))
			.withBody(Json.write(body))
			.build();
	}

	/**
	 * Which attributes the email, phone and profile scopes release (emulated-behaviour.md
	 * §C1.7).
	 */
	private static boolean released(VerifiedAccessToken token, String name) {
		if (name.equals("email") || name.equals("email_verified")) {
			return token.hasScope("email");
		}
		if (name.equals("phone_number") || name.equals("phone_number_verified")) {
			return token.hasScope("phone");
		}
		return token.hasScope("profile") && (PROFILE_ATTRIBUTES.contains(name) || name.startsWith("custom:"));
	}

	private ResponseDefinition invalidToken() {
		return userInfoError(401, "invalid_token",
				"Access token is expired, disabled, or deleted, or the user has globally signed out.",
				USERINFO_INVALID_TOKEN);
	}

	/**
	 * The documented {@code WWW-Authenticate} value, byte-exact and without a
	 * {@code Bearer} prefix, plus a JSON body unless turned off (emulated-behaviour.md
	 * §C1.7).
	 */
	private ResponseDefinition userInfoError(int status, String error, String description, String challenge) {
		Responses.Builder response = Responses.status(status)
			.header("WWW-Authenticate", challenge)
			.header(CORS_ORIGIN, "*");
		if (this.options.userInfoErrorBody()) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("error", error);
			body.put("error_description", description);
			response.json(Json.write(body));
		}
		return response.build();
	}

	// POST /oauth2/revoke

	ResponseDefinition revoke(UserPool pool, Exchange ex) {
		if (!isForm(ex)) {
			return jsonError(400, "invalid_request", null, false);
		}
		String token = ex.form("token");
		if (isBlank(token)) {
			return jsonError(400, "invalid_request", null, false);
		}
		AppClient client = authenticate(pool, ex);
		if (client == null) {
			return jsonError(401, "invalid_client", null, false);
		}
		if (!client.enableTokenRevocation()) {
			return jsonError(400, "invalid_request", null, false);
		}
		RefreshTokenClaims claims;
		try {
			claims = this.tokens.readRefreshToken(pool.id(), token);
		}
		catch (InvalidTokenException ex2) {
			if (isJwsToken(token)) {
				// Access and ID tokens cannot be revoked (emulated-behaviour.md §C9 fact
				// 14).
				return jsonError(400, "unsupported_token_type", null, false);
			}
			// Unknown (or expired) tokens: 200, as for already-revoked ones.
			return Responses.status(200).build();
		}
		if (!claims.clientId().equals(client.clientId())) {
			return jsonError(400, "invalid_request", null, false);
		}
		this.store.revokeOrigin(claims.originJti(), client.clientId(), this.clock.instant());
		return Responses.status(200).build();
	}

	// Helpers

	private static boolean isJwsToken(String token) {
		try {
			Object use = SignedJWT.parse(token).getJWTClaimsSet().getClaim("token_use");
			return "access".equals(use) || "id".equals(use);
		}
		catch (ParseException | RuntimeException ex) {
			return false;
		}
	}

	private static ResponseDefinition jsonError(int status, String error, String description, boolean cors) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", error);
		if (description != null) {
			body.put("error_description", description);
		}
		Responses.Builder response = Responses.status(status);
		if (cors) {
			response.header(CORS_ORIGIN, "*");
		}
		return response.json(Json.write(body)).build();
	}

	/**
	 * A request to {@code path} that cannot be read: {@code 400 invalid_request} in each
	 * endpoint's documented shape (emulated-behaviour.md §C1.6, §C1.7, §C1.8); null for
	 * the other paths.
	 */
	static ResponseDefinition malformed(String path) {
		return switch (path) {
			case "/oauth2/token" -> tokenError("invalid_request", null);
			case "/oauth2/revoke" -> jsonError(400, "invalid_request", null, false);
			case "/oauth2/userInfo" -> {
				Map<String, Object> body = new LinkedHashMap<>();
				body.put("error", "invalid_request");
				body.put("error_description", "Bad OAuth2 request at UserInfo Endpoint");
				yield Responses.status(400)
					.header("WWW-Authenticate", USERINFO_BAD_REQUEST)
					.header(CORS_ORIGIN, "*")
					.json(Json.write(body))
					.build();
			}
			default -> null;
		};
	}

	private static ResponseDefinition preflight(String methods) {
		return Responses.status(204)
			.header(CORS_ORIGIN, "*")
			.header("Access-Control-Allow-Methods", methods)
			.header("Access-Control-Allow-Headers", "Authorization, Content-Type")
			.header("Access-Control-Max-Age", "3600")
			.build();
	}

	private static boolean isForm(Exchange ex) {
		String type = ex.header("Content-Type");
		return type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded");
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	/** RFC 7636 §4.2: BASE64URL(SHA256(ASCII(code_verifier))). */
	static String s256(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

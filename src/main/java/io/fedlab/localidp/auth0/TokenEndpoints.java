package io.fedlab.localidp.auth0;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.nimbusds.jose.util.JSONObjectUtils;

import io.fedlab.localidp.http.Exchange;
import io.fedlab.localidp.http.HttpProblem;
import io.fedlab.localidp.http.Responses;

/**
 * {@code POST /oauth/token} (authorization code grant) and {@code /userinfo}, with
 * Auth0's real, non-RFC error statuses (emulated-behaviour.md §A3, §A4, §A11 fact 2, §A11
 * fact 3).
 */
final class TokenEndpoints {

	static final String INVALID_CODE = "Invalid authorization code";

	static final String REDIRECT_URI_REQUIRED = "redirect_uri is required if it was included in the authorization request.";

	static final String PKCE_FAILED = "Failed to verify code verifier";

	private final Auth0Emulator tenant;

	TokenEndpoints(Auth0Emulator tenant) {
		this.tenant = tenant;
	}

	ResponseDefinition token(Exchange exchange) {
		Map<String, String> params = params(exchange);
		String grantType = params.get("grant_type");
		if (grantType == null || grantType.isEmpty()) {
			return error(400, "invalid_request", "Missing required parameter: grant_type");
		}
		if (!grantType.equals("authorization_code") && !grantType.equals("refresh_token")) {
			return error(400, "unsupported_grant_type", "Unsupported grant type: " + grantType);
		}
		Auth0Application app = authenticate(exchange, params);
		if (grantType.equals("refresh_token")) {
			if (params.get("refresh_token") == null) {
				return error(400, "invalid_request", "Missing required parameter: refresh_token");
			}
			// This tenant never issues refresh tokens (Cognito never refreshes upstream,
			// emulated-behaviour.md §A9), so every refresh token is unknown.
			return error(403, "invalid_grant", "Unknown or invalid refresh token.");
		}
		String code = params.get("code");
		if (code == null || code.isEmpty()) {
			return error(400, "invalid_request", "Missing required parameter: code");
		}
		// Taken, not read: a code works once, even when this exchange fails
		// (emulated-behaviour.md
		// §A2).
		LoginFlow.IssuedCode issued = this.tenant.codes().take(code);
		if (issued == null || !issued.request().clientId().equals(app.clientId())) {
			return error(403, "invalid_grant", INVALID_CODE);
		}
		LoginFlow.AuthRequest request = issued.request();
		String redirectUri = params.get("redirect_uri");
		if (redirectUri == null && request.redirectUriSent()) {
			return error(403, "invalid_grant", REDIRECT_URI_REQUIRED);
		}
		if (redirectUri != null && !redirectUri.equals(request.redirectUri())) {
			return error(403, "invalid_grant", "The redirect URI is wrong. You send " + redirectUri
					+ ", and we expected " + request.redirectUri());
		}
		String verifier = params.get("code_verifier");
		if (request.codeChallenge() != null) {
			if (verifier == null || !verifier.matches("[A-Za-z0-9._~-]{43,128}")
					|| !s256(verifier).equals(request.codeChallenge())) {
				return error(403, "invalid_grant", PKCE_FAILED);
			}
		}
		else if (verifier != null) {
			// RFC 9700 §2.1.1: a verifier for a code issued without a challenge is
			// refused.
			return error(403, "invalid_grant", PKCE_FAILED);
		}
		else if (!app.confidential()) {
			// A public client proves nothing without PKCE.
			return error(401, "access_denied", "Unauthorized");
		}
		Auth0User user = this.tenant.userById(issued.userId());
		if (user == null) {
			return error(403, "invalid_grant", INVALID_CODE);
		}
		Instant now = this.tenant.now();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("access_token",
				this.tenant.tokens().accessToken(user.userId(), app.clientId(), request.scopes(), issued.sid(), now));
		if (request.scopes().contains("openid")) {
			body.put("id_token",
					this.tenant.tokens()
						.idToken(user, this.tenant.updatedAt(user), app.clientId(), request.scopes(), issued.sid(),
								request.nonce(), issued.authTime(), now));
		}
		body.put("scope", String.join(" ", request.scopes()));
		body.put("expires_in", Auth0Tokens.ACCESS_TOKEN_SECONDS);
		body.put("token_type", "Bearer");
		return Responses.json(200, JSONObjectUtils.toJSONString(body));
	}

	ResponseDefinition userInfo(Exchange exchange) {
		String token = null;
		String authorization = exchange.header("Authorization");
		if (authorization != null) {
			if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
				token = authorization.substring(7).trim();
			}
		}
		else if (exchange.method().equalsIgnoreCase("POST")) {
			token = exchange.form("access_token");
		}
		if (token == null || token.isEmpty()) {
			return unauthorized(null);
		}
		Auth0Tokens.AccessToken accessToken = this.tenant.tokens().readAccessToken(token, this.tenant.now());
		if (accessToken == null) {
			return unauthorized("Invalid token");
		}
		if (accessToken.expired()) {
			return unauthorized("The token has expired");
		}
		Auth0User user = this.tenant.userById(accessToken.userId());
		if (user == null) {
			return unauthorized("Invalid token");
		}
		Map<String, Object> body = Auth0Tokens.userInfo(user, this.tenant.updatedAt(user), accessToken.scopes());
		return Responses.json(200, JSONObjectUtils.toJSONString(body));
	}

	/**
	 * Identifies the client and checks it authenticates the way its application is
	 * configured to (emulated-behaviour.md §A3, §A8): a mismatch or a wrong secret is 401
	 * {@code access_denied}, an unknown client 403 {@code unauthorized_client}.
	 */
	private Auth0Application authenticate(Exchange exchange, Map<String, String> params) {
		String basicId = null;
		String basicSecret = null;
		String authorization = exchange.header("Authorization");
		if (authorization != null) {
			String[] credentials = basic(authorization);
			if (credentials == null) {
				throw new HttpProblem(error(401, "access_denied", "Unauthorized"));
			}
			basicId = credentials[0];
			basicSecret = credentials[1];
		}
		String bodyId = params.get("client_id");
		if (basicId != null && bodyId != null && !basicId.equals(bodyId)) {
			throw new HttpProblem(error(401, "access_denied", "Unauthorized"));
		}
		String clientId = (basicId != null) ? basicId : bodyId;
		if (clientId == null || clientId.isEmpty()) {
			throw new HttpProblem(error(401, "access_denied", "Unauthorized"));
		}
		Auth0Application app = this.tenant.application(clientId);
		if (app == null) {
			throw new HttpProblem(error(403, "unauthorized_client", "invalid client"));
		}
		String bodySecret = params.get("client_secret");
		String presented = switch (app.tokenEndpointAuthMethod()) {
			case "client_secret_post" -> (basicSecret == null) ? bodySecret : null;
			case "client_secret_basic" -> (bodySecret == null) ? basicSecret : null;
			default -> (basicSecret == null && bodySecret == null) ? "" : null;
		};
		boolean ok = presented != null && (!app.confidential() || MessageDigest
			.isEqual(presented.getBytes(StandardCharsets.UTF_8), app.clientSecret().getBytes(StandardCharsets.UTF_8)));
		if (!ok) {
			throw new HttpProblem(error(401, "access_denied", "Unauthorized"));
		}
		return app;
	}

	/** id and secret from {@code Basic} credentials (RFC 6749 §2.3.1), or null. */
	private static String[] basic(String authorization) {
		if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
					StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			if (colon < 0) {
				return null;
			}
			return new String[] { URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
					URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8) };
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * Form parameters, or a JSON object of strings (emulated-behaviour.md §A3 accepts
	 * both).
	 */
	private static Map<String, String> params(Exchange exchange) {
		String type = exchange.header("Content-Type");
		if (type == null || !type.toLowerCase().startsWith("application/json")) {
			return exchange.formParams();
		}
		Map<String, Object> json;
		try {
			json = JSONObjectUtils.parse(exchange.body());
		}
		catch (ParseException | RuntimeException ex) {
			throw new HttpProblem(error(400, "invalid_request", "The request body is not valid JSON"));
		}
		if (json == null) {
			// The JSON text null: no object of parameters.
			throw new HttpProblem(error(400, "invalid_request", "The request body is not a JSON object"));
		}
		Map<String, String> params = new LinkedHashMap<>();
		for (Map.Entry<String, Object> entry : json.entrySet()) {
			if (!(entry.getValue() instanceof String value)) {
				throw new HttpProblem(
						error(400, "invalid_request", "Parameter " + entry.getKey() + " must be a string"));
			}
			params.put(entry.getKey(), value);
		}
		return params;
	}

	private static String s256(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static ResponseDefinition error(int status, String error, String description) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", error);
		body.put("error_description", description);
		return Responses.json(status, JSONObjectUtils.toJSONString(body));
	}

	/**
	 * Auth0's /userinfo 401: plain-text {@code Unauthorized}, details only in
	 * {@code WWW-Authenticate} (emulated-behaviour.md §A4, §A11 fact 3).
	 */
	private static ResponseDefinition unauthorized(String description) {
		String challenge = (description == null) ? "Bearer realm=\"Users\""
				: "Bearer realm=\"Users\", error=\"invalid_token\", error_description=\"" + description + "\"";
		return Responses.status(401)
			.header("Content-Type", "text/plain;charset=UTF-8")
			.header("WWW-Authenticate", challenge)
			.body("Unauthorized")
			.build();
	}

}

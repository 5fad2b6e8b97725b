package io.fedlab.localidp.cognito.oauth;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.fedlab.localidp.cognito.state.IdentityProvider;

/**
 * Cognito's server-side half of an OIDC federation (emulated-behaviour.md §C1.3, §C1.4,
 * §C7): endpoint discovery, the code exchange with {@code client_secret_post} only, the
 * JWKS fetched for every ID token, the ID-token checks and the userInfo call. Every
 * failure becomes the {@code error}/{@code error_description} pair Cognito sends to the
 * app.
 */
final class OidcUpstream {

	private static final int MAX_BODY = 256 * 1024;

	private final HttpClient http;

	private final HostedUiOptions options;

	private final Clock clock;

	OidcUpstream(HttpClient http, HostedUiOptions options, Clock clock) {
		this.http = http;
		this.options = options;
		this.clock = clock;
	}

	/** The IdP's endpoints; {@code issuer} is the one its ID tokens must carry. */
	record Endpoints(String authorizeUrl, String tokenUrl, String attributesUrl, String jwksUri, String issuer) {
	}

	/** What the IdP's token endpoint answered. */
	record IdpTokens(String idToken, String accessToken) {
	}

	/**
	 * Only the authorization endpoint, for the browser redirect: from
	 * {@code ProviderDetails} (where CreateIdentityProvider stores what it discovered),
	 * else from discovery.
	 */
	String authorizeUrl(IdentityProvider idp) throws FederationException {
		String url = idp.detail("authorize_url");
		return (url != null) ? url : discover(idp).get("authorization_endpoint");
	}

	/**
	 * Every endpoint, plus the issuer to compare {@code iss} with: the discovery
	 * document's {@code issuer} (fetched from {@code oidc_issuer} +
	 * {@code /.well-known/openid-configuration} literally, so a configured trailing slash
	 * asks for {@code //.well-known} and no issuer is found), or the configured
	 * {@code oidc_issuer} when the emulator option says so (emulated-behaviour.md §C7.3).
	 */
	Endpoints endpoints(IdentityProvider idp) throws FederationException {
		Map<String, String> discovered = null;
		String token = idp.detail("token_url");
		String attributes = idp.detail("attributes_url");
		String jwks = idp.detail("jwks_uri");
		String authorize = idp.detail("authorize_url");
		if (token == null || attributes == null || jwks == null || authorize == null) {
			discovered = discover(idp);
			token = (token != null) ? token : discovered.get("token_endpoint");
			attributes = (attributes != null) ? attributes : discovered.get("userinfo_endpoint");
			jwks = (jwks != null) ? jwks : discovered.get("jwks_uri");
			authorize = (authorize != null) ? authorize : discovered.get("authorization_endpoint");
		}
		String issuer;
		if (this.options.issuerCompareWithDiscovery()) {
			if (discovered == null) {
				try {
					discovered = discover(idp);
				}
				catch (FederationException ex) {
					// No discovery document, so no issuer any ID token can match: the
					// sign-in fails with "Bad id_token issuer <iss>".
					discovered = Map.of();
				}
			}
			issuer = discovered.get("issuer");
		}
		else {
			issuer = idp.detail("oidc_issuer");
		}
		if (token == null || attributes == null || jwks == null) {
			throw FederationException
				.invalidRequest(idp.providerName() + " Error - missing endpoints in configuration");
		}
		return new Endpoints(authorize, token, attributes, jwks, issuer);
	}

	/** POSTs the code to the IdP's token endpoint with {@code client_secret_post}. */
	IdpTokens redeem(IdentityProvider idp, Endpoints endpoints, String code, String redirectUri, String codeVerifier)
			throws FederationException {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "authorization_code");
		form.put("code", code);
		form.put("redirect_uri", redirectUri);
		// Cognito "doesn't support client_secret_basic": the secret always travels in the
		// body, whatever the IdP advertises (emulated-behaviour.md §C1.4 step 2, §C9 fact
		// 12).
		form.put("client_id", idp.detail("client_id"));
		if (idp.detail("client_secret") != null) {
			form.put("client_secret", idp.detail("client_secret"));
		}
		if (codeVerifier != null) {
			form.put("code_verifier", codeVerifier);
		}
		HttpRequest request = request(endpoints.tokenUrl()).header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(Urls.form(form)))
			.build();
		Reply reply = send(request, "Timeout occurred in calling IdP token endpoint");
		Map<String, Object> json = jsonOrNull(reply.body());
		if (reply.status() != 200) {
			throw FederationException.invalidRequest(idpError(idp, reply.status(), json, "error getting token"));
		}
		String idToken = (json != null) ? string(json.get("id_token")) : null;
		String accessToken = (json != null) ? string(json.get("access_token")) : null;
		if (idToken == null || accessToken == null) {
			throw FederationException
				.invalidRequest(idp.providerName() + " Error - " + reply.status() + " error getting token");
		}
		return new IdpTokens(idToken, accessToken);
	}

	/**
	 * Checks the IdP ID token as emulated-behaviour.md §C1.4 step 3 lists: RSA signature
	 * by a key of the JWKS (fetched now, for every token), {@code iss}, {@code aud},
	 * {@code exp}, and the {@code nonce} Cognito sent.
	 */
	JWTClaimsSet validateIdToken(IdentityProvider idp, Endpoints endpoints, String idToken, String expectedNonce)
			throws FederationException {
		SignedJWT jwt;
		JWTClaimsSet claims;
		try {
			jwt = SignedJWT.parse(idToken);
			claims = jwt.getJWTClaimsSet();
		}
		catch (ParseException ex) {
			throw FederationException.invalidRequest("Invalid id_token");
		}
		JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
		if (!JWSAlgorithm.Family.RSA.contains(alg)) {
			throw FederationException.invalidRequest("Invalid id_token algorithm " + alg);
		}
		JWKSet jwks = jwks(idp, endpoints.jwksUri());
		String kid = jwt.getHeader().getKeyID();
		JWK key = (kid != null) ? jwks.getKeyByKeyId(kid) : null;
		if (!(key instanceof RSAKey rsa)) {
			throw FederationException.invalidRequest("Invalid id_token: kid not found in jwks");
		}
		try {
			if (!jwt.verify(new RSASSAVerifier(rsa))) {
				throw FederationException.invalidRequest("Invalid id_token signature");
			}
		}
		catch (JOSEException ex) {
			throw FederationException.invalidRequest("Invalid id_token signature");
		}
		// Byte-for-byte, no slash normalisation: Auth0's "https://TENANT/" differs from
		// "https://TENANT" (emulated-behaviour.md §C7.3, §A11 fact
		// 1).
		String iss = claims.getIssuer();
		if (iss == null || !iss.equals(endpoints.issuer())) {
			throw FederationException.invalidRequest("Bad id_token issuer " + iss);
		}
		List<String> audience = claims.getAudience();
		if (audience == null || !audience.contains(idp.detail("client_id"))) {
			throw FederationException.invalidRequest("Bad id_token audience");
		}
		Date exp = claims.getExpirationTime();
		if (exp == null || !this.clock.instant().isBefore(exp.toInstant())) {
			throw FederationException.invalidRequest("id_token expired");
		}
		if (expectedNonce != null) {
			Object nonce = claims.getClaim("nonce");
			if (!expectedNonce.equals(nonce)) {
				throw FederationException.invalidRequest("Bad id_token nonce");
			}
		}
		if (claims.getSubject() == null || claims.getSubject().isEmpty()) {
			throw FederationException.invalidRequest("Bad id_token sub");
		}
		return claims;
	}

	/**
	 * Calls the IdP's userInfo ({@code attributes_url}) with the IdP access token as a
	 * Bearer header, by GET or POST per {@code attributes_request_method}
	 * (emulated-behaviour.md §C1.4 step 4; the POST variant sends an empty form body).
	 */
	Map<String, Object> userInfo(IdentityProvider idp, Endpoints endpoints, String accessToken)
			throws FederationException {
		HttpRequest.Builder builder = request(endpoints.attributesUrl())
			.header("Authorization", "Bearer " + accessToken)
			.header("Accept", "application/json");
		if ("POST".equalsIgnoreCase(idp.detail("attributes_request_method"))) {
			builder.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.noBody());
		}
		else {
			builder.GET();
		}
		Reply reply = send(builder.build(), "Timeout occurred in calling IdP userinfo endpoint");
		Map<String, Object> json = jsonOrNull(reply.body());
		if (reply.status() != 200) {
			throw FederationException.invalidRequest(idpError(idp, reply.status(), json, "error getting user info"));
		}
		if (json == null) {
			throw FederationException.invalidRequest(idp.providerName() + " Error - invalid user info response");
		}
		return json;
	}

	private Map<String, String> discover(IdentityProvider idp) throws FederationException {
		String issuer = idp.detail("oidc_issuer");
		if (issuer == null) {
			throw FederationException.invalidRequest(idp.providerName() + " Error - missing oidc_issuer");
		}
		// Appended literally: a configured trailing slash yields "//.well-known", which
		// Auth0 answers 404 (emulated-behaviour.md §C7.3, §A1).
		HttpRequest request = request(issuer + "/.well-known/openid-configuration").GET().build();
		Reply reply = send(request, "Timeout in calling discovery endpoint");
		Map<String, Object> json = jsonOrNull(reply.body());
		if (reply.status() != 200 || json == null) {
			throw FederationException
				.invalidRequest(idpError(idp, reply.status(), json, "error getting discovery document"));
		}
		Map<String, String> out = new LinkedHashMap<>();
		json.forEach((k, v) -> {
			if (v instanceof String s) {
				out.put(k, s);
			}
		});
		return out;
	}

	private JWKSet jwks(IdentityProvider idp, String uri) throws FederationException {
		Reply reply = send(request(uri).GET().build(), "Timeout in calling jwks uri");
		if (reply.status() != 200) {
			throw FederationException
				.invalidRequest(idpError(idp, reply.status(), jsonOrNull(reply.body()), "error getting jwks"));
		}
		try {
			return JWKSet.parse(reply.body());
		}
		catch (ParseException ex) {
			throw FederationException.invalidRequest(idp.providerName() + " Error - invalid jwks");
		}
	}

	private HttpRequest.Builder request(String uri) throws FederationException {
		try {
			return HttpRequest.newBuilder(URI.create(uri)).timeout(this.options.backChannelTimeout());
		}
		catch (IllegalArgumentException ex) {
			throw FederationException.invalidRequest("Invalid IdP endpoint URL");
		}
	}

	private Reply send(HttpRequest request, String timeoutText) throws FederationException {
		try {
			HttpResponse<InputStream> response = this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream in = response.body()) {
				byte[] body = in.readNBytes(MAX_BODY);
				return new Reply(response.statusCode(), new String(body, StandardCharsets.UTF_8));
			}
		}
		catch (HttpTimeoutException ex) {
			throw FederationException.invalidRequest(timeoutText);
		}
		catch (ConnectException ex) {
			throw FederationException.invalidRequest("Connection refused");
		}
		catch (IOException ex) {
			throw FederationException.invalidRequest("Connection reset");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FederationException("server_error", "Exception processing authorization code");
		}
	}

	/**
	 * {@code <ProviderName> Error - <status> <error> <error_description>} as Cognito
	 * relays IdP failures (emulated-behaviour.md §C1.4, e.g. "LoginWithAmazon Error - 400
	 * invalid_request The request is missing …").
	 */
	private static String idpError(IdentityProvider idp, int status, Map<String, Object> json, String fallback) {
		StringBuilder text = new StringBuilder(idp.providerName()).append(" Error - ").append(status);
		String error = (json != null) ? string(json.get("error")) : null;
		if (error == null) {
			return text.append(' ').append(fallback).toString();
		}
		text.append(' ').append(error);
		String description = string(json.get("error_description"));
		if (description != null) {
			text.append(' ').append(description.length() > 200 ? description.substring(0, 200) : description);
		}
		return text.toString();
	}

	private static Map<String, Object> jsonOrNull(String body) {
		try {
			return JSONObjectUtils.parse(body);
		}
		catch (ParseException | RuntimeException ex) {
			return null;
		}
	}

	private static String string(Object value) {
		return (value instanceof String s && !s.isEmpty()) ? s : null;
	}

	private record Reply(int status, String body) {
	}

}

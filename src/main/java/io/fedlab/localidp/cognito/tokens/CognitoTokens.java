package io.fedlab.localidp.cognito.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.fedlab.localidp.cognito.state.CognitoStore;
import io.fedlab.localidp.cognito.state.PoolUser;
import io.fedlab.localidp.signing.Signers;

/**
 * Mints and checks the local Cognito's tokens, with the claims, JSON types and headers of
 * the real ones (emulated-behaviour.md §C3, §C4): RS256 with a {@code kid} and no
 * {@code typ}; ID and access tokens signed by different keys; the access token without
 * {@code aud}; the refresh token an opaque JWE ({@code RSA-OAEP}, {@code A256GCM},
 * {@code cty: JWT}).
 */
public final class CognitoTokens {

	/**
	 * Attributes that the {@code email}, {@code phone} and {@code profile} scopes
	 * release.
	 */
	static final Map<String, Set<String>> SCOPE_ATTRIBUTES = Map.of("email", Set.of("email", "email_verified"), "phone",
			Set.of("phone_number", "phone_number_verified"), "profile",
			Set.of("name", "family_name", "given_name", "middle_name", "nickname", "preferred_username", "profile",
					"picture", "website", "gender", "birthdate", "zoneinfo", "locale", "updated_at"));

	private static final Set<String> BOOLEAN_ATTRIBUTES = Set.of("email_verified", "phone_number_verified");

	private final PoolKeys keys;

	private final Function<String, String> issuerOf;

	private final Clock clock;

	/**
	 * @param keys the pools' keys
	 * @param issuerOf pool id to issuer URL (the Cognito API host plus {@code /<poolId>})
	 * @param clock the time source (tests move it)
	 */
	public CognitoTokens(PoolKeys keys, Function<String, String> issuerOf, Clock clock) {
		this.keys = keys;
		this.issuerOf = issuerOf;
		this.clock = clock;
	}

	public String issuer(String poolId) {
		return this.issuerOf.apply(poolId);
	}

	public Instant now() {
		return Instant.ofEpochSecond(this.clock.instant().getEpochSecond());
	}

	/**
	 * The access token: no {@code aud}, {@code client_id}, space-separated {@code scope},
	 * {@code version: 2}.
	 */
	public String accessToken(Grant grant) {
		Instant now = now();
		PoolUser user = grant.user();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(user.sub());
		List<String> groups = grant.pool().groupsOf(user.username());
		if (!groups.isEmpty()) {
			claims.claim("cognito:groups", groups);
		}
		claims.issuer(issuer(grant.pool().id())).claim("version", 2).claim("client_id", grant.client().clientId());
		if (grant.client().enableTokenRevocation()) {
			claims.claim("origin_jti", grant.originJti());
		}
		claims.claim("event_id", grant.eventId())
			.claim("token_use", "access")
			.claim("scope", String.join(" ", grant.scopes()))
			.claim("auth_time", grant.authTime().getEpochSecond())
			.expirationTime(Date.from(now.plusSeconds(grant.client().accessTokenSeconds())))
			.issueTime(Date.from(now));
		if (grant.client().enableTokenRevocation()) {
			claims.jwtID(UUID.randomUUID().toString());
		}
		claims.claim("username", user.username());
		return sign(claims.build(), this.keys.accessTokenKey(grant.pool().id()));
	}

	/**
	 * The ID token: {@code aud} = client id, {@code cognito:username}, {@code identities}
	 * with string-typed fields, the request's {@code nonce}, {@code at_hash} of
	 * {@code accessToken}. Returns {@code null} without the {@code openid} scope.
	 */
	public String idToken(Grant grant, String accessToken) {
		if (!grant.hasScope("openid")) {
			return null;
		}
		Instant now = now();
		PoolUser user = grant.user();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
		if (accessToken != null) {
			claims.claim("at_hash", atHash(accessToken));
		}
		claims.subject(user.sub());
		List<String> groups = grant.pool().groupsOf(user.username());
		if (!groups.isEmpty()) {
			claims.claim("cognito:groups", groups);
		}
		Map<String, Object> attributes = idTokenAttributes(user);
		if (attributes.containsKey("email_verified")) {
			claims.claim("email_verified", attributes.remove("email_verified"));
		}
		claims.issuer(issuer(grant.pool().id())).claim("cognito:username", user.username());
		if (grant.nonce() != null) {
			claims.claim("nonce", grant.nonce());
		}
		if (grant.client().enableTokenRevocation()) {
			claims.claim("origin_jti", grant.originJti());
		}
		claims.audience(grant.client().clientId());
		Object identities = identitiesClaim(user.attribute("identities"));
		if (identities != null) {
			claims.claim("identities", identities);
		}
		claims.claim("event_id", grant.eventId())
			.claim("token_use", "id")
			.claim("auth_time", grant.authTime().getEpochSecond())
			.expirationTime(Date.from(now.plusSeconds(grant.client().idTokenSeconds())))
			.issueTime(Date.from(now));
		if (grant.client().enableTokenRevocation()) {
			claims.jwtID(UUID.randomUUID().toString());
		}
		attributes.forEach(claims::claim);
		return sign(claims.build(), this.keys.idTokenKey(grant.pool().id()));
	}

	/** The refresh token: a JWE only this pool can read. */
	public String refreshToken(Grant grant) {
		Instant now = now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer(grant.pool().id()))
			.claim("client_id", grant.client().clientId())
			.claim("username", grant.user().username())
			.claim("scope", String.join(" ", grant.scopes()))
			.claim("auth_time", grant.authTime().getEpochSecond())
			.claim("origin_jti", grant.originJti())
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(grant.client().refreshTokenSeconds())))
			.build();
		String poolId = grant.pool().id();
		// The header Cognito's refresh tokens carry:
		// {"cty":"JWT","enc":"A256GCM","alg":"RSA-OAEP"}.
		try {
			JWEObject jwe = new JWEObject(
					new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP, EncryptionMethod.A256GCM).contentType("JWT").build(),
					new Payload(sign(claims, this.keys.accessTokenKey(poolId))));
			jwe.encrypt(new RSAEncrypter(this.keys.refreshTokenKey(poolId)));
			return jwe.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot encrypt a refresh token", ex);
		}
	}

	/**
	 * Opens a refresh token of {@code poolId}; fails on anything this pool did not issue
	 * or that expired.
	 */
	public RefreshTokenClaims readRefreshToken(String poolId, String token) throws InvalidTokenException {
		if (token == null || token.isBlank()) {
			throw new InvalidTokenException("Invalid Refresh Token");
		}
		// The header Cognito's refresh tokens carry:
		// {"cty":"JWT","enc":"A256GCM","alg":"RSA-OAEP"}.
		try {
			JWEObject jwe = JWEObject.parse(token);
			jwe.decrypt(new RSADecrypter(this.keys.refreshTokenKey(poolId)));
			SignedJWT inner = jwe.getPayload().toSignedJWT();
			if (inner == null || !verifies(poolId, inner)) {
				throw new InvalidTokenException("Invalid Refresh Token");
			}
			JWTClaimsSet claims = inner.getJWTClaimsSet();
			if (!issuer(poolId).equals(claims.getIssuer())) {
				throw new InvalidTokenException("Invalid Refresh Token");
			}
			Instant expires = claims.getExpirationTime().toInstant();
			if (!now().isBefore(expires)) {
				throw new InvalidTokenException("Refresh Token has expired");
			}
			return new RefreshTokenClaims(poolId, claims.getStringClaim("client_id"), claims.getStringClaim("username"),
					scopes(claims.getStringClaim("scope")), Instant.ofEpochSecond(claims.getLongClaim("auth_time")),
					claims.getStringClaim("origin_jti"), claims.getJWTID(), claims.getIssueTime().toInstant(), expires);
		}
		catch (ParseException | JOSEException | RuntimeException ex) {
			throw new InvalidTokenException("Invalid Refresh Token");
		}
	}

	/**
	 * Checks an access token as Cognito's userInfo endpoint and GetUser do: issued by one
	 * of {@code store}'s pools, signed by that pool's access key,
	 * {@code token_use=access}, not expired, not revoked, not predating a GlobalSignOut.
	 */
	public VerifiedAccessToken verifyAccessToken(CognitoStore store, String token) throws InvalidTokenException {
		final String invalid = "Invalid Access Token";
		if (token == null || token.isBlank()) {
			throw new InvalidTokenException(invalid);
		}
		JWTClaimsSet claims;
		String poolId;
		try {
			SignedJWT jwt = SignedJWT.parse(token);
			claims = jwt.getJWTClaimsSet();
			String issuer = claims.getIssuer();
			poolId = (issuer != null) ? issuer.substring(issuer.lastIndexOf('/') + 1) : null;
			if (store.pool(poolId) == null || !issuer(poolId).equals(issuer)) {
				throw new InvalidTokenException(invalid);
			}
			RSAKey key = this.keys.signingKey(poolId, jwt.getHeader().getKeyID());
			if (key == null || !JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
					|| !jwt.verify(new RSASSAVerifier(key))) {
				throw new InvalidTokenException(invalid);
			}
			if (!"access".equals(claims.getStringClaim("token_use"))) {
				throw new InvalidTokenException(invalid);
			}
		}
		catch (ParseException | JOSEException | RuntimeException ex) {
			throw new InvalidTokenException(invalid);
		}
		try {
			Instant expires = claims.getExpirationTime().toInstant();
			if (!now().isBefore(expires)) {
				throw new InvalidTokenException("Access Token has expired");
			}
			String origin = claims.getStringClaim("origin_jti");
			if (store.isOriginRevoked(origin)) {
				throw new InvalidTokenException("Access Token has been revoked");
			}
			String username = claims.getStringClaim("username");
			Instant issuedAt = claims.getIssueTime().toInstant();
			if (store.isSignedOut(poolId, username, issuedAt)) {
				throw new InvalidTokenException("Access Token has been revoked");
			}
			return new VerifiedAccessToken(poolId, claims.getStringClaim("client_id"), username, claims.getSubject(),
					scopes(claims.getStringClaim("scope")), origin, issuedAt, expires);
		}
		catch (ParseException | RuntimeException ex) {
			throw new InvalidTokenException(invalid);
		}
	}

	private boolean verifies(String poolId, SignedJWT jwt) throws JOSEException {
		RSAKey key = this.keys.signingKey(poolId, jwt.getHeader().getKeyID());
		return key != null && jwt.verify(new RSASSAVerifier(key));
	}

	private static String sign(JWTClaimsSet claims, RSAKey key) {
		try {
			// Cognito's JWT header is {"kid":…,"alg":"RS256"}: no "typ".
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
					claims);
			jwt.sign(Signers.of(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign a token", ex);
		}
	}

	/**
	 * OIDC Core §3.1.3.6: the left half of the SHA-256 of the access token, base64url.
	 */
	static String atHash(String accessToken) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(accessToken.getBytes(StandardCharsets.US_ASCII));
			return Base64URL.encode(Arrays.copyOf(digest, digest.length / 2)).toString();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The user's attributes as ID-token claims: {@code *_verified} as booleans,
	 * {@code custom:*} and everything else as strings; {@code sub} and {@code identities}
	 * are set elsewhere.
	 */
	private static Map<String, Object> idTokenAttributes(PoolUser user) {
		Map<String, Object> claims = new LinkedHashMap<>();
		user.attributes().forEach((name, value) -> {
			if (name.equals("sub") || name.equals("identities")) {
				return;
			}
			claims.put(name, BOOLEAN_ATTRIBUTES.contains(name) ? Boolean.valueOf(value) : value);
		});
		return claims;
	}

	/**
	 * The {@code identities} attribute (a JSON string with boolean {@code primary} and
	 * numeric {@code dateCreated}) as the ID-token claim, where every field is a string
	 * (emulated-behaviour.md §C4.1, fact 6), {@code issuer} possibly null.
	 */
	static Object identitiesClaim(String attribute) {
		if (attribute == null) {
			return null;
		}
		try {
			List<Object> out = new ArrayList<>();
			for (Object entry : JSONArrayUtils.parse(attribute)) {
				@SuppressWarnings("unchecked")
				Map<String, Object> identity = (Map<String, Object>) entry;
				Map<String, Object> stringly = new LinkedHashMap<>();
				identity.forEach((k, v) -> stringly.put(k, (v == null) ? null : asString(v)));
				out.add(stringly);
			}
			return out;
		}
		catch (ParseException | ClassCastException ex) {
			return null;
		}
	}

	private static String asString(Object value) {
		if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
			return Long.toString(number.longValue());
		}
		return value.toString();
	}

	private static List<String> scopes(String scope) {
		return (scope == null || scope.isBlank()) ? List.of() : List.of(scope.trim().split("\\s+"));
	}

}

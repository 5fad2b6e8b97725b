package io.fedlab.support;

import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;

/**
 * Cognito-shaped tokens (emulated-behaviour.md §C4): tweak one claim of
 * {@link #idToken()} or {@link #accessToken()}, then sign it with
 * {@link #oidcIdToken(JWTClaimsSet)} or {@link #oauth2AccessToken(JWTClaimsSet)}. The ID
 * and access tokens are signed with different keys, as Cognito does (§C3).
 */
public final class TestIdTokens {

	public static final String ID_KID = "test-id-kid=";

	public static final String ACCESS_KID = "test-access-kid=";

	public static final String SUB = "5f1c2a7e-0000-4000-8000-000000000001";

	public static final String USERNAME = "auth0_auth0|65f0aa01";

	public static final String AUTO_GROUP = "us-east-1_TestPool1_Auth0";

	private static final RSAKey ID_KEY = generate(ID_KID);

	private static final RSAKey ACCESS_KEY = generate(ACCESS_KID);

	private TestIdTokens() {
	}

	public static JWTClaimsSet.Builder idToken() {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().subject(SUB)
			.claim("cognito:groups", List.of(AUTO_GROUP))
			.claim("email_verified", true)
			.issuer(TestClientRegistrations.ISSUER)
			.claim("cognito:username", USERNAME)
			.claim("nonce", "test-nonce")
			.audience(TestClientRegistrations.CLIENT_ID)
			.claim("identities",
					List.of(Map.of("userId", "auth0|65f0aa01", "providerName", "Auth0", "providerType", "OIDC",
							"primary", "true", "dateCreated", "1700000000000")))
			.claim("token_use", "id")
			.claim("auth_time", now.getEpochSecond())
			.expirationTime(Date.from(now.plusSeconds(3600)))
			.issueTime(Date.from(now))
			.jwtID(UUID.randomUUID().toString())
			.claim("origin_jti", UUID.randomUUID().toString())
			.claim("email", "alice@example.com");
	}

	public static JWTClaimsSet.Builder accessToken() {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().subject(SUB)
			.claim("cognito:groups", List.of(AUTO_GROUP))
			.claim("token_use", "access")
			.claim("scope", "aws.cognito.signin.user.admin openid profile email")
			.claim("auth_time", now.getEpochSecond())
			.issuer(TestClientRegistrations.ISSUER)
			.expirationTime(Date.from(now.plusSeconds(3600)))
			.issueTime(Date.from(now))
			.claim("version", 2)
			.jwtID(UUID.randomUUID().toString())
			.claim("client_id", TestClientRegistrations.CLIENT_ID)
			.claim("username", USERNAME);
	}

	public static JWTClaimsSet.Builder withGroups(JWTClaimsSet.Builder builder, String... groups) {
		return builder.claim("cognito:groups", List.of(groups));
	}

	public static OidcIdToken oidcIdToken(JWTClaimsSet claims) {
		Map<String, Object> converted = new LinkedHashMap<>(claims.toJSONObject());
		for (String time : Set.of("exp", "iat", "auth_time", "nbf")) {
			if (converted.get(time) instanceof Number seconds) {
				converted.put(time, Instant.ofEpochSecond(seconds.longValue()));
			}
		}
		converted.put("aud", claims.getAudience());
		return new OidcIdToken(sign(claims, ID_KEY), claims.getIssueTime().toInstant(),
				claims.getExpirationTime().toInstant(), converted);
	}

	public static OAuth2AccessToken oauth2AccessToken(JWTClaimsSet claims) {
		return new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, sign(claims, ACCESS_KEY),
				claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant(),
				Set.of("openid", "email", "profile", "aws.cognito.signin.user.admin"));
	}

	/**
	 * A JWE-shaped opaque refresh token with Cognito's header (emulated-behaviour.md
	 * §C4.3).
	 */
	public static OAuth2RefreshToken refreshToken() {
		Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
		String header = encoder.encodeToString("{\"cty\":\"JWT\",\"enc\":\"A256GCM\",\"alg\":\"RSA-OAEP\"}".getBytes());
		String value = header + "." + encoder.encodeToString(new byte[256]) + "." + encoder.encodeToString(new byte[12])
				+ "." + encoder.encodeToString(UUID.randomUUID().toString().getBytes()) + "."
				+ encoder.encodeToString(new byte[16]);
		return new OAuth2RefreshToken(value, Instant.now());
	}

	public static RSAKey idTokenKey() {
		return ID_KEY;
	}

	/**
	 * Signs {@code claims} with RS256 and Cognito's header: {@code kid} and {@code alg}.
	 */
	public static String sign(JWTClaimsSet claims, RSAKey key) {
		try {
			// Cognito's header: kid and alg, no typ (emulated-behaviour.md §C3)
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
					claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A new RSA-2048 key with this {@code kid}. */
	public static RSAKey generate(String kid) {
		try {
			return new RSAKeyGenerator(2048).keyID(kid).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

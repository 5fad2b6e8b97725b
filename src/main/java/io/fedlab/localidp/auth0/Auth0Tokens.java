package io.fedlab.localidp.auth0;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;

import io.fedlab.localidp.signing.KeyRing;
import io.fedlab.localidp.signing.Signers;

/**
 * Mints and reads the tenant's tokens (emulated-behaviour.md §A7).
 *
 * <p>
 * ID token: RS256 with header {@code {"alg":"RS256","typ":"JWT","kid":…}}, claims in the
 * order real tokens have them (profile claims, then iss, aud, sub, iat, exp, sid, nonce),
 * lifetime 36000 s, no {@code at_hash}.
 *
 * <p>
 * Access token (no {@code audience}, the Cognito case): a real compact JWE with header
 * {@code {"alg":"dir","enc":"A256GCM","iss":"<issuer>"}} and an empty encrypted-key
 * segment, like Auth0's opaque tokens. It is encrypted with a tenant AES-256 key, so no
 * one else can forge or read it; only {@code /userinfo} decrypts it, and the emulator
 * keeps no per-token state.
 */
final class Auth0Tokens {

	static final long ID_TOKEN_SECONDS = 36000;

	static final long ACCESS_TOKEN_SECONDS = 86400;

	private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private static final Set<String> PROFILE = Set.of("name", "nickname", "picture", "updated_at");

	private final String issuer;

	private final KeyRing signing;

	private final byte[] accessTokenKey;

	Auth0Tokens(String issuer, KeyRing signing, byte[] accessTokenKey) {
		this.issuer = issuer;
		this.signing = signing;
		this.accessTokenKey = accessTokenKey.clone();
	}

	/** The claims a user's profile releases for the granted scopes, in Auth0's order. */
	static Map<String, Object> profileClaims(Auth0User user, Instant updatedAt, List<String> scopes) {
		Map<String, Object> claims = new LinkedHashMap<>();
		if (scopes.contains("profile")) {
			claims.put("nickname", user.nickname());
			claims.put("name", user.name());
			claims.put("picture", picture(user));
			claims.put("updated_at", ISO_MILLIS.format(updatedAt));
		}
		if (scopes.contains("email")) {
			claims.put("email", user.email());
			claims.put("email_verified", user.emailVerified());
		}
		return claims;
	}

	/** The /userinfo body: sub first, then name, nickname, picture, updated_at, email… */
	static Map<String, Object> userInfo(Auth0User user, Instant updatedAt, List<String> scopes) {
		Map<String, Object> profile = profileClaims(user, updatedAt, scopes);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("sub", user.userId());
		for (String name : List.of("name", "nickname", "picture", "updated_at", "email", "email_verified")) {
			if (profile.containsKey(name)) {
				body.put(name, profile.get(name));
			}
		}
		return body;
	}

	String idToken(Auth0User user, Instant updatedAt, String clientId, List<String> scopes, String sid, String nonce,
			Instant authTime, Instant now) {
		Map<String, Object> claims = profileClaims(user, updatedAt, scopes);
		claims.put("iss", this.issuer);
		claims.put("aud", clientId);
		claims.put("sub", user.userId());
		claims.put("iat", now.getEpochSecond());
		claims.put("exp", now.getEpochSecond() + ID_TOKEN_SECONDS);
		if (authTime != null) {
			// Only with prompt=login or max_age (emulated-behaviour.md §A7, [maxage]).
			claims.put("auth_time", authTime.getEpochSecond());
		}
		claims.put("sid", sid);
		if (nonce != null) {
			claims.put("nonce", nonce);
		}
		RSAKey key = this.signing.current();
		try {
			JWSHeader header = JWSHeader.parse(json(ordered("alg", "RS256", "typ", "JWT", "kid", key.getKeyID())));
			JWSObject jws = new JWSObject(header, new Payload(JSONObjectUtils.toJSONString(claims)));
			jws.sign(Signers.of(key));
			return jws.serialize();
		}
		catch (JOSEException | ParseException ex) {
			throw new IllegalStateException("Cannot sign an ID token", ex);
		}
	}

	/**
	 * The claims of an ID token this tenant signed with a key still in its JWKS (expiry
	 * not checked: an {@code id_token_hint} may be expired), or {@code null}.
	 */
	Map<String, Object> readIdToken(String idToken) {
		try {
			JWSObject jws = JWSObject.parse(idToken);
			RSAKey key = this.signing.byKid(jws.getHeader().getKeyID());
			if (key == null || !"RS256".equals(jws.getHeader().getAlgorithm().getName())
					|| !jws.verify(new RSASSAVerifier(key.toRSAPublicKey()))) {
				return null;
			}
			Map<String, Object> claims = jws.getPayload().toJSONObject();
			return (claims != null && this.issuer.equals(claims.get("iss"))) ? claims : null;
		}
		catch (ParseException | JOSEException | RuntimeException ex) {
			return null;
		}
	}

	String accessToken(String userId, String clientId, List<String> scopes, String sid, Instant now) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("sub", userId);
		claims.put("azp", clientId);
		claims.put("scope", String.join(" ", scopes));
		claims.put("sid", sid);
		claims.put("iat", now.getEpochSecond());
		claims.put("exp", now.getEpochSecond() + ACCESS_TOKEN_SECONDS);
		try {
			JWEHeader header = JWEHeader.parse(json(ordered("alg", "dir", "enc", "A256GCM", "iss", this.issuer)));
			JWEObject jwe = new JWEObject(header, new Payload(JSONObjectUtils.toJSONString(claims)));
			jwe.encrypt(new DirectEncrypter(this.accessTokenKey));
			return jwe.serialize();
		}
		catch (JOSEException | ParseException ex) {
			throw new IllegalStateException("Cannot encrypt an access token", ex);
		}
	}

	/** The access token's claims, or {@code null} if it is not one of ours. */
	AccessToken readAccessToken(String token, Instant now) {
		try {
			JWEObject jwe = JWEObject.parse(token);
			JWEHeader header = jwe.getHeader();
			if (!JWEAlgorithm.DIR.equals(header.getAlgorithm())
					|| !EncryptionMethod.A256GCM.equals(header.getEncryptionMethod())
					|| !this.issuer.equals(header.toJSONObject().get("iss"))) {
				return null;
			}
			jwe.decrypt(new DirectDecrypter(this.accessTokenKey));
			Map<String, Object> claims = jwe.getPayload().toJSONObject();
			long exp = JSONObjectUtils.getLong(claims, "exp");
			String scope = JSONObjectUtils.getString(claims, "scope");
			return new AccessToken(JSONObjectUtils.getString(claims, "sub"), JSONObjectUtils.getString(claims, "azp"),
					List.of(scope.isEmpty() ? new String[0] : scope.split(" ")),
					!now.isBefore(Instant.ofEpochSecond(exp)));
		}
		catch (ParseException | JOSEException | RuntimeException ex) {
			return null;
		}
	}

	/** The Gravatar URL Auth0 gives database users (emulated-behaviour.md §A7 sample). */
	static String picture(Auth0User user) {
		String email = user.email().trim().toLowerCase(Locale.ROOT);
		String initials = user.nickname().replaceAll("[^A-Za-z]", "");
		initials = (initials.length() >= 2) ? initials.substring(0, 2).toLowerCase(Locale.ROOT) : "un";
		try {
			String hash = HexFormat.of()
				.formatHex(MessageDigest.getInstance("MD5").digest(email.getBytes(StandardCharsets.UTF_8)));
			return "https://s.gravatar.com/avatar/" + hash + "?s=480&r=pg&d=https%3A%2F%2Fcdn.auth0.com%2Favatars%2F"
					+ initials + ".png";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The AES-256 key of the access tokens, read from {@code auth0-access-token.key} in
	 * {@code dataDir} or generated there (kept in memory when {@code dataDir} is null).
	 */
	static byte[] loadAccessTokenKey(Path dataDir, SecureRandom random) {
		if (dataDir == null) {
			byte[] key = new byte[32];
			random.nextBytes(key);
			return key;
		}
		Path file = dataDir.resolve("auth0-access-token.key");
		try {
			if (Files.isRegularFile(file)) {
				byte[] key = Base64.getDecoder().decode(Files.readString(file).trim());
				if (key.length == 32) {
					return key;
				}
				throw new IllegalStateException("The key file " + file + " does not hold 32 bytes; delete it");
			}
			byte[] key = new byte[32];
			random.nextBytes(key);
			Files.createDirectories(dataDir);
			Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
			Files.writeString(tmp, Base64.getEncoder().encodeToString(key), StandardCharsets.UTF_8);
			try {
				Files.setPosixFilePermissions(tmp,
						Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
			}
			catch (UnsupportedOperationException ex) {
				// Not a POSIX file system: the folder's own permissions apply.
			}
			Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or write the key file " + file, ex);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("The key file " + file + " is not base64; delete it", ex);
		}
	}

	private static Map<String, Object> ordered(String... pairs) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

	/** Base64url of the JSON, so Nimbus keeps this exact header text and member order. */
	private static Base64URL json(Map<String, Object> header) {
		return Base64URL.encode(JSONObjectUtils.toJSONString(header));
	}

	/** A decrypted access token. */
	record AccessToken(String userId, String clientId, List<String> scopes, boolean expired) {
	}

}

package io.fedlab.account;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JOSEObject;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * Decodes a token for display only. Nothing here is a validation: the ID token was
 * verified by Spring at sign-in (signature, {@code iss}, {@code aud}, {@code exp},
 * {@code nonce}); the access token is Cognito's business ({@code GetUser} and userInfo
 * check it). The refresh token is an opaque JWE (emulated-behaviour.md §C4.3): only its
 * header and length are shown.
 */
final class TokenInspector {

	static final Set<String> TIME_CLAIMS = Set.of("exp", "iat", "nbf", "auth_time");

	private TokenInspector() {
	}

	static TokenView inspect(String kind, String value, Instant now, boolean showRaw) {
		String raw = showRaw ? value : null;
		JOSEObject jose;
		try {
			jose = JOSEObject.parse(value);
		}
		catch (ParseException ex) {
			return new TokenView(kind, "opaque", List.of(), List.of(), null, null, value.length(), raw);
		}
		Map<String, Object> header = jose.getHeader().toJSONObject();
		String keyId = (header.get("kid") != null) ? header.get("kid").toString() : null;
		List<TokenView.Row> headerRows = rows(header, now);
		if (jose instanceof JWEObject) {
			return new TokenView(kind, "JWE", headerRows, List.of(), keyId, null, value.length(), raw);
		}
		Map<String, Object> claims = (jose instanceof JWSObject jws) ? jws.getPayload().toJSONObject() : null;
		if (claims == null) {
			claims = Map.of();
		}
		TokenView.Time expiry = time(claims.get("exp"), now);
		return new TokenView(kind, (jose instanceof JWSObject) ? "JWS" : "unsecured", headerRows, rows(claims, now),
				keyId, expiry, value.length(), raw);
	}

	private static List<TokenView.Row> rows(Map<String, Object> members, Instant now) {
		List<TokenView.Row> rows = new ArrayList<>();
		members.forEach((name, value) -> rows
			.add(new TokenView.Row(name, text(value), TIME_CLAIMS.contains(name) ? time(value, now) : null)));
		return rows;
	}

	static String text(Object value) {
		if (value instanceof Map<?, ?> map) {
			return JSONObjectUtils.toJSONString(stringKeys(map));
		}
		if (value instanceof List<?> list) {
			return JSONArrayUtils.toJSONString(list);
		}
		return String.valueOf(value);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, ?> stringKeys(Map<?, ?> map) {
		return (Map<String, ?>) map;
	}

	static TokenView.Time time(Object value, Instant now) {
		Instant instant = instant(value, false);
		return (instant != null) ? time(instant, now) : null;
	}

	static TokenView.Time time(Instant instant, Instant now) {
		Duration distance = Duration.between(now, instant);
		return new TokenView.Time(Durations.time(instant), Durations.compact(distance), distance.isNegative());
	}

	/**
	 * Read epoch seconds (JWT times) or epoch milliseconds
	 * ({@code identities[].dateCreated}), as a number or a string (Cognito sends both
	 * shapes: emulated-behaviour.md §C9 fact 6).
	 */
	static Instant instant(Object value, boolean milliseconds) {
		long epoch;
		if (value instanceof Number number) {
			epoch = number.longValue();
		}
		else if (value instanceof String string && string.matches("\\d{1,16}")) {
			epoch = Long.parseLong(string);
		}
		else {
			return null;
		}
		return milliseconds ? Instant.ofEpochMilli(epoch) : Instant.ofEpochSecond(epoch);
	}

}

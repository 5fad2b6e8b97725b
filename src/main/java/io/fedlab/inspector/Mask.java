package io.fedlab.inspector;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one place that decides how much of a protocol value the flow inspector shows.
 * Authorization codes, tokens, secrets, verifiers, passwords and cookies never appear:
 * only their length (emulated-behaviour.md §R3 item 10; ASVS 16.2.5). Values that
 * identify a flow ({@code state}, {@code nonce}, {@code code_challenge}) appear in part,
 * enough to tell two flows apart. An {@code error_description} is left out, because
 * Cognito copies claim values into it. Everything else (client ids, URLs, scopes) is
 * configuration and shown whole.
 */
final class Mask {

	static final Set<String> SECRET = Set.of("code", "access_token", "id_token", "refresh_token", "token",
			"client_secret", "code_verifier", "password", "authorization", "cookie", "set-cookie", "assertion",
			"client_assertion", "logout_hint", "id_token_hint", "login_hint");

	static final Set<String> PARTIAL = Set.of("state", "nonce", "code_challenge", "sid");

	static final Set<String> DROPPED = Set.of("error_description");

	private static final int SHOWN = 6;

	private Mask() {
	}

	/**
	 * The value as the inspector may show it under this parameter name.
	 * @param name a parameter, header or field name
	 * @param value its value
	 * @return the masked value
	 */
	static String value(String name, String value) {
		if (value == null) {
			return null;
		}
		String key = name.toLowerCase(Locale.ROOT);
		if (SECRET.contains(key)) {
			return secret(value);
		}
		if (PARTIAL.contains(key)) {
			return partial(value);
		}
		if (DROPPED.contains(key)) {
			return "(not shown, " + value.length() + " chars)";
		}
		return value;
	}

	/**
	 * Nothing of the value, only that it was there and how long it was.
	 * @param value the value
	 * @return {@code ••• (n chars)}
	 */
	static String secret(String value) {
		return "••• (" + value.length() + " chars)";
	}

	/**
	 * The first few characters of a flow identifier: a short value shows at most a third
	 * of itself.
	 * @param value the value
	 * @return {@code abcdef… (n chars)}
	 */
	static String partial(String value) {
		int shown = Math.min(SHOWN, value.length() / 3);
		return value.substring(0, shown) + "… (" + value.length() + " chars)";
	}

	/**
	 * The query parameters of a URL, each masked by name, in order.
	 * @param url a URL or path with a query, may be {@code null}
	 * @return parameter name to masked value (the first value of each)
	 */
	static Map<String, String> query(String url) {
		Map<String, String> masked = new LinkedHashMap<>();
		parameters(url).forEach((name, values) -> masked.put(name, value(name, values.get(0))));
		return masked;
	}

	/**
	 * A URL without its query (the query goes through {@link #query(String)}).
	 * @param url the URL
	 * @return scheme, host, port and path
	 */
	static String withoutQuery(String url) {
		if (url == null) {
			return null;
		}
		int question = url.indexOf('?');
		return (question < 0) ? url : url.substring(0, question);
	}

	/**
	 * Decoded query parameters of a URL (raw values: for correlation only, never shown).
	 * @param url a URL or path, may be {@code null}
	 * @return parameter name to values
	 */
	static Map<String, List<String>> parameters(String url) {
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		if (url == null) {
			return parameters;
		}
		String query;
		try {
			query = URI.create(url).getRawQuery();
		}
		catch (IllegalArgumentException ex) {
			int question = url.indexOf('?');
			query = (question < 0) ? null : url.substring(question + 1);
		}
		return form(query);
	}

	/**
	 * Decoded {@code application/x-www-form-urlencoded} pairs.
	 * @param body the encoded form, may be {@code null}
	 * @return name to values
	 */
	static Map<String, List<String>> form(String body) {
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		if (body == null || body.isEmpty()) {
			return parameters;
		}
		for (String pair : body.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = decode((equals < 0) ? pair : pair.substring(0, equals));
			String value = (equals < 0) ? "" : decode(pair.substring(equals + 1));
			parameters.computeIfAbsent(name, (key) -> new java.util.ArrayList<>()).add(value);
		}
		return parameters;
	}

	private static String decode(String value) {
		try {
			return URLDecoder.decode(value, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return value;
		}
	}

}

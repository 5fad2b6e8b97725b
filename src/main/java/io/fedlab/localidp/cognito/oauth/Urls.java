package io.fedlab.localidp.cognito.oauth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Form encoding as Cognito writes it in its redirects: spaces as {@code +}, so
 * {@code attributes required: [email]} becomes {@code attributes+required%3A+%5Bemail%5D}
 * (emulated-behaviour.md §C1.4). Null values are left out.
 */
final class Urls {

	private Urls() {
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	static String form(Map<String, String> params) {
		StringJoiner out = new StringJoiner("&");
		params.forEach((name, value) -> {
			if (value != null) {
				out.add(encode(name) + "=" + encode(value));
			}
		});
		return out.toString();
	}

	/** {@code base} with the parameters added to its query. */
	static String withQuery(String base, Map<String, String> params) {
		String query = form(params);
		if (query.isEmpty()) {
			return base;
		}
		return base + (base.contains("?") ? "&" : "?") + query;
	}

	/** {@code base} with the parameters as its fragment (the implicit flow). */
	static String withFragment(String base, Map<String, String> params) {
		return base + "#" + form(params);
	}

}

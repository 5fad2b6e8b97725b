package io.fedlab.localidp.auth0;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** URL building and matching, and random identifiers. */
final class Urls {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private Urls() {
	}

	/**
	 * Percent-encoding with {@code %20} for spaces, as Auth0 writes
	 * {@code Login%20required}.
	 */
	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/**
	 * Appends query parameters (pairs of name and value; null values skipped) before any
	 * fragment, keeping the URL's own query.
	 */
	static String withParams(String url, String... pairs) {
		int hash = url.indexOf('#');
		String fragment = (hash < 0) ? "" : url.substring(hash);
		StringBuilder out = new StringBuilder((hash < 0) ? url : url.substring(0, hash));
		char separator = (out.indexOf("?") < 0) ? '?' : '&';
		for (int i = 0; i < pairs.length; i += 2) {
			if (pairs[i + 1] == null) {
				continue;
			}
			if (out.charAt(out.length() - 1) != '?' && out.charAt(out.length() - 1) != '&') {
				out.append(separator);
			}
			separator = '&';
			out.append(pairs[i]).append('=').append(encode(pairs[i + 1]));
		}
		return out.append(fragment).toString();
	}

	/**
	 * Whether {@code returnTo} is allowed by {@code allowed} the way {@code /v2/logout}
	 * matches (emulated-behaviour.md §A5): query and fragment ignored on both sides,
	 * scheme and host case-insensitive, path case-sensitive, {@code *.} standing for one
	 * subdomain label.
	 */
	static boolean allowedIgnoringQuery(String returnTo, List<String> allowed) {
		String[] target = split(returnTo);
		if (target == null || !isAbsoluteHttp(returnTo)) {
			return false;
		}
		for (String candidate : allowed) {
			String[] pattern = split(candidate);
			if (pattern == null || !pattern[0].equals(target[0]) || !pattern[2].equals(target[2])) {
				continue;
			}
			if (pattern[1].startsWith("*.")) {
				String suffix = pattern[1].substring(1);
				String label = target[1].endsWith(suffix) ? target[1].substring(0, target[1].length() - suffix.length())
						: "";
				if (label.matches("[a-z0-9-]+")) {
					return true;
				}
			}
			else if (pattern[1].equals(target[1])) {
				return true;
			}
		}
		return false;
	}

	/** scheme, authority (both lowercased) and path ("/" when empty), or null. */
	private static String[] split(String url) {
		if (url == null) {
			return null;
		}
		int cut = url.length();
		for (char c : new char[] { '?', '#' }) {
			int at = url.indexOf(c);
			if (at >= 0 && at < cut) {
				cut = at;
			}
		}
		String bare = url.substring(0, cut);
		int colon = bare.indexOf("://");
		if (colon <= 0) {
			return null;
		}
		String rest = bare.substring(colon + 3);
		int slash = rest.indexOf('/');
		String authority = (slash < 0) ? rest : rest.substring(0, slash);
		String path = (slash < 0) ? "/" : rest.substring(slash);
		return new String[] { bare.substring(0, colon).toLowerCase(Locale.ROOT), authority.toLowerCase(Locale.ROOT),
				path };
	}

	/** An absolute http(s) URL that java.net.URI accepts, with a host. */
	static boolean isAbsoluteHttp(String url) {
		try {
			URI uri = new URI(url);
			return uri.getScheme() != null
					&& (uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
					&& uri.getHost() != null && uri.getRawUserInfo() == null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	/** {@code bytes} random bytes, base64url without padding. */
	static String random(int bytes) {
		byte[] raw = new byte[bytes];
		RANDOM.nextBytes(raw);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
	}

	/** Random letters and digits, like Auth0's {@code sid}. */
	static String alphanumeric(int length) {
		StringBuilder out = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			out.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
		}
		return out.toString();
	}

}

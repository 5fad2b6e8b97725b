package io.fedlab.localidp.cognito.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which callback and sign-out URLs an app client may register (emulated-behaviour.md
 * §C2): 1..1024 characters of the documented pattern, at most 100 each, HTTPS except for
 * {@code http://localhost}, {@code http://127.0.0.1} and {@code http://[::1]} on any
 * port; custom schemes are allowed.
 */
final class UrlRules {

	static final Pattern URL = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");

	private UrlRules() {
	}

	static List<String> check(ApiInput in, String member) {
		List<String> urls = in.strings(member);
		if (urls == null) {
			return List.of();
		}
		if (urls.size() > 100) {
			throw ApiException.validation(member, null, true, "Member must have length less than or equal to 100");
		}
		for (String url : urls) {
			ApiInput.check(member, url, 1, 1024, URL);
			if (!acceptable(url)) {
				// UNVERIFIED wording; the rule itself is documented [api].
				throw ApiException.invalidParameter(member + " must use HTTPS, except for http://localhost, "
						+ "http://127.0.0.1 and http://[::1]: " + url);
			}
		}
		return urls;
	}

	/** HTTPS, a loopback http URL, or a custom scheme (mobile apps). */
	static boolean acceptable(String url) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			return false;
		}
		String scheme = uri.getScheme();
		if (scheme == null) {
			return false;
		}
		if (!scheme.equalsIgnoreCase("http")) {
			return true;
		}
		return isLoopbackHost(uri.getHost());
	}

	/** The three loopback host names Cognito lets use plain http. */
	static boolean isLoopbackHost(String host) {
		if (host == null) {
			return false;
		}
		String h = host.toLowerCase(Locale.ROOT);
		return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]") || h.equals("::1");
	}

}

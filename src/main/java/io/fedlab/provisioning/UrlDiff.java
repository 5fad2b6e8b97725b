package io.fedlab.provisioning;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Names how two URLs differ when Cognito's exact string match (emulated-behaviour.md §C2)
 * tells them apart but a person would not: trailing slash, letter case, scheme, port,
 * loopback host.
 */
final class UrlDiff {

	private UrlDiff() {
	}

	/**
	 * The differences of {@code registered} from {@code expected}, or an empty list when
	 * they are not near matches (different URLs altogether) or are identical.
	 */
	static List<String> differences(String expected, String registered) {
		List<String> differences = new ArrayList<>();
		if (expected.equals(registered) || !normalize(expected).equals(normalize(registered))) {
			return differences;
		}
		URI e = parse(expected);
		URI r = parse(registered);
		if (e == null || r == null) {
			differences.add("differs in letter case or trailing slash");
			return differences;
		}
		if (!eq(e.getScheme(), r.getScheme())) {
			differences.add("scheme " + r.getScheme() + " instead of " + e.getScheme());
		}
		else if (!e.getScheme().equals(r.getScheme())) {
			differences.add("scheme in another letter case");
		}
		if (e.getHost() != null && r.getHost() != null) {
			if (!e.getHost().equalsIgnoreCase(r.getHost())) {
				differences.add("host " + r.getHost() + " instead of " + e.getHost());
			}
			else if (!e.getHost().equals(r.getHost())) {
				differences.add("host in another letter case");
			}
		}
		if (e.getPort() != r.getPort()) {
			differences.add(((r.getPort() == -1) ? "no port" : "port " + r.getPort()) + " instead of "
					+ ((e.getPort() == -1) ? "no port" : "port " + e.getPort()));
		}
		String ep = (e.getRawPath() != null) ? e.getRawPath() : "";
		String rp = (r.getRawPath() != null) ? r.getRawPath() : "";
		if (rp.equals(ep + "/")) {
			differences.add("a trailing slash the app does not send");
		}
		else if (ep.equals(rp + "/")) {
			differences.add("no trailing slash, but the app sends one");
		}
		else if (!ep.equals(rp)) {
			boolean slashDiffers = ep.endsWith("/") != rp.endsWith("/");
			differences.add("path in another letter case" + (slashDiffers ? " and a different trailing slash" : ""));
		}
		if (!eq(e.getRawQuery(), r.getRawQuery())) {
			differences.add("another query string");
		}
		return differences;
	}

	/**
	 * The form two URLs share when they differ only in ways {@link #differences} names.
	 */
	static String normalize(String url) {
		URI uri = parse(url);
		if (uri == null || uri.getHost() == null) {
			return strip(url.toLowerCase(Locale.ROOT));
		}
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		if (host.equals("127.0.0.1") || host.equals("[::1]")) {
			host = "localhost";
		}
		String path = (uri.getRawPath() != null) ? strip(uri.getRawPath().toLowerCase(Locale.ROOT)) : "";
		String query = (uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "";
		return host + path + query.toLowerCase(Locale.ROOT);
	}

	private static String strip(String path) {
		return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
	}

	private static boolean eq(String a, String b) {
		return (a == null) ? b == null : a.equalsIgnoreCase(b);
	}

	private static URI parse(String url) {
		try {
			return new URI(url);
		}
		catch (Exception ex) {
			return null;
		}
	}

}

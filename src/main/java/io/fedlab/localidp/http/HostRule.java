package io.fedlab.localidp.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which {@code Host} and {@code Origin} values an emulator answers: its own configured
 * host name ({@code local.host}) and the loopback names ({@code localhost},
 * {@code 127.0.0.0/8}, {@code [::1]}), with any port. Any other name reaching a loopback
 * server is a DNS-rebinding attempt (a foreign name resolved to 127.0.0.1), refused. Only
 * literal addresses are parsed: nothing is ever looked up.
 */
public final class HostRule {

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+");

	private final String configuredHost;

	public HostRule(String configuredHost) {
		this.configuredHost = (configuredHost != null) ? normalise(configuredHost) : "localhost";
	}

	/** A rule for the loopback names only, plus {@code localhost}. */
	public static HostRule loopback() {
		return new HostRule("localhost");
	}

	/**
	 * Whether a {@code Host} header value names this emulator. A request without one
	 * (HTTP/1.0, such as the compose health checks) is accepted: a browser always sends
	 * one.
	 */
	public boolean acceptsHost(String hostHeader) {
		if (hostHeader == null) {
			return true;
		}
		String name = hostName(hostHeader.trim());
		return name != null && acceptsName(name);
	}

	/**
	 * Whether an {@code Origin} is this emulator's own: the same authority as the
	 * request's {@code Host}, itself accepted. {@code Origin: null} is never.
	 */
	public boolean isSameOrigin(String origin, String hostHeader) {
		if (origin == null || hostHeader == null || !acceptsHost(hostHeader)) {
			return false;
		}
		try {
			URI uri = new URI(origin.trim());
			String scheme = uri.getScheme();
			if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
					|| uri.getRawAuthority() == null) {
				return false;
			}
			return uri.getRawAuthority().equalsIgnoreCase(hostHeader.trim());
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private boolean acceptsName(String name) {
		String host = normalise(name);
		if (host.equals(this.configuredHost) || host.equals("localhost")) {
			return true;
		}
		return isLoopbackLiteral(host);
	}

	static boolean isLoopbackLiteral(String host) {
		String literal = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		boolean ipv4 = IPV4.matcher(literal).matches();
		boolean ipv6 = !ipv4 && literal.indexOf(':') >= 0 && IPV6.matcher(literal).matches();
		if (!ipv4 && !ipv6) {
			return false;
		}
		try {
			// A literal address: getByName parses it and looks nothing up.
			return InetAddress.getByName(ipv6 ? "[" + literal + "]" : literal).isLoopbackAddress();
		}
		catch (UnknownHostException | SecurityException ex) {
			return false;
		}
	}

	/** The host part of {@code host[:port]} or {@code [v6][:port]}; null if malformed. */
	static String hostName(String authority) {
		if (authority.isEmpty()) {
			return null;
		}
		if (authority.startsWith("[")) {
			int close = authority.indexOf(']');
			if (close < 0) {
				return null;
			}
			String rest = authority.substring(close + 1);
			if (!rest.isEmpty() && !validPort(rest)) {
				return null;
			}
			return authority.substring(0, close + 1);
		}
		int colon = authority.indexOf(':');
		if (colon < 0) {
			return authority;
		}
		if (authority.indexOf(':', colon + 1) >= 0 || !validPort(authority.substring(colon))) {
			return null;
		}
		return authority.substring(0, colon);
	}

	private static boolean validPort(String colonAndPort) {
		return colonAndPort.length() > 1 && colonAndPort.length() <= 6 && colonAndPort.charAt(0) == ':'
				&& colonAndPort.substring(1).chars().allMatch(Character::isDigit);
	}

	private static String normalise(String host) {
		String lower = host.toLowerCase(Locale.ROOT);
		return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
	}

}

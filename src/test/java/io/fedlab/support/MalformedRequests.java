package io.fedlab.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates malformed and hostile HTTP requests, deterministically from a seed: broken
 * percent-escapes and raw bytes in paths, queries and form bodies, unknown charsets,
 * repeated, numerous and oversized parameters, odd methods, path tricks, foreign
 * {@code Host} and forwarding headers, garbage cookies and bodies. Each request is one
 * {@link Kind} applied to one of the given paths.
 */
public final class MalformedRequests {

	/** What a request gets wrong. */
	public enum Kind {

		BROKEN_ESCAPE_IN_QUERY, BROKEN_ESCAPE_IN_PATH, RAW_BYTES, REPEATED_PARAMETERS, MANY_PARAMETERS, LONG_VALUE,
		BROKEN_FORM_BODY, UNKNOWN_CHARSET, HUGE_FORM_BODY, HOSTILE_HEADERS, ODD_METHOD, PATH_TRICK, CALLBACK_GARBAGE,
		GARBAGE_BODY

	}

	/** One request: what it gets wrong, its head (request line and headers), its body. */
	public record Request(Kind kind, String label, byte[] head, byte[] body) {

		/**
		 * The bytes to send: the head, {@code Connection: close}, the length, the body.
		 */
		public byte[] bytes() {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			bytes.writeBytes(this.head);
			bytes.writeBytes(ascii("\r\nConnection: close\r\n"));
			if (this.body != null) {
				bytes.writeBytes(ascii("Content-Length: " + this.body.length + "\r\n"));
			}
			bytes.writeBytes(ascii("\r\n"));
			if (this.body != null) {
				bytes.writeBytes(this.body);
			}
			return bytes.toByteArray();
		}

	}

	private static final String[] BROKEN_ESCAPES = { "%", "%z", "%zz", "%%", "%u00e9", "%C3%28", "%C0%AF", "%00", "%G0",
			"%e9", "%FF%FE", "%2", "%%32%30" };

	private static final String[] CHARSETS = { "nope", "utf-16", "UTF-32BE", "\"\"", "x-unknown-1", "ISO-2022-KR",
			"utf-8;charset=nope", "*" };

	private static final String[] PATH_TRICKS = { "//signin", "/signin/..;/profile", "/./profile", "/%2e%2e/profile",
			"/signin;jsessionid=0123", "/css/../../etc/passwd", "/flow.json/", "/oauth2/authorization/unknown",
			"/oauth2/authorization/cognito/extra", "/login/oauth2/code/other", "/oauth2/authorization/",
			"/oauth2/authorization/%2e%2e", "/error", "/error/", "/ERROR", "/profile%2Frefresh", "/admin%00",
			"/%252e%252e/", "/setup?%", "/signin/failed?problem=" + "x".repeat(300), "/signin/failed?problem=%",
			"/logged-out/..", "/favicon.ico/..;/admin", "/\\\\evil.example/" };

	private static final String[] METHODS = { "GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE",
			"FOO", "get", "PROPFIND" };

	private final Random random;

	private final String host;

	private final List<String> paths;

	private final String sessionCookie;

	/**
	 * @param seed the seed; the same seed gives the same requests
	 * @param host the {@code Host} header of a well-formed request
	 * @param paths the app's endpoints
	 * @param sessionCookie a signed-in session's {@code Cookie} header value, sent with
	 * some requests, or {@code null}
	 */
	public MalformedRequests(long seed, String host, List<String> paths, String sessionCookie) {
		this.random = new Random(seed);
		this.host = host;
		this.paths = List.copyOf(paths);
		this.sessionCookie = sessionCookie;
	}

	/** The next {@code count} requests, every kind in turn. */
	public List<Request> next(int count) {
		List<Request> requests = new ArrayList<>();
		Kind[] kinds = Kind.values();
		for (int i = 0; i < count; i++) {
			requests.add(request(kinds[i % kinds.length]));
		}
		return requests;
	}

	private Request request(Kind kind) {
		String path = pick(this.paths);
		String method = this.random.nextBoolean() ? "GET" : "POST";
		List<String> headers = new ArrayList<>();
		headers.add("Host: " + this.host);
		if (this.sessionCookie != null && this.random.nextInt(3) == 0) {
			headers.add("Cookie: " + this.sessionCookie);
		}
		byte[] body = null;
		byte[] target;
		switch (kind) {
			case BROKEN_ESCAPE_IN_QUERY ->
				target = ascii(path + "?" + pick("a", "state", "code", "restart", "error", "_csrf", "problem", "x%", "")
						+ "=" + word() + pick(BROKEN_ESCAPES) + word());
			case BROKEN_ESCAPE_IN_PATH -> target = ascii(path + pick(BROKEN_ESCAPES) + word());
			case RAW_BYTES -> target = rawBytes(path);
			case REPEATED_PARAMETERS -> {
				StringBuilder query = new StringBuilder();
				for (int i = 0, n = 2 + this.random.nextInt(20); i < n; i++) {
					query.append(i == 0 ? '?' : '&')
						.append(pick("state", "code", "error", "error_description", "restart", "problem", "_csrf"))
						.append('=')
						.append(word());
				}
				target = ascii(path + query);
			}
			case MANY_PARAMETERS -> {
				StringBuilder form = new StringBuilder();
				for (int i = 0, n = 900 + this.random.nextInt(3000); i < n; i++) {
					form.append(i == 0 ? "" : "&").append('p').append(i).append('=').append(i);
				}
				method = "POST";
				headers.add("Content-Type: application/x-www-form-urlencoded");
				body = ascii(form.toString());
				target = ascii(path);
			}
			case LONG_VALUE -> target = ascii(path + "?state=" + "s".repeat(1000 + this.random.nextInt(20_000)));
			case BROKEN_FORM_BODY -> {
				method = "POST";
				headers.add("Content-Type: application/x-www-form-urlencoded");
				body = ascii(pick("_csrf", "a", "token", "%") + "=" + word() + pick(BROKEN_ESCAPES) + "&b=" + word());
				target = ascii(path);
			}
			case UNKNOWN_CHARSET -> {
				method = "POST";
				headers.add("Content-Type: application/x-www-form-urlencoded; charset=" + pick(CHARSETS));
				body = ascii("a=" + word() + "&_csrf=" + word());
				target = ascii(path + (this.random.nextBoolean() ? "?q=%C3%A9" : ""));
			}
			case HUGE_FORM_BODY -> {
				method = "POST";
				headers.add("Content-Type: application/x-www-form-urlencoded");
				body = ascii("a=" + "x".repeat(2_100_000 + this.random.nextInt(500_000)));
				target = ascii(path);
			}
			case HOSTILE_HEADERS -> {
				headers.set(0, pick("Host: evil.example", "Host: evil.example:8080", "Host: ", "Host: a b",
						"Host: localhost:99999", "Host: [::1", "Host: " + this.host + "\r\nHost: evil.example"));
				headers.add(pick("X-Forwarded-Host: evil.example", "X-Forwarded-Proto: gopher", "X-Forwarded-For: %",
						"Cookie: FEDLAB_SESSION=" + word() + ";;;=;", "Cookie: =\u0001", "Accept-Language: %zz;q=x",
						"Content-Type: %", "Range: bytes=z-", "If-Modified-Since: yesterday", "Accept: */*;q=nope",
						"Origin: https://evil.example", "Referer: javascript:alert(1)", "Transfer-Encoding: gzip"));
				target = ascii(path);
			}
			case ODD_METHOD -> {
				method = pick(METHODS);
				target = ascii(path);
			}
			case PATH_TRICK -> target = ascii(pick(PATH_TRICKS));
			case CALLBACK_GARBAGE -> {
				String callback = pick("/login/oauth2/code/cognito", "/oauth2/authorization/cognito", "/signin/failed");
				target = ascii(callback + "?" + pick("code=" + word(), "code=", "") + "&"
						+ pick("state=" + word(), "state=restart-" + word(), "state=", "") + "&"
						+ pick("error=" + word(), "error=access_denied&error_description=" + word(), "",
								"error_description=" + "d".repeat(5000)));
			}
			case GARBAGE_BODY -> {
				method = pick("POST", "PUT", "PATCH", "DELETE");
				headers.add("Content-Type: " + pick("application/json", "application/xml", "text/plain",
						"multipart/form-data", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded"));
				byte[] bytes = new byte[this.random.nextInt(4096)];
				this.random.nextBytes(bytes);
				body = bytes;
				target = ascii(path);
			}
			default -> throw new IllegalStateException(kind.name());
		}
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		head.writeBytes(ascii(method + " "));
		head.writeBytes(target);
		head.writeBytes(ascii(" HTTP/1.1"));
		for (String header : headers) {
			head.writeBytes(("\r\n" + header).getBytes(StandardCharsets.UTF_8));
		}
		String label = kind + " " + method + " " + new String(target, StandardCharsets.ISO_8859_1);
		return new Request(kind, (label.length() > 160) ? label.substring(0, 160) + "…" : label, head.toByteArray(),
				body);
	}

	private byte[] rawBytes(String path) {
		ByteArrayOutputStream target = new ByteArrayOutputStream();
		target.writeBytes(ascii(path + (this.random.nextBoolean() ? "?a=" : "/")));
		for (int i = 0, n = 1 + this.random.nextInt(6); i < n; i++) {
			int choice = this.random.nextInt(4);
			// high bytes, invalid UTF-8, control characters, characters a URI may not
			// hold
			target.write(switch (choice) {
				case 0 -> 0x80 + this.random.nextInt(0x80);
				// not CR or LF: they end the request line, which makes another request
				case 1 -> "\u0001\u0007\t\u000b\u001b\u007f".charAt(this.random.nextInt(6));
				case 2 -> "{}|\\^`\"<>".charAt(this.random.nextInt(9));
				default -> 0xC3;
			});
		}
		return target.toByteArray();
	}

	private String word() {
		StringBuilder word = new StringBuilder();
		for (int i = 0, n = this.random.nextInt(12); i < n; i++) {
			word.append((char) ('a' + this.random.nextInt(26)));
		}
		return word.toString();
	}

	@SafeVarargs
	private <T> T pick(T... values) {
		return values[this.random.nextInt(values.length)];
	}

	private <T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	private static byte[] ascii(String value) {
		return value.getBytes(StandardCharsets.ISO_8859_1);
	}

}

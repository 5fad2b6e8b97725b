package io.fedlab.localidp.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Cookie;
import com.github.tomakehurst.wiremock.http.Request;

/**
 * One request to an emulator, with its query and form parameters decoded once. A
 * parameter given twice is refused, as OAuth 2.0 requires (RFC 6749 §3.1).
 */
public final class Exchange {

	/**
	 * Bodies larger than this (64 KiB) are refused, before they are read whole, by the
	 * emulator's {@link FrontDoor}, and again here.
	 */
	public static final int MAX_BODY_BYTES = 64 * 1024;

	private final Request request;

	private final String path;

	private final Map<String, String> query;

	private final Map<String, String> form;

	private Exchange(Request request) {
		this.request = request;
		String url = request.getUrl();
		int q = url.indexOf('?');
		this.path = (q < 0) ? url : url.substring(0, q);
		this.query = parse((q < 0) ? "" : url.substring(q + 1));
		this.form = isForm(request) ? parse(bodyOf(request)) : Map.of();
	}

	public static Exchange of(Request request) {
		return new Exchange(request);
	}

	public Request request() {
		return this.request;
	}

	public String method() {
		return this.request.getMethod().getName();
	}

	public String path() {
		return this.path;
	}

	/** The query parameter, or {@code null}. */
	public String query(String name) {
		return this.query.get(name);
	}

	public Map<String, String> queryParams() {
		return this.query;
	}

	/** The form-body parameter, or {@code null}. */
	public String form(String name) {
		return this.form.get(name);
	}

	public Map<String, String> formParams() {
		return this.form;
	}

	/** The header value, or {@code null}. */
	public String header(String name) {
		return this.request.containsHeader(name) ? this.request.getHeader(name) : null;
	}

	/** The cookie value, or {@code null}. */
	public String cookie(String name) {
		Map<String, Cookie> cookies = this.request.getCookies();
		Cookie cookie = (cookies != null) ? cookies.get(name) : null;
		return (cookie == null || cookie.isAbsent()) ? null : cookie.firstValue();
	}

	public String body() {
		return bodyOf(this.request);
	}

	/**
	 * The origin the client used to reach this emulator, such as
	 * {@code http://localhost:9230}.
	 */
	public String origin() {
		String absolute = this.request.getAbsoluteUrl();
		int slash = absolute.indexOf('/', absolute.indexOf("://") + 3);
		return (slash < 0) ? absolute : absolute.substring(0, slash);
	}

	private static boolean isForm(Request request) {
		String type = request.containsHeader("Content-Type") ? request.getHeader("Content-Type") : "";
		return type.toLowerCase().startsWith("application/x-www-form-urlencoded");
	}

	private static String bodyOf(Request request) {
		byte[] body = request.getBody();
		if (body == null) {
			return "";
		}
		if (body.length > MAX_BODY_BYTES) {
			throw MalformedRequest.tooLarge(MAX_BODY_BYTES);
		}
		return new String(body, StandardCharsets.UTF_8);
	}

	private static Map<String, String> parse(String encoded) {
		if (encoded == null || encoded.isEmpty()) {
			return Map.of();
		}
		Map<String, String> params = new LinkedHashMap<>();
		for (String pair : encoded.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String name = decode((eq < 0) ? pair : pair.substring(0, eq));
			String value = (eq < 0) ? "" : decode(pair.substring(eq + 1));
			if (params.containsKey(name)) {
				throw new MalformedRequest("A parameter is given more than once");
			}
			params.put(name, value);
		}
		return Collections.unmodifiableMap(params);
	}

	private static String decode(String value) {
		try {
			return URLDecoder.decode(value, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new MalformedRequest("Malformed percent-encoding");
		}
	}

}

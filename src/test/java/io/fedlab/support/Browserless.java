package io.fedlab.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser: {@link HttpClient} with a cookie jar, redirects followed
 * hop by hop (each hop recorded), and HTML forms filled and submitted. Cookies ignore
 * ports, as in a browser, so the app's and the emulators' cookies share one jar on
 * {@code localhost}.
 */
public final class Browserless {

	private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>",
			Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

	private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", Pattern.CASE_INSENSITIVE);

	private static final Pattern ATTR = Pattern.compile("([a-zA-Z_:-]+)\\s*=\\s*(\"([^\"]*)\"|'([^']*)')");

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient http;

	private final List<Hop> hops = new ArrayList<>();

	public Browserless() {
		this.http = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	/** One response on the way: method, URL, status and Location. */
	public record Hop(String method, URI uri, int status, String location) {

		/** The absolute URL this hop redirects to, or {@code null}. */
		public URI next() {
			return (this.location != null) ? this.uri.resolve(this.location) : null;
		}

	}

	/** The final page after following redirects, with every hop taken to reach it. */
	public record Page(URI uri, int status, String body, List<Hop> hops, HttpResponse<String> response) {

		public String header(String name) {
			return this.response.headers().firstValue(name).orElse(null);
		}

		public boolean passedThrough(String urlPrefix) {
			return this.hops.stream().anyMatch((h) -> h.uri().toString().startsWith(urlPrefix));
		}

		/** The first hop whose URL starts with {@code urlPrefix}. */
		public Hop hop(String urlPrefix) {
			return this.hops.stream()
				.filter((h) -> h.uri().toString().startsWith(urlPrefix))
				.findFirst()
				.orElseThrow(() -> new AssertionError("No hop to " + urlPrefix + " in " + this.hops));
		}

		/** The text of the element with this {@code id} (no nested tags), unescaped. */
		public String textOf(String id) {
			Matcher m = Pattern.compile("\\sid=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(this.body);
			if (!m.find()) {
				throw new AssertionError("No element with id " + id + " on " + this.uri);
			}
			return unescape(m.group(1)).trim();
		}

	}

	/** GET without following redirects. */
	public HttpResponse<String> getOnce(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).GET(), "GET");
	}

	/** GET, then follow every redirect. */
	public Page get(String url) {
		return follow(getOnce(url));
	}

	/** POST a form, then follow every redirect. */
	public Page post(String url, Map<String, String> form) {
		return follow(postOnce(url, form));
	}

	public HttpResponse<String> postOnce(String url, Map<String, String> form) {
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(encode(form))), "POST");
	}

	/** Follows redirects from a response, at most 25 hops. */
	public Page follow(HttpResponse<String> response) {
		return followUntil(response, null);
	}

	/**
	 * Follows redirects, but stops at (and returns) the response whose {@code Location}
	 * starts with {@code stopPrefix}: for a client that is not a web server, the redirect
	 * to its callback is where the flow ends.
	 */
	public Page followUntil(HttpResponse<String> response, String stopPrefix) {
		List<Hop> path = new ArrayList<>();
		HttpResponse<String> current = response;
		for (int i = 0; i < 25; i++) {
			String location = current.headers().firstValue("Location").orElse(null);
			path.add(new Hop(current.request().method(), current.uri(), current.statusCode(), location));
			if (current.statusCode() / 100 != 3 || location == null
					|| (stopPrefix != null && current.uri().resolve(location).toString().startsWith(stopPrefix))) {
				return new Page(current.uri(), current.statusCode(), current.body(), List.copyOf(path), current);
			}
			current = getOnce(current.uri().resolve(location).toString());
		}
		throw new IllegalStateException("Too many redirects: " + path);
	}

	/**
	 * Submits the first form of {@code page} whose action contains {@code actionPart}:
	 * its hidden and pre-filled inputs, overridden by {@code values}.
	 */
	public Page submit(Page page, String actionPart, Map<String, String> values) {
		Matcher form = FORM.matcher(page.body());
		while (form.find()) {
			Map<String, String> attrs = attributes(form.group(1));
			String action = attrs.getOrDefault("action", "");
			if (!action.contains(actionPart)) {
				continue;
			}
			Map<String, String> fields = new LinkedHashMap<>();
			Matcher input = INPUT.matcher(form.group(2));
			while (input.find()) {
				Map<String, String> in = attributes(input.group(1));
				if (in.containsKey("name")) {
					fields.put(in.get("name"), in.getOrDefault("value", ""));
				}
			}
			fields.putAll(values);
			String method = attrs.getOrDefault("method", "get").toLowerCase();
			String target = page.uri().resolve(unescape(action)).toString();
			if (method.equals("post")) {
				return post(target, fields);
			}
			return get(target + (target.contains("?") ? "&" : "?") + encode(fields));
		}
		throw new AssertionError("No form with action containing '" + actionPart + "' on " + page.uri());
	}

	/** The input names of the first form whose action contains {@code actionPart}. */
	public static List<String> inputNames(Page page, String actionPart) {
		Matcher form = FORM.matcher(page.body());
		while (form.find()) {
			if (attributes(form.group(1)).getOrDefault("action", "").contains(actionPart)) {
				List<String> names = new ArrayList<>();
				Matcher input = INPUT.matcher(form.group(2));
				while (input.find()) {
					String name = attributes(input.group(1)).get("name");
					if (name != null) {
						names.add(name);
					}
				}
				return names;
			}
		}
		return List.of();
	}

	/** The cookies the jar holds now. */
	public List<HttpCookie> cookies() {
		return this.cookies.getCookieStore().getCookies();
	}

	public void clearCookie(String name) {
		this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((c) -> c.getName().equals(name))
			.toList()
			.forEach((c) -> this.cookies.getCookieStore()
				.getURIs()
				.forEach((u) -> this.cookies.getCookieStore().remove(u, c)));
	}

	/** Every hop taken by this client, in order. */
	public List<Hop> hops() {
		return List.copyOf(this.hops);
	}

	private HttpResponse<String> send(HttpRequest.Builder request, String method) {
		try {
			HttpResponse<String> response = this.http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			this.hops.add(new Hop(method, response.uri(), response.statusCode(),
					response.headers().firstValue("Location").orElse(null)));
			return response;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The query parameters of a URL, decoded, first value of each name. */
	public static Map<String, String> queryParams(URI uri) {
		Map<String, String> params = new LinkedHashMap<>();
		String query = uri.getRawQuery();
		if (query == null || query.isEmpty()) {
			return params;
		}
		for (String pair : query.split("&")) {
			int eq = pair.indexOf('=');
			String name = URLDecoder.decode((eq < 0) ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			String value = (eq < 0) ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			params.putIfAbsent(name, value);
		}
		return params;
	}

	public static String encode(Map<String, String> form) {
		return form.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	/** The attributes of an HTML start tag, names lower-cased, values unescaped. */
	public static Map<String, String> attributes(String tag) {
		Map<String, String> attrs = new LinkedHashMap<>();
		Matcher m = ATTR.matcher(tag);
		while (m.find()) {
			attrs.put(m.group(1).toLowerCase(), unescape((m.group(3) != null) ? m.group(3) : m.group(4)));
		}
		return attrs;
	}

	/** Undoes the HTML escaping Thymeleaf and the emulators apply to attribute values. */
	public static String unescape(String html) {
		return html.replace("&amp;", "&")
			.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&lt;", "<")
			.replace("&gt;", ">");
	}

}

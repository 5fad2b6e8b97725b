package io.fedlab.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.fedlab.support.Browserless;

/**
 * A lean browser for load: one shared {@link HttpClient} (HTTP/1.1, pooled connections)
 * and, per signed-in person, a {@link Session} with its own cookie jar. Cookies ignore
 * ports, as in a browser, so the app's and the emulators' cookies share one jar on
 * {@code localhost}; their names differ (docs/design.md "Cookies").
 */
final class BenchBrowser {

	private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>",
			Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

	private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", Pattern.CASE_INSENSITIVE);

	private static final Pattern CODE = Pattern.compile("(?:^|&)code=([^&]+)");

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String app;

	BenchBrowser(String app) {
		this.app = app;
	}

	Session session() {
		return new Session();
	}

	/** A final page: where the redirects ended and what it said. */
	record Page(URI uri, int status, String body) {
	}

	/** One browser profile: a cookie jar. */
	final class Session {

		private final Map<String, String> cookies = new LinkedHashMap<>();

		/** A redirect target not to follow, while one is set. */
		private String stopAt;

		/**
		 * The full round-trip: home, {@code /oauth2/authorization/cognito}, hosted UI,
		 * Auth0's login form posted, {@code /oauth2/idpresponse}, the app's callback, the
		 * profile page. Returns the profile page.
		 */
		Page signIn(String email, String password) {
			expect(follow(get(BenchBrowser.this.app + "/")), "/", "home");
			Page login = follow(get(BenchBrowser.this.app + "/oauth2/authorization/cognito"));
			if (login.status() != 200 || !login.uri().getPath().equals("/u/login")) {
				throw new IllegalStateException(
						"Expected Auth0's login page, got " + login.status() + " " + login.uri());
			}
			Page profile = submit(login, "/u/login", Map.of("username", email, "password", password));
			if (!profile.uri().getPath().equals("/profile")) {
				// After the callback the app sends the browser to its saved page or home.
				profile = follow(get(BenchBrowser.this.app + "/profile"));
			}
			return expect(profile, "/profile", "profile");
		}

		/**
		 * The authorization code for {@code redirectUri}: the authorize URL followed to
		 * Auth0's login form, the form posted, the redirects followed until one goes to
		 * {@code redirectUri} (not followed).
		 */
		String authorizationCode(String authorizeUrl, String email, String password, String redirectUri) {
			Page login = follow(get(authorizeUrl));
			if (login.status() != 200 || !login.uri().getPath().equals("/u/login")) {
				throw new IllegalStateException(
						"Expected Auth0's login page, got " + login.status() + " " + login.uri());
			}
			this.stopAt = redirectUri;
			try {
				Page callback = submit(login, "/u/login", Map.of("username", email, "password", password));
				Matcher code = CODE.matcher(callback.uri().getRawQuery() == null ? "" : callback.uri().getRawQuery());
				if (!callback.uri().toString().startsWith(redirectUri) || !code.find()) {
					throw new IllegalStateException("Expected a code for " + redirectUri + ", got " + callback.uri());
				}
				return code.group(1);
			}
			finally {
				this.stopAt = null;
			}
		}

		/** The profile page of a signed-in session, no redirects expected. */
		int profile() {
			return send(HttpRequest.newBuilder(URI.create(BenchBrowser.this.app + "/profile")).GET()).statusCode();
		}

		/**
		 * The logout chain: the profile page's logout form posted with its CSRF token,
		 * then Auth0's {@code /v2/logout} and Cognito's {@code /logout} back to the app.
		 */
		Page logOut(Page profile) {
			Page out = submit(profile, "/logout", Map.of());
			if (out.status() != 200) {
				throw new IllegalStateException("Logout ended at " + out.status() + " " + out.uri());
			}
			this.cookies.clear();
			return out;
		}

		private Page expect(Page page, String path, String what) {
			if (page.status() != 200 || !page.uri().getPath().equals(path)) {
				throw new IllegalStateException(
						"Expected the " + what + " page, got " + page.status() + " " + page.uri());
			}
			return page;
		}

		private HttpResponse<String> get(String url) {
			return send(HttpRequest.newBuilder(URI.create(url)).GET());
		}

		private Page follow(HttpResponse<String> response) {
			HttpResponse<String> current = response;
			for (int i = 0; i < 20; i++) {
				String location = current.headers().firstValue("Location").orElse(null);
				if (current.statusCode() / 100 != 3 || location == null) {
					return new Page(current.uri(), current.statusCode(), current.body());
				}
				URI next = current.uri().resolve(location);
				if (this.stopAt != null && next.toString().startsWith(this.stopAt)) {
					return new Page(next, current.statusCode(), "");
				}
				current = get(current.uri().resolve(location).toString());
			}
			throw new IllegalStateException("Too many redirects from " + response.uri());
		}

		private Page submit(Page page, String actionPart, Map<String, String> values) {
			Matcher form = FORM.matcher(page.body());
			while (form.find()) {
				Map<String, String> attrs = Browserless.attributes(form.group(1));
				String action = attrs.getOrDefault("action", "");
				if (!action.contains(actionPart)) {
					continue;
				}
				Map<String, String> fields = new LinkedHashMap<>();
				Matcher input = INPUT.matcher(form.group(2));
				while (input.find()) {
					Map<String, String> in = Browserless.attributes(input.group(1));
					if (in.containsKey("name")) {
						fields.put(in.get("name"), in.getOrDefault("value", ""));
					}
				}
				fields.putAll(values);
				URI target = page.uri().resolve(action);
				return follow(send(HttpRequest.newBuilder(target)
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(Browserless.encode(fields)))));
			}
			throw new IllegalStateException("No form with action containing '" + actionPart + "' on " + page.uri());
		}

		private HttpResponse<String> send(HttpRequest.Builder request) {
			if (!this.cookies.isEmpty()) {
				request.header("Cookie",
						this.cookies.entrySet()
							.stream()
							.map((c) -> c.getKey() + "=" + c.getValue())
							.collect(Collectors.joining("; ")));
			}
			try {
				HttpResponse<String> response = BenchBrowser.this.http.send(
						request.timeout(Duration.ofSeconds(60)).build(),
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				store(response.headers().allValues("Set-Cookie"));
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

		/** Keeps name=value; a cookie set empty, expired or with Max-Age=0 is dropped. */
		private void store(List<String> setCookies) {
			for (String header : setCookies) {
				String[] parts = header.split(";");
				int eq = parts[0].indexOf('=');
				if (eq <= 0) {
					continue;
				}
				String name = parts[0].substring(0, eq).trim();
				String value = parts[0].substring(eq + 1).trim();
				boolean expired = value.isEmpty();
				for (int i = 1; i < parts.length; i++) {
					String attr = parts[i].trim().toLowerCase();
					if (attr.equals("max-age=0") || attr.startsWith("expires=thu, 01 jan 1970")
							|| attr.startsWith("expires=thu, 01-jan-1970")) {
						expired = true;
					}
				}
				if (expired) {
					this.cookies.remove(name);
				}
				else {
					this.cookies.put(name, value);
				}
			}
		}

	}

}

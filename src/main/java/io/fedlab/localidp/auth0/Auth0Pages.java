package io.fedlab.localidp.auth0;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;

import io.fedlab.localidp.http.Html;
import io.fedlab.localidp.http.Responses;

/**
 * The tenant's HTML pages: Universal Login, the "Oops!" error page (emulated-behaviour.md
 * §A2) and the RP-initiated logout confirmation (emulated-behaviour.md §A6). Every
 * interpolated value is escaped.
 */
final class Auth0Pages {

	/** Universal Login's default primary colour. */
	static final String ACCENT = "#635dff";

	/**
	 * No {@code form-action}: browsers check it against the redirect that follows a form
	 * POST, and the login form's answer is a redirect to the application's callback.
	 */
	private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

	private static final SecureRandom RANDOM = new SecureRandom();

	private Auth0Pages() {
	}

	/**
	 * Auth0's error page: "Oops!, something went wrong", the error code and description,
	 * and a tracking id.
	 */
	static ResponseDefinition error(int status, String error, String description, List<String> setCookies) {
		byte[] tracking = new byte[10];
		RANDOM.nextBytes(tracking);
		String body = """
				<h1>Oops!, something went wrong</h1>
				<p class="error"><code>%s</code>: %s</p>
				<p class="note">TRACKING ID: %s</p>
				""".formatted(Html.escape(error), Html.escape(description), HexFormat.of().formatHex(tracking));
		return page(status, "Error", body, setCookies);
	}

	static ResponseDefinition error(int status, String error, String description) {
		return error(status, error, description, List.of());
	}

	static ResponseDefinition login(int status, String tenant, String appName, String txId, String username,
			String errorMessage, List<Auth0User> users) {
		StringBuilder note = new StringBuilder();
		for (Auth0User user : users) {
			note.append("<li><code>")
				.append(Html.escape(user.email()))
				.append("</code> / <code>")
				.append(Html.escape(user.password()))
				.append("</code></li>");
		}
		String error = (errorMessage != null)
				? "<p class=\"error\" id=\"error-element-password\">" + Html.escape(errorMessage) + "</p>" : "";
		String body = """
				<h1>Welcome</h1>
				<p>Log in to %s to continue to %s.</p>
				%s
				<form method="post" action="/u/login">
				<input type="hidden" name="state" value="%s">
				<label for="username">Email address</label>
				<input type="email" id="username" name="username" value="%s" autocomplete="username" required autofocus>
				<label for="password">Password</label>
				<input type="password" id="password" name="password" autocomplete="current-password" required>
				<button type="submit" name="action" value="default">Continue</button>
				</form>
				<div class="note"><strong>Local test users</strong><ul>%s</ul></div>
				""".formatted(Html.escape(tenant), Html.escape(appName), error, Html.escape(txId),
				Html.escape(username), note);
		return page(status, "Log in | " + tenant, body, List.of());
	}

	/** The consent prompt of /oidc/logout without hints: a POST form that confirms. */
	static ResponseDefinition logoutConfirmation(String tenant, Map<String, String> params) {
		StringBuilder hidden = new StringBuilder();
		params.forEach((name, value) -> hidden.append("<input type=\"hidden\" name=\"")
			.append(Html.escape(name))
			.append("\" value=\"")
			.append(Html.escape(value))
			.append("\">"));
		String body = """
				<h1>Log out</h1>
				<p>Are you sure you want to log out of %s?</p>
				<form method="post" action="/oidc/logout">%s
				<input type="hidden" name="confirm" value="yes">
				<button type="submit">Yes, log me out</button>
				</form>
				""".formatted(Html.escape(tenant), hidden);
		return page(200, "Log out | " + tenant, body, List.of());
	}

	static ResponseDefinition loggedOut(List<String> setCookies) {
		return page(200, "Logged out", "<h1>Logout successful</h1><p>You have been logged out.</p>", setCookies);
	}

	private static ResponseDefinition page(int status, String title, String body, List<String> setCookies) {
		Responses.Builder builder = Responses.status(status).header("Content-Security-Policy", CSP);
		setCookies.forEach((cookie) -> builder.header("Set-Cookie", cookie));
		return builder.html(Html.page(title, ACCENT, body)).build();
	}

}

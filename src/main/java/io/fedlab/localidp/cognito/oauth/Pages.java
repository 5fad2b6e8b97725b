package io.fedlab.localidp.cognito.oauth;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;

import io.fedlab.localidp.http.Html;
import io.fedlab.localidp.http.Responses;

/**
 * The hosted UI's pages. Every interpolated value is escaped; no page has script.
 */
final class Pages {

	/** Cognito's classic hosted-UI orange. */
	static final String ACCENT = "#ec7211";

	private Pages() {
	}

	/**
	 * {@code /error}: "An error was encountered with the requested page."
	 * (emulated-behaviour.md §C1.2; 400 text/html is the emulator choice).
	 */
	static ResponseDefinition error(String code) {
		String body = "<h1>An error was encountered with the requested page.</h1>"
				+ ((code != null && !code.isEmpty()) ? "<p class=\"error\">" + Html.escape(code) + "</p>" : "");
		return Responses.html(400, Html.page("Error", ACCENT, body));
	}

	/**
	 * Unknown, disabled or wrong-case {@code identity_provider} (emulated-behaviour.md
	 * §C7.10).
	 */
	static ResponseDefinition loginOptionNotAvailable() {
		return Responses.html(400, Html.page("Signin", ACCENT,
				"<h1>Sign in</h1><p class=\"error\">Login option is not available. Please try another one</p>"));
	}

	/**
	 * A federation transaction that is unknown or older than 5 minutes
	 * (emulated-behaviour.md §C1.3).
	 */
	static ResponseDefinition somethingWentWrong() {
		return Responses.html(400, Html.page("Error", ACCENT,
				"<h1>Something went wrong</h1><p class=\"error\">An error was encountered with the requested page.</p>"
						+ "<p class=\"note\">The sign-in took too long or was already completed. Start again from the application.</p>"));
	}

	static ResponseDefinition noSuchDomain(String prefix) {
		return Responses.html(404, Html.page("Not found", ACCENT,
				"<h1>Not found</h1><p>No user pool has the domain <code>" + Html.escape(prefix) + "</code>.</p>"));
	}

	/**
	 * {@code /login}: one button per identity provider of the client, each a link back to
	 * {@code /oauth2/authorize} with {@code identity_provider} (emulated-behaviour.md
	 * §C1.5).
	 */
	static ResponseDefinition login(List<String> providers, Map<String, String> params, boolean cognitoListed) {
		StringBuilder body = new StringBuilder("<h1>Sign in</h1>");
		if (!providers.isEmpty()) {
			body.append("<p>Sign in with your corporate ID</p>");
		}
		for (String provider : providers) {
			Map<String, String> query = new java.util.LinkedHashMap<>(params);
			query.remove("identity_provider");
			query.remove("idp_identifier");
			query.put("identity_provider", provider);
			body.append("<a class=\"button\" href=\"")
				.append(Html.escape(Urls.withQuery("/oauth2/authorize", query)))
				.append("\">")
				.append(Html.escape(provider))
				.append("</a>");
		}
		if (cognitoListed) {
			body.append("<p class=\"note\">Sign-in with a user-pool username and password is not emulated here.</p>");
		}
		if (providers.isEmpty() && !cognitoListed) {
			body.append("<p class=\"error\">Login option is not available. Please try another one</p>");
		}
		return Responses.html(200, Html.page("Signin", ACCENT, body.toString()));
	}

}

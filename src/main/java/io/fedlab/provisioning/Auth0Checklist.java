package io.fedlab.provisioning;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exact values to type into the Auth0 application (the setup article's "Configure
 * Auth0", corrected as emulated-behaviour.md §S1, §A8 and §A10 say) and the app's
 * environment, computed from the provisioned pool. Plain Java with no AWS SDK types, so
 * the web app's setup-checklist page can reuse it.
 */
public final class Auth0Checklist {

	/** Environment variable names the app reads its Cognito settings from. */
	public static final String ENV_ISSUER = "COGNITO_ISSUER_URI";

	public static final String ENV_DOMAIN = "COGNITO_DOMAIN";

	public static final String ENV_CLIENT_ID = "COGNITO_CLIENT_ID";

	public static final String ENV_CLIENT_SECRET = "COGNITO_CLIENT_SECRET";

	/**
	 * The app's route that starts a sign-in through Cognito (Spring Security's
	 * authorization request endpoint of the {@code cognito} registration).
	 */
	public static final String SIGN_IN_PATH = "/oauth2/authorization/cognito";

	private static final String CALLBACK_PATH = "/login/oauth2/code/cognito";

	private final String domainUrl;

	private final String clientId;

	private final String appCallbackUrl;

	private final String appOrigin;

	private final String issuer;

	/**
	 * @param domainUrl the pool domain's base URL
	 * ({@code https://<prefix>.auth.<region>.amazoncognito.com})
	 * @param clientId the Cognito app client id
	 * @param appCallbackUrl the app's redirect URI registered in Cognito
	 * @param appOrigin the app's origin ({@code scheme://host[:port]})
	 * @param issuer the pool's issuer
	 */
	public Auth0Checklist(String domainUrl, String clientId, String appCallbackUrl, String appOrigin, String issuer) {
		this.domainUrl = stripSlash(domainUrl);
		this.clientId = clientId;
		this.appCallbackUrl = appCallbackUrl;
		this.appOrigin = appOrigin;
		this.issuer = issuer;
	}

	/** One setting of the Auth0 application. */
	public record Entry(String setting, String value, String note) {

	}

	/**
	 * Cognito's federation callback: where Auth0 sends the code (emulated-behaviour.md
	 * §C7.1).
	 */
	public String allowedCallbackUrl() {
		return this.domainUrl + "/oauth2/idpresponse";
	}

	/**
	 * The Auth0 "Application Login URI" for an app served at {@code appBaseUrl}, the one
	 * answer the {@code /setup} page and {@code setup}'s output both give: the app's
	 * sign-in route, which starts a fresh sign-in through Cognito with its own state,
	 * nonce and PKCE when Auth0 has to restart a login that lost its context; empty when
	 * Auth0 would refuse it (not https, or localhost), as on a local run
	 * (emulated-behaviour.md §A8, §S1). Never Cognito's {@code /login}: it would bring
	 * the app a code it never asked for.
	 * @param appBaseUrl the app's base URL, without a trailing slash
	 * @return the URI to enter, or {@code ""} to leave the field empty
	 */
	public static String applicationLoginUri(String appBaseUrl) {
		String base = stripSlash(appBaseUrl);
		return acceptedAsApplicationLoginUri(base) ? base + SIGN_IN_PATH : "";
	}

	/**
	 * Whether Auth0 accepts a URL as Application Login URI: https, and not localhost
	 * (emulated-behaviour.md §A8, §A11 fact 10).
	 * @param url the URL
	 * @return true if Auth0 takes it
	 */
	public static boolean acceptedAsApplicationLoginUri(String url) {
		try {
			URI uri = URI.create((url != null) ? url : "");
			String host = (uri.getHost() != null) ? uri.getHost() : "";
			return "https".equals(uri.getScheme()) && !host.isEmpty() && !host.equals("localhost")
					&& !host.startsWith("127.") && !host.equals("[::1]");
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * The Application Login URI for this app (see {@link #applicationLoginUri(String)}).
	 */
	public String applicationLoginUri() {
		return applicationLoginUri(appBase());
	}

	/**
	 * The app's base URL: its callback URL without the callback path, else its origin.
	 */
	private String appBase() {
		if (this.appCallbackUrl != null && this.appCallbackUrl.endsWith(CALLBACK_PATH)) {
			return this.appCallbackUrl.substring(0, this.appCallbackUrl.length() - CALLBACK_PATH.length());
		}
		return this.appOrigin;
	}

	/**
	 * Auth0's {@code /v2/logout} {@code returnTo} target in the Auth0-first logout chain;
	 * Auth0 ignores its query (emulated-behaviour.md §A10 pattern A).
	 */
	public String allowedLogoutUrl() {
		return this.domainUrl + "/logout";
	}

	public String allowedWebOrigin() {
		return this.appOrigin;
	}

	public String allowedOrigin() {
		return this.appOrigin;
	}

	/** Every Auth0 setting, in the order of the dashboard. */
	public List<Entry> auth0Settings() {
		List<Entry> entries = new ArrayList<>();
		entries.add(new Entry("Application Type", "Regular Web Application",
				"its default token endpoint method is Client Secret (Post), the only one Cognito uses"));
		entries.add(new Entry("Token Endpoint Authentication Method", "Client Secret (Post)",
				"Cognito sends the secret in the body (client_secret_post); other methods fail with 401 access_denied"));
		entries.add(new Entry("Allowed Callback URLs", allowedCallbackUrl(), "exact match, no trailing slash"));
		String loginUri = applicationLoginUri();
		entries.add(new Entry("Application Login URI", loginUri, loginUri.isEmpty()
				? "leave empty: Auth0 accepts only an https URL that is not localhost; once the app is served over"
						+ " https, enter <app base URL>" + SIGN_IN_PATH
				: "the app's sign-in route: where Auth0 restarts a sign-in that lost its context, with a fresh"
						+ " state, nonce and PKCE through Cognito"));
		entries.add(new Entry("Allowed Logout URLs", allowedLogoutUrl(),
				"the Cognito /logout step of the Auth0-first logout chain"));
		entries.add(new Entry("Allowed Web Origins", orDash(allowedWebOrigin()),
				"the app's origin; only for browser-side Auth0 calls, which this server-side app does not make"));
		entries.add(new Entry("Allowed Origins (CORS)", orDash(allowedOrigin()),
				"the app's origin; only for cross-origin calls from a browser, which this app does not make"));
		entries.add(new Entry("JWT Signature Algorithm (Advanced > OAuth)", "RS256",
				"Cognito verifies Auth0's ID token against its JWKS"));
		return entries;
	}

	/**
	 * The app's environment; the client secret only when {@code clientSecret} is given.
	 */
	public Map<String, String> appEnvironment(String clientSecret) {
		Map<String, String> env = new LinkedHashMap<>();
		// The names the app's aws profile reads (docs/configuration.md). The pool id is
		// the
		// issuer's last path segment, and its region the part before the underscore.
		String poolId = (this.issuer != null) ? this.issuer.substring(this.issuer.lastIndexOf('/') + 1) : null;
		if (poolId != null && poolId.contains("_")) {
			env.put("COGNITO_REGION", poolId.substring(0, poolId.indexOf('_')));
			env.put("COGNITO_USER_POOL_ID", poolId);
		}
		env.put(ENV_ISSUER, this.issuer);
		env.put(ENV_DOMAIN, this.domainUrl);
		env.put(ENV_CLIENT_ID, this.clientId);
		if (clientSecret != null) {
			env.put(ENV_CLIENT_SECRET, clientSecret);
		}
		if (this.appOrigin != null) {
			env.put("APP_BASE_URL", this.appOrigin);
		}
		return env;
	}

	/**
	 * The checklist as text.
	 * @param clientSecret the client secret to print, or null to print a hint instead
	 */
	public String render(String clientSecret) {
		StringBuilder out = new StringBuilder();
		out.append("Enter in the Auth0 application (Applications > your app > Settings):\n");
		for (Entry entry : auth0Settings()) {
			out.append("  ")
				.append(entry.setting())
				.append(": ")
				.append(entry.value().isEmpty() ? "(leave empty)" : entry.value())
				.append("\n      ")
				.append(entry.note())
				.append('\n');
		}
		out.append("\nThe app's environment:\n");
		appEnvironment(clientSecret).forEach((k, v) -> out.append("  ").append(k).append('=').append(v).append('\n'));
		if (clientSecret == null) {
			out.append("  ")
				.append(ENV_CLIENT_SECRET)
				.append("=<not shown; run setup with --show-secret, or read it in the Cognito console>\n");
		}
		return out.toString();
	}

	@Override
	public String toString() {
		return "Auth0Checklist[domainUrl=" + this.domainUrl + ", clientId=" + this.clientId + "]";
	}

	private static String orDash(String value) {
		return (value != null) ? value : "(your app's origin, e.g. https://app.example.com)";
	}

	private static String stripSlash(String url) {
		return (url != null && url.endsWith("/")) ? url.substring(0, url.length() - 1) : url;
	}

}

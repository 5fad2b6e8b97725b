package io.fedlab.system;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The settings the relying party cannot start without, each with the environment variable
 * that sets it under the {@code aws} profile (docs/configuration.md). Checked before any
 * bean is created, so a missing value gives one message instead of a failed discovery
 * call or a placeholder stack trace.
 */
final class RequiredSettings {

	record Setting(String property, String environmentVariable, boolean url) {

	}

	static final List<Setting> ALWAYS = List.of(new Setting("app.cognito.region", "COGNITO_REGION", false),
			new Setting("app.cognito.user-pool-id", "COGNITO_USER_POOL_ID", false),
			new Setting("app.cognito.client-id", "COGNITO_CLIENT_ID", false),
			new Setting("spring.security.oauth2.client.registration.cognito.client-secret", "COGNITO_CLIENT_SECRET",
					false),
			new Setting("app.cognito.domain", "COGNITO_DOMAIN", true),
			new Setting("app.cognito.issuer-uri", "COGNITO_ISSUER_URI", true),
			new Setting("app.base-url", "APP_BASE_URL", true));

	static final List<Setting> FOR_AUTH0_LOGOUT = List.of(new Setting("app.auth0.domain", "AUTH0_DOMAIN", true),
			new Setting("app.auth0.client-id", "AUTH0_CLIENT_ID", false));

	private RequiredSettings() {
	}

	static List<String> problems(Environment environment) {
		List<String> problems = new ArrayList<>();
		List<Setting> required = new ArrayList<>(ALWAYS);
		String mode = value(environment, "app.logout.mode");
		if (mode == null || normalise(mode).equals("auth0-and-cognito")) {
			required.addAll(FOR_AUTH0_LOGOUT);
		}
		for (Setting setting : required) {
			String value = value(environment, setting.property());
			if (value == null) {
				problems.add(setting.property() + " is missing (environment variable " + setting.environmentVariable()
						+ ")");
			}
			else if (setting.url() && !isHttpUrl(value)) {
				problems.add(setting.property() + " must be an absolute http(s) URL without a query (environment "
						+ "variable " + setting.environmentVariable() + ")");
			}
		}
		String forwardHeaders = value(environment, "server.forward-headers-strategy");
		if (forwardHeaders != null && !normalise(forwardHeaders).equals("none")
				&& value(environment, "app.trusted-proxies") == null) {
			problems.add("server.forward-headers-strategy is " + forwardHeaders + " but app.trusted-proxies is empty: "
					+ "X-Forwarded-* would be trusted from Tomcat's default private ranges (environment variable "
					+ "TRUSTED_PROXIES, a regular expression of proxy addresses)");
		}
		return problems;
	}

	private static String value(Environment environment, String property) {
		try {
			String value = environment.getProperty(property);
			return StringUtils.hasText(value) ? value.trim() : null;
		}
		catch (IllegalArgumentException unresolvablePlaceholder) {
			return null;
		}
	}

	private static String normalise(String value) {
		return value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	private static boolean isHttpUrl(String value) {
		try {
			URI uri = URI.create(value);
			return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
					&& uri.getQuery() == null && uri.getFragment() == null;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}

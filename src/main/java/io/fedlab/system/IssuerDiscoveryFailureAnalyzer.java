package io.fedlab.system;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * One clear message when Boot's OpenID discovery of the Cognito issuer fails at start-up:
 * the document could not be fetched, or its {@code issuer} differs from the configured
 * one (OIDC Discovery §4.3; Spring's {@code ClientRegistrations} refuses it:
 * rp-security.md §4.1).
 */
class IssuerDiscoveryFailureAnalyzer implements FailureAnalyzer {

	static final String UNREACHABLE = "Unable to resolve Configuration with the provided Issuer of";

	static final String MISMATCH = "provided in the configuration metadata did not match the requested issuer";

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			String message = cause.getMessage();
			if (message == null) {
				continue;
			}
			if (cause instanceof IllegalArgumentException && message.startsWith(UNREACHABLE)) {
				return unreachable(message, rootCause(cause), cause);
			}
			if (message.contains(MISMATCH)) {
				return mismatch(message, cause);
			}
		}
		return null;
	}

	private FailureAnalysis unreachable(String message, Throwable root, Throwable cause) {
		String issuer = quoted(message);
		String reason = (root != cause) ? root.getClass().getSimpleName()
				+ ((root.getMessage() != null) ? ": " + firstLine(root.getMessage()) : "") : "no details";
		String description = "fedlab cannot start: the OpenID discovery document of the Cognito issuer " + issuer
				+ " could not be read from " + issuer + "/.well-known/openid-configuration (" + reason + ").";
		String action = "Check app.cognito.issuer-uri (COGNITO_REGION and COGNITO_USER_POOL_ID, or COGNITO_ISSUER_URI): "
				+ "it must be https://cognito-idp.<region>.amazonaws.com/<poolId>, on the issuer host, not the pool "
				+ "domain (cognito.md §3). Check the network and any proxy. Locally, the emulators start with "
				+ "local.enabled=true.";
		return new FailureAnalysis(description, action, cause);
	}

	private FailureAnalysis mismatch(String message, Throwable cause) {
		String description = "fedlab cannot start: the Cognito discovery document names a different issuer than the "
				+ "one configured. " + firstLine(message);
		String action = "Set app.cognito.issuer-uri (COGNITO_ISSUER_URI) to exactly the discovery document's issuer: "
				+ "same scheme, host, region, pool id and no trailing slash. Spring refuses a mismatch because the "
				+ "ID token's iss is checked against it.";
		return new FailureAnalysis(description, action, cause);
	}

	private static Throwable rootCause(Throwable throwable) {
		Throwable root = throwable;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root;
	}

	private static String quoted(String message) {
		int start = message.indexOf('"');
		int end = message.indexOf('"', start + 1);
		return (start >= 0 && end > start) ? message.substring(start + 1, end) : "(unknown)";
	}

	private static String firstLine(String message) {
		int newline = message.indexOf('\n');
		return (newline >= 0) ? message.substring(0, newline) : message;
	}

}

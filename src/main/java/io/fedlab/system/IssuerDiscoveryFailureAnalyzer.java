package io.fedlab.system;

import io.fedlab.security.IssuerDiscoveryException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * One short message when the OpenID discovery of the Cognito issuer fails at start-up:
 * the document could not be read, or its {@code issuer} differs from the configured one
 * (OpenID Connect Discovery §4.3). Only the discovery's own words: what is wrong, both
 * values, the fix; never the chain of beans that were being created.
 */
class IssuerDiscoveryFailureAnalyzer extends AbstractFailureAnalyzer<IssuerDiscoveryException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, IssuerDiscoveryException cause) {
		String document = cause.issuer() + "/.well-known/openid-configuration";
		if (cause.discoveredIssuer() == null) {
			String description = "fedlab cannot start: the OpenID discovery document of the Cognito issuer could not "
					+ "be read from " + document + " (" + cause.reason() + ").";
			String action = "Check app.cognito.issuer-uri (COGNITO_REGION and COGNITO_USER_POOL_ID, or "
					+ "COGNITO_ISSUER_URI): it must be https://cognito-idp.<region>.amazonaws.com/<poolId>, on the "
					+ "issuer host, not the pool domain. Check the network and any proxy; app.back-channel.* sets the "
					+ "timeouts. Locally, the emulators start with local.enabled=true.";
			return new FailureAnalysis(description, action, cause);
		}
		String description = "fedlab cannot start: the Cognito discovery document names a different issuer than the "
				+ "one configured." + System.lineSeparator() + "  configured: " + cause.issuer()
				+ System.lineSeparator() + "  in " + document + ": " + cause.discoveredIssuer();
		String action = "Set app.cognito.issuer-uri (COGNITO_ISSUER_URI) to exactly the document's issuer: same scheme, "
				+ "host, region, pool id and no trailing slash. A mismatch is refused because every ID token's iss is "
				+ "checked against it.";
		return new FailureAnalysis(description, action, cause);
	}

}

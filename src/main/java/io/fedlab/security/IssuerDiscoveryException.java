package io.fedlab.security;

import java.io.Serial;

/**
 * Start-up cannot read the Cognito issuer's discovery document, or the document names
 * another issuer. Carries the values a person needs to fix it, so the start-up failure
 * can say it in one message.
 */
public final class IssuerDiscoveryException extends IllegalStateException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String issuer;

	private final String discoveredIssuer;

	private final String reason;

	private IssuerDiscoveryException(String message, String issuer, String discoveredIssuer, String reason) {
		super(message);
		this.issuer = issuer;
		this.discoveredIssuer = discoveredIssuer;
		this.reason = reason;
	}

	static IssuerDiscoveryException unreachable(String issuer, String reason) {
		return new IssuerDiscoveryException(
				"The discovery document of issuer \"" + issuer + "\" could not be read: " + reason, issuer, null,
				reason);
	}

	static IssuerDiscoveryException mismatch(String issuer, String discoveredIssuer) {
		return new IssuerDiscoveryException(
				"The discovery document of issuer \"" + issuer + "\" names the issuer \"" + discoveredIssuer + "\"",
				issuer, discoveredIssuer, null);
	}

	/**
	 * The configured issuer.
	 * @return {@code app.cognito.issuer-uri}
	 */
	public String issuer() {
		return this.issuer;
	}

	/**
	 * The issuer the discovery document names, if it was read and differs.
	 * @return the document's {@code issuer}, or {@code null} when it could not be read
	 */
	public String discoveredIssuer() {
		return this.discoveredIssuer;
	}

	/**
	 * Why the document could not be read.
	 * @return a short reason, or {@code null} for a mismatch
	 */
	public String reason() {
		return this.reason;
	}

}

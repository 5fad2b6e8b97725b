package io.fedlab.security;

/**
 * The discovery failures, for tests of other packages.
 */
public final class TestIssuerDiscoveryExceptions {

	private TestIssuerDiscoveryExceptions() {
	}

	public static IssuerDiscoveryException unreachable(String issuer, String reason) {
		return IssuerDiscoveryException.unreachable(issuer, reason);
	}

	public static IssuerDiscoveryException mismatch(String issuer, String discovered) {
		return IssuerDiscoveryException.mismatch(issuer, discovered);
	}

}

package io.fedlab.security;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What the refresh-token revocation at logout did, left on the logout request for the
 * flow inspector: an outcome, the HTTP status, a safe error code, and the time it took.
 * Never the token.
 *
 * @param outcome {@code revoked}, {@code failed}, {@code unreachable} or {@code none} (no
 * refresh token to revoke)
 * @param status the HTTP status of {@code /oauth2/revoke}, or 0 without a response
 * @param error the OAuth 2.0 error code if it is a plain code, else {@code unknown}, or
 * {@code null}
 * @param durationMillis how long the call took
 */
public record Revocation(String outcome, int status, String error, long durationMillis) {

	static final String ATTRIBUTE = Revocation.class.getName();

	/**
	 * The outcome the logout handler left on this request.
	 * @param request the logout request
	 * @return the outcome, if revocation ran
	 */
	public static Optional<Revocation> from(HttpServletRequest request) {
		return (request.getAttribute(ATTRIBUTE) instanceof Revocation revocation) ? Optional.of(revocation)
				: Optional.empty();
	}

	Revocation took(long millis) {
		return new Revocation(this.outcome, this.status, this.error, millis);
	}

}

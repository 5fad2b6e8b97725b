package io.fedlab.localidp.cognito.tokens;

import java.time.Instant;
import java.util.List;

/**
 * A Cognito access token whose signature, expiry, type and revocation state were checked.
 */
public record VerifiedAccessToken(String poolId, String clientId, String username, String sub, List<String> scopes,
		String originJti, Instant issuedAt, Instant expiresAt) {

	public boolean hasScope(String scope) {
		return this.scopes.contains(scope);
	}

}

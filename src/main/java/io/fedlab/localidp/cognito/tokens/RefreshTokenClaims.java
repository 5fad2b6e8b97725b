package io.fedlab.localidp.cognito.tokens;

import java.time.Instant;
import java.util.List;

/**
 * The contents of a local Cognito refresh token, readable only by the pool that encrypted
 * it.
 */
public record RefreshTokenClaims(String poolId, String clientId, String username, List<String> scopes, Instant authTime,
		String originJti, String jti, Instant issuedAt, Instant expiresAt) {
}

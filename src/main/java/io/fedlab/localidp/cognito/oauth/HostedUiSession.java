package io.fedlab.localidp.cognito.oauth;

import java.time.Instant;

/**
 * What the hosted UI's {@code cognito} cookie stands for: who signed in to which pool,
 * through which identity provider, and when (the {@code auth_time} of every token issued
 * from this session).
 */
record HostedUiSession(String poolId, String username, String providerName, Instant authTime) {
}

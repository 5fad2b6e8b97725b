package io.fedlab.localidp.cognito.oauth;

import java.time.Instant;
import java.util.List;

/**
 * What a Cognito authorization code is bound to (emulated-behaviour.md §C1.2: 5 minutes,
 * single use): the client, the exact {@code redirect_uri}, the granted scopes, the app's
 * {@code nonce} and PKCE challenge, and the signed-in user.
 */
record AuthorizationCode(String poolId, String clientId, String redirectUri, List<String> scopes, String nonce,
		String codeChallenge, String username, Instant authTime) {
}

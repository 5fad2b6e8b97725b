package io.fedlab.localidp.cognito.oauth;

import java.util.List;

import io.fedlab.localidp.cognito.state.AppClient;

/**
 * A validated {@code /oauth2/authorize} request (emulated-behaviour.md §C1.2).
 * {@code scopes} are the granted ones (requested, filtered by the client's allowed
 * scopes); {@code prompt} keeps the space-separated values in order.
 */
record AuthorizationRequest(AppClient client, String redirectUri, String responseType, List<String> scopes,
		String state, String nonce, String codeChallenge, String identityProvider, String loginHint,
		List<String> prompt) {

	boolean implicit() {
		return "token".equals(this.responseType);
	}

}

package io.fedlab.localidp.cognito.oauth;

/**
 * A federated sign-in in flight between {@code /oauth2/authorize} and
 * {@code /oauth2/idpresponse} (emulated-behaviour.md §C1.3: abandoned after 5 minutes).
 * Found by the opaque {@code state} sent to the IdP and bound to the browser by the
 * random {@code cognito-fed} cookie; it holds nothing the browser ever sees.
 */
record FederationTransaction(String browserBinding, String poolId, AuthorizationRequest request, String providerName,
		String upstreamNonce, String upstreamCodeVerifier, String idpResponseUri) {
}

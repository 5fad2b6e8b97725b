package io.fedlab.security;

import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

/**
 * Cognito's token response never has a {@code scope} member (cognito.md §1.6), which RFC
 * 6749 §5.1 allows when the granted scope is the one requested. Since CVE-2022-31690
 * Spring no longer assumes that, so the access token would carry no scopes: the profile
 * page would never call {@code GetUser} (it needs {@code aws.cognito.signin.user.admin}),
 * Spring would skip {@code /oauth2/userInfo}, and after a refresh
 * {@code OidcAuthorizedClientRefreshedEventListener} (which needs {@code openid}) would
 * leave the old ID token and groups in the session. This client applies the RFC: no
 * scopes in the response means the scopes this app asked for in its own saved
 * authorization request. No access decision here rests on scopes (roles come from the ID
 * token's {@code cognito:groups}), and Cognito still enforces the real grant at
 * {@code GetUser} and {@code /oauth2/userInfo}. A refresh keeps these scopes: Spring's
 * refresh client copies them from the previous access token.
 */
final class RequestedScopesTokenResponseClient
		implements OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> {

	private final OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> delegate;

	RequestedScopesTokenResponseClient(OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> delegate) {
		this.delegate = delegate;
	}

	@Override
	public OAuth2AccessTokenResponse getTokenResponse(OAuth2AuthorizationCodeGrantRequest grantRequest) {
		OAuth2AccessTokenResponse response = this.delegate.getTokenResponse(grantRequest);
		if (response == null || !response.getAccessToken().getScopes().isEmpty()) {
			return response;
		}
		return OAuth2AccessTokenResponse.withResponse(response)
			.scopes(grantRequest.getAuthorizationExchange().getAuthorizationRequest().getScopes())
			.build();
	}

}

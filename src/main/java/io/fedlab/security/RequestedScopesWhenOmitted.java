package io.fedlab.security;

import java.util.Set;
import java.util.function.Function;

import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

/**
 * A token response without {@code scope} grants the scopes requested (RFC 6749 §5.1), and
 * Cognito's token endpoint never sends {@code scope} (emulated-behaviour.md §C1.6).
 * Spring Security 7's RestClient-based clients leave the access token's scopes empty
 * then, so the profile would think {@code aws.cognito.signin.user.admin} was not granted
 * (no {@code GetUser}), and Spring's {@code OidcAuthorizedClientRefreshedEventListener},
 * which acts only when the access token's scopes include {@code openid}, would keep the
 * old ID token and groups after a refresh.
 */
final class RequestedScopesWhenOmitted<T extends AbstractOAuth2AuthorizationGrantRequest>
		implements OAuth2AccessTokenResponseClient<T> {

	private final OAuth2AccessTokenResponseClient<T> delegate;

	private final Function<T, Set<String>> requestedScopes;

	RequestedScopesWhenOmitted(OAuth2AccessTokenResponseClient<T> delegate, Function<T, Set<String>> requestedScopes) {
		this.delegate = delegate;
		this.requestedScopes = requestedScopes;
	}

	/**
	 * The code grant through {@code delegate}: the scopes of the authorization request.
	 */
	static OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> authorizationCode(
			OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> delegate) {
		return new RequestedScopesWhenOmitted<>(delegate,
				(request) -> request.getAuthorizationExchange().getAuthorizationRequest().getScopes());
	}

	/**
	 * The refresh grant through {@code delegate}: the scopes asked for, else those of the
	 * access token being replaced (RFC 6749 §6).
	 */
	static OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> refreshToken(
			OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> delegate) {
		return new RequestedScopesWhenOmitted<>(delegate, (request) -> request.getScopes().isEmpty()
				? request.getAccessToken().getScopes() : request.getScopes());
	}

	@Override
	public OAuth2AccessTokenResponse getTokenResponse(T request) {
		OAuth2AccessTokenResponse response = this.delegate.getTokenResponse(request);
		if (response == null || !response.getAccessToken().getScopes().isEmpty()) {
			return response;
		}
		return OAuth2AccessTokenResponse.withResponse(response).scopes(this.requestedScopes.apply(request)).build();
	}

}

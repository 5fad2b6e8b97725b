package io.fedlab.security;

import java.time.Instant;
import java.util.Set;

import io.fedlab.support.TestClientRegistrations;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;

import static org.assertj.core.api.Assertions.assertThat;

class RequestedScopesWhenOmittedTests {

	private static final Set<String> REQUESTED = Set.of("openid", "email", "aws.cognito.signin.user.admin");

	private final ClientRegistration registration = TestClientRegistrations.clientRegistration().build();

	@Test
	void codeGrantWhenResponseHasNoScopeThenScopesOfTheAuthorizationRequest() {
		RequestedScopesWhenOmitted<OAuth2AuthorizationCodeGrantRequest> client = new RequestedScopesWhenOmitted<>(
				(request) -> response(),
				(request) -> request.getAuthorizationExchange().getAuthorizationRequest().getScopes());

		assertThat(client.getTokenResponse(codeGrant()).getAccessToken().getScopes())
			.containsExactlyInAnyOrderElementsOf(REQUESTED);
	}

	@Test
	void codeGrantWhenResponseNamesScopesThenThoseKept() {
		RequestedScopesWhenOmitted<OAuth2AuthorizationCodeGrantRequest> client = new RequestedScopesWhenOmitted<>(
				(request) -> response("openid"), (request) -> REQUESTED);

		assertThat(client.getTokenResponse(codeGrant()).getAccessToken().getScopes()).containsExactly("openid");
	}

	@Test
	void refreshGrantWhenResponseHasNoScopeThenScopesOfTheReplacedAccessToken() {
		OAuth2AccessToken current = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access",
				Instant.now().minusSeconds(60), Instant.now().plusSeconds(60), REQUESTED);
		OAuth2RefreshTokenGrantRequest request = new OAuth2RefreshTokenGrantRequest(this.registration, current,
				new OAuth2RefreshToken("refresh", Instant.now()));

		OAuth2AccessTokenResponse response = new RequestedScopesWhenOmitted<OAuth2RefreshTokenGrantRequest>(
				(grant) -> response(),
				(grant) -> grant.getScopes().isEmpty() ? grant.getAccessToken().getScopes() : grant.getScopes())
			.getTokenResponse(request);

		assertThat(response.getAccessToken().getScopes()).containsExactlyInAnyOrderElementsOf(REQUESTED);
		assertThat(response.getAdditionalParameters()).containsEntry("id_token", "id");
	}

	private OAuth2AuthorizationCodeGrantRequest codeGrant() {
		OAuth2AuthorizationRequest authorization = OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri("https://example.com/oauth2/authorize")
			.clientId("client")
			.redirectUri("https://app.example/login/oauth2/code/cognito")
			.state("state")
			.scopes(REQUESTED)
			.build();
		OAuth2AuthorizationResponse answer = OAuth2AuthorizationResponse.success("code")
			.redirectUri("https://app.example/login/oauth2/code/cognito")
			.state("state")
			.build();
		return new OAuth2AuthorizationCodeGrantRequest(this.registration,
				new OAuth2AuthorizationExchange(authorization, answer));
	}

	private static OAuth2AccessTokenResponse response(String... scopes) {
		return OAuth2AccessTokenResponse.withToken("access")
			.tokenType(OAuth2AccessToken.TokenType.BEARER)
			.expiresIn(3600)
			.scopes(Set.of(scopes))
			.additionalParameters(java.util.Map.of("id_token", "id"))
			.build();
	}

}

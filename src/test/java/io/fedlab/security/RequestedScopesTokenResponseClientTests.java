package io.fedlab.security;

import java.util.Map;
import java.util.Set;

import io.fedlab.support.TestClientRegistrations;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;

import static org.assertj.core.api.Assertions.assertThat;

class RequestedScopesTokenResponseClientTests {

	private static final Set<String> REQUESTED = Set.of("openid", "email", "profile", "aws.cognito.signin.user.admin");

	@Test
	void tokenResponseWhenScopeOmittedLikeCognitoThenScopesOfTheAuthorizationRequest() {
		OAuth2AccessTokenResponse response = new RequestedScopesTokenResponseClient((request) -> tokens(Set.of()))
			.getTokenResponse(grantRequest());
		assertThat(response.getAccessToken().getScopes()).containsExactlyInAnyOrderElementsOf(REQUESTED);
		assertThat(response.getAccessToken().getTokenValue()).isEqualTo("access");
		assertThat(response.getRefreshToken().getTokenValue()).isEqualTo("refresh");
		assertThat(response.getAdditionalParameters()).containsEntry("id_token", "id");
	}

	@Test
	void tokenResponseWhenScopeSentThenKeptAsGranted() {
		OAuth2AccessTokenResponse response = new RequestedScopesTokenResponseClient(
				(request) -> tokens(Set.of("openid")))
			.getTokenResponse(grantRequest());
		assertThat(response.getAccessToken().getScopes()).containsExactly("openid");
	}

	private static OAuth2AccessTokenResponse tokens(Set<String> scopes) {
		return OAuth2AccessTokenResponse.withToken("access")
			.tokenType(OAuth2AccessToken.TokenType.BEARER)
			.expiresIn(3600)
			.scopes(scopes)
			.refreshToken("refresh")
			.additionalParameters(Map.of("id_token", "id"))
			.build();
	}

	private static OAuth2AuthorizationCodeGrantRequest grantRequest() {
		ClientRegistration registration = TestClientRegistrations.clientRegistration().build();
		OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri(TestClientRegistrations.DOMAIN + "/oauth2/authorize")
			.clientId(registration.getClientId())
			.redirectUri("http://localhost:8080/login/oauth2/code/cognito")
			.scopes(REQUESTED)
			.state("state")
			.build();
		OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success("code")
			.redirectUri("http://localhost:8080/login/oauth2/code/cognito")
			.state("state")
			.build();
		return new OAuth2AuthorizationCodeGrantRequest(registration,
				new OAuth2AuthorizationExchange(request, response));
	}

}

package io.fedlab.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import io.fedlab.support.TestClientRegistrations;
import io.fedlab.support.TestIdTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.event.OAuth2AuthorizedClientRefreshedEvent;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizedClientRefreshedEventListener;
import org.springframework.security.oauth2.client.oidc.authentication.event.OidcUserRefreshedEvent;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import com.nimbusds.jwt.JWTClaimsSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forced refresh goes through Spring's own
 * {@link OidcAuthorizedClientRefreshedEventListener}, wired here the way
 * {@code oauth2Login()} wires it (with our groups mapper), against a fake token endpoint.
 */
class TokenRefresherTests {

	private final HttpSessionOAuth2AuthorizedClientRepository repository = new HttpSessionOAuth2AuthorizedClientRepository();

	private final MockHttpServletRequest request = new MockHttpServletRequest();

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	private final List<OAuth2RefreshTokenGrantRequest> grantRequests = new ArrayList<>();

	private OAuth2AccessTokenResponse nextResponse;

	private RuntimeException nextFailure;

	private OAuth2AuthenticationToken authentication;

	private OAuth2AuthorizedClient signedInClient;

	private TokenRefresher refresher;

	@BeforeEach
	void signIn() throws JOSEException {
		OidcIdToken idToken = TestIdTokens.oidcIdToken(TestIdTokens.idToken().build());
		OidcUser user = new DefaultOidcUser(List.of(new OidcUserAuthority(idToken)), idToken);
		this.authentication = new OAuth2AuthenticationToken(user, user.getAuthorities(), "cognito");
		SecurityContextHolder.getContext().setAuthentication(this.authentication);
		this.signedInClient = new OAuth2AuthorizedClient(TestClientRegistrations.clientRegistration().build(),
				user.getName(), TestIdTokens.oauth2AccessToken(TestIdTokens.accessToken().build()),
				TestIdTokens.refreshToken());
		this.repository.saveAuthorizedClient(this.signedInClient, this.authentication, this.request, this.response);

		OidcAuthorizedClientRefreshedEventListener listener = new OidcAuthorizedClientRefreshedEventListener();
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(TestIdTokens.idTokenKey().toRSAPublicKey()).build();
		listener.setJwtDecoderFactory((registration) -> decoder);
		listener.setUserService((userRequest) -> new DefaultOidcUser(
				List.of(new OidcUserAuthority(userRequest.getIdToken())), userRequest.getIdToken()));
		listener.setAuthoritiesMapper(new CognitoGroupsAuthoritiesMapper());
		// What Spring's OidcUserRefreshedEventListener does with the result
		listener.setApplicationEventPublisher((event) -> {
			if (event instanceof OidcUserRefreshedEvent refreshed) {
				SecurityContextHolder.getContext().setAuthentication(refreshed.getAuthentication());
			}
		});
		ApplicationEventPublisher publisher = (event) -> {
			if (event instanceof OAuth2AuthorizedClientRefreshedEvent refreshed) {
				listener.onApplicationEvent(refreshed);
			}
		};
		OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> tokenEndpoint = (grantRequest) -> {
			this.grantRequests.add(grantRequest);
			if (this.nextFailure != null) {
				throw this.nextFailure;
			}
			return this.nextResponse;
		};
		this.refresher = new TokenRefresher(this.repository, publisher, provider(tokenEndpoint));
	}

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void refreshNowWhenAccessTokenStillValidThenRefreshesAnyway() {
		this.nextResponse = cognitoRefreshResponse(TestIdTokens.idToken(), null);
		RefreshOutcome outcome = refresh();
		assertThat(this.grantRequests).hasSize(1);
		assertThat(this.grantRequests.get(0).getRefreshToken().getTokenValue())
			.isEqualTo(this.signedInClient.getRefreshToken().getTokenValue());
		assertThat(outcome.status()).isNotEqualTo(RefreshOutcome.Status.NO_REFRESH_TOKEN);
	}

	@Test
	void refreshNowWhenCognitoSendsNoRefreshTokenThenOldOneKeptAndSaid() {
		// emulated-behaviour.md §C1.6: no refresh_token in the refresh grant's answer
		// unless rotation
		// is on
		this.nextResponse = cognitoRefreshResponse(TestIdTokens.idToken(), null);
		assertThat(refresh().status()).isEqualTo(RefreshOutcome.Status.KEPT_REFRESH_TOKEN);
		OAuth2AuthorizedClient saved = saved();
		assertThat(saved.getRefreshToken().getTokenValue())
			.isEqualTo(this.signedInClient.getRefreshToken().getTokenValue());
		assertThat(saved.getAccessToken().getTokenValue()).isEqualTo("new-access-token");
	}

	@Test
	void refreshNowWhenRotationIsOnThenNewRefreshTokenSaved() {
		OAuth2RefreshToken rotated = TestIdTokens.refreshToken();
		this.nextResponse = cognitoRefreshResponse(TestIdTokens.idToken(), rotated);
		assertThat(refresh().status()).isEqualTo(RefreshOutcome.Status.ROTATED);
		assertThat(saved().getRefreshToken().getTokenValue()).isEqualTo(rotated.getTokenValue());
	}

	@Test
	void refreshNowWhenNewIdTokenHasNewGroupThenPrincipalAndAuthoritiesUpdated() {
		this.nextResponse = cognitoRefreshResponse(
				TestIdTokens.withGroups(TestIdTokens.idToken(), "admins", TestIdTokens.AUTO_GROUP), null);
		refresh();
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		assertThat(current).isNotSameAs(this.authentication);
		assertThat(AuthorityUtils.authorityListToSet(current.getAuthorities())).contains("ROLE_admins");
	}

	@Test
	void refreshNowWhenNewIdTokenHasAnotherSubThenRejectedAndOldTokensKept() {
		// OIDC Core §12.2; conformance module oidcc-client-test-refresh-token-invalid-sub
		// (emulated-behaviour.md §R1.1)
		this.nextResponse = cognitoRefreshResponse(TestIdTokens.idToken().subject("someone-else"), null);
		RefreshOutcome outcome = refresh();
		assertThat(outcome.status()).isEqualTo(RefreshOutcome.Status.REJECTED);
		assertThat(outcome.errorCode()).isEqualTo("invalid_id_token");
		assertThat(saved().getAccessToken().getTokenValue())
			.isEqualTo(this.signedInClient.getAccessToken().getTokenValue());
		assertThat(SecurityContextHolder.getContext().getAuthentication()).isSameAs(this.authentication);
	}

	@Test
	void refreshNowWhenNewIdTokenHasAnotherIssuerThenRejected() {
		this.nextResponse = cognitoRefreshResponse(TestIdTokens.idToken().issuer(TestClientRegistrations.ISSUER + "1"),
				null);
		assertThat(refresh().status()).isEqualTo(RefreshOutcome.Status.REJECTED);
	}

	@Test
	void refreshNowWhenNewIdTokenHasAnotherAudienceThenRejected() {
		this.nextResponse = cognitoRefreshResponse(TestIdTokens.idToken().audience("otherclient"), null);
		assertThat(refresh().status()).isEqualTo(RefreshOutcome.Status.REJECTED);
	}

	@Test
	void refreshNowWhenCognitoRefusesTheRefreshTokenThenFailedWithItsCode() {
		this.nextFailure = new OAuth2AuthorizationException(new OAuth2Error("invalid_grant"));
		RefreshOutcome outcome = refresh();
		assertThat(outcome.status()).isEqualTo(RefreshOutcome.Status.FAILED);
		assertThat(outcome.errorCode()).isEqualTo("invalid_grant");
	}

	@Test
	void refreshNowWhenNoRefreshTokenThenNothingSent() {
		this.repository.saveAuthorizedClient(new OAuth2AuthorizedClient(this.signedInClient.getClientRegistration(),
				"sub", this.signedInClient.getAccessToken()), this.authentication, this.request, this.response);
		assertThat(refresh().status()).isEqualTo(RefreshOutcome.Status.NO_REFRESH_TOKEN);
		assertThat(this.grantRequests).isEmpty();
	}

	private static <T> ObjectProvider<T> provider(T value) {
		return new ObjectProvider<>() {

			@Override
			public T getObject(Object... args) {
				return value;
			}

			@Override
			public T getObject() {
				return value;
			}

			@Override
			public T getIfAvailable() {
				return value;
			}

			@Override
			public T getIfUnique() {
				return value;
			}

		};
	}

	private RefreshOutcome refresh() {
		return this.refresher.refreshNow(this.authentication, this.request, this.response);
	}

	private OAuth2AuthorizedClient saved() {
		return this.repository.loadAuthorizedClient("cognito", this.authentication, this.request);
	}

	private static OAuth2AccessTokenResponse cognitoRefreshResponse(JWTClaimsSet.Builder idToken,
			OAuth2RefreshToken refreshToken) {
		Instant now = Instant.now();
		OAuth2AccessTokenResponse.Builder builder = OAuth2AccessTokenResponse.withToken("new-access-token")
			.tokenType(OAuth2AccessToken.TokenType.BEARER)
			.expiresIn(3600)
			// Cognito sends no scope; Spring's client fills in the original scopes
			.scopes(Set.of("openid", "email", "profile", "aws.cognito.signin.user.admin"))
			.additionalParameters(Map.of("id_token",
					TestIdTokens.oidcIdToken(idToken.issueTime(java.util.Date.from(now.plusSeconds(1))).build())
						.getTokenValue()));
		if (refreshToken != null) {
			builder.refreshToken(refreshToken.getTokenValue());
		}
		return builder.build();
	}

}

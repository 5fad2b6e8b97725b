package io.fedlab.security;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

import io.fedlab.cognito.CallFailure;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.RefreshTokenOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Refreshes the tokens now, even if the access token is still valid, with Spring's own
 * machinery: the standard {@link RefreshTokenOAuth2AuthorizedClientProvider}, asked at a
 * clock just past the access token's expiry. It publishes
 * {@code OAuth2AuthorizedClientRefreshedEvent}, on which Spring's
 * {@code OidcAuthorizedClientRefreshedEventListener} validates the new ID token (same
 * {@code iss}, {@code sub}, {@code aud}, {@code iat} not earlier, {@code nonce}
 * unchanged: OIDC Core §12.2, emulated-behaviour.md §R2), maps the authorities again
 * (groups) and replaces the session's principal. Only then is the new authorized client
 * saved.
 * <p>
 * Cognito returns no refresh token unless rotation is on (emulated-behaviour.md §C1.6);
 * Spring then keeps the old one.
 */
@Component
public class TokenRefresher {

	private static final Logger logger = LoggerFactory.getLogger(TokenRefresher.class);

	private final OAuth2AuthorizedClientRepository authorizedClients;

	private final ApplicationEventPublisher eventPublisher;

	private final OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> tokenResponseClient;

	/**
	 * Uses the application's
	 * {@code OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest>} bean if
	 * there is one (Spring's {@code OAuth2AuthorizedClientManager} uses the same bean for
	 * automatic refresh), else Spring's default.
	 */
	TokenRefresher(OAuth2AuthorizedClientRepository authorizedClients, ApplicationEventPublisher eventPublisher,
			ObjectProvider<OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest>> tokenResponseClient) {
		this.authorizedClients = authorizedClients;
		this.eventPublisher = eventPublisher;
		this.tokenResponseClient = tokenResponseClient.getIfUnique(RestClientRefreshTokenTokenResponseClient::new);
	}

	/**
	 * Refresh now.
	 * @param authentication the current authentication
	 * @param request the current request
	 * @param response the current response
	 * @return what happened
	 */
	public RefreshOutcome refreshNow(OAuth2AuthenticationToken authentication, HttpServletRequest request,
			HttpServletResponse response) {
		String registrationId = authentication.getAuthorizedClientRegistrationId();
		OAuth2AuthorizedClient current = this.authorizedClients.loadAuthorizedClient(registrationId, authentication,
				request);
		if (current == null || current.getRefreshToken() == null) {
			return new RefreshOutcome(RefreshOutcome.Status.NO_REFRESH_TOKEN, null);
		}
		RefreshTokenOAuth2AuthorizedClientProvider provider = new RefreshTokenOAuth2AuthorizedClientProvider();
		provider.setAccessTokenResponseClient(this.tokenResponseClient);
		provider.setApplicationEventPublisher(this.eventPublisher);
		// "Now": evaluate expiry at a moment the access token is certainly expired (clock
		// skew is 60 s)
		provider
			.setClock(Clock.fixed(current.getAccessToken().getExpiresAt().plus(Duration.ofMinutes(5)), ZoneOffset.UTC));
		OAuth2AuthorizationContext context = OAuth2AuthorizationContext.withAuthorizedClient(current)
			.principal(authentication)
			.build();
		OAuth2AuthorizedClient refreshed;
		try {
			refreshed = provider.authorize(context);
		}
		catch (OAuth2AuthenticationException ex) {
			String code = SignInErrorCatalogue.safeCode(ex.getError().getErrorCode());
			logger.warn("Refreshed ID token rejected: {}", code);
			return new RefreshOutcome(RefreshOutcome.Status.REJECTED, code);
		}
		catch (OAuth2AuthorizationException ex) {
			Optional<CallFailure> unanswered = CallFailure.of(ex);
			if (unanswered.isPresent()) {
				// Cognito never answered: the refresh token was not judged, only the path
				// to
				// Cognito failed
				String reason = unanswered.get().name().toLowerCase(Locale.ROOT);
				logger.warn("Token refresh failed: Cognito did not answer ({})", reason);
				return new RefreshOutcome(RefreshOutcome.Status.UNANSWERED, reason);
			}
			String code = SignInErrorCatalogue.safeCode(ex.getError().getErrorCode());
			logger.warn("Token refresh failed: {}", code);
			return new RefreshOutcome(RefreshOutcome.Status.FAILED, code);
		}
		if (refreshed == null) {
			return new RefreshOutcome(RefreshOutcome.Status.NO_REFRESH_TOKEN, null);
		}
		if (refreshed.getRefreshToken() == null) {
			// Cognito sends no refresh_token unless rotation is on; keep the one we have
			// (Spring's default client
			// already does this, a custom one may not)
			refreshed = new OAuth2AuthorizedClient(refreshed.getClientRegistration(), refreshed.getPrincipalName(),
					refreshed.getAccessToken(), current.getRefreshToken());
		}
		Authentication updated = SecurityContextHolder.getContext().getAuthentication();
		this.authorizedClients.saveAuthorizedClient(refreshed, (updated != null) ? updated : authentication, request,
				response);
		boolean rotated = refreshed.getRefreshToken() != null
				&& !refreshed.getRefreshToken().getTokenValue().equals(current.getRefreshToken().getTokenValue());
		logger.info("Tokens refreshed; new refresh token issued: {}", rotated);
		return new RefreshOutcome(rotated ? RefreshOutcome.Status.ROTATED : RefreshOutcome.Status.KEPT_REFRESH_TOKEN,
				null);
	}

}

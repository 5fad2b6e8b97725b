package io.fedlab.security;

import java.time.Duration;

import io.fedlab.security.RevocationEndpoint.Attempt;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/**
 * On logout, drops the authorized client (so the tokens are gone even before the session
 * is invalidated: emulated-behaviour.md §R3 item 8) and revokes the refresh token at the
 * pool domain's {@code /oauth2/revoke}, which also kills the access and ID tokens issued
 * from it (emulated-behaviour.md §C1.8). Logout carries on whatever the answer, since the
 * user must always be able to leave, but a failure is not silent: a revocation that may
 * pass later goes to {@link RevocationRetry}, and a cookie tells the logged-out page that
 * the token still works (the session that could have carried it ends here).
 */
final class RefreshTokenRevoker implements LogoutHandler {

	private static final Logger logger = LoggerFactory.getLogger(RefreshTokenRevoker.class);

	private final OAuth2AuthorizedClientRepository authorizedClients;

	private final RevocationRetry retry;

	RefreshTokenRevoker(OAuth2AuthorizedClientRepository authorizedClients, RevocationRetry retry) {
		this.authorizedClients = authorizedClients;
		this.retry = retry;
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		if (!(authentication instanceof OAuth2AuthenticationToken token)) {
			return;
		}
		String registrationId = token.getAuthorizedClientRegistrationId();
		OAuth2AuthorizedClient client = this.authorizedClients.loadAuthorizedClient(registrationId, authentication,
				request);
		if (client == null) {
			return;
		}
		this.authorizedClients.removeAuthorizedClient(registrationId, authentication, request, response);
		Revocation outcome = new Revocation("none", 0, null, 0);
		long started = System.nanoTime();
		String notice = null;
		if (client.getRefreshToken() != null) {
			String refreshToken = client.getRefreshToken().getTokenValue();
			Attempt attempt = this.retry.endpoint().revoke(client.getClientRegistration(), refreshToken);
			outcome = attempt.revocation();
			notice = switch (attempt.verdict()) {
				case REVOKED -> {
					logger.info("Refresh token revoked at logout");
					yield null;
				}
				case UNUSABLE -> {
					logger.info("Refresh-token revocation at logout: HTTP {} {}: the token is no longer usable",
							outcome.status(), outcome.error());
					yield null;
				}
				case REFUSED -> {
					logger.warn(
							"Refresh-token revocation failed at logout: HTTP {} {}: refused for good, not "
									+ "retried; the token stays valid until it expires",
							outcome.status(), outcome.error());
					yield RevocationRetry.REFUSED;
				}
				case RETRY -> {
					String id = this.retry.schedule(registrationId, refreshToken);
					logger.warn("Refresh-token revocation failed at logout: {}; retried in the background",
							RevocationRetry.describe(outcome));
					yield id;
				}
			};
		}
		noticeCookie(request, response, notice);
		// for the flow inspector's logout timeline (outcome only, never the token)
		request.setAttribute(Revocation.ATTRIBUTE, outcome.took((System.nanoTime() - started) / 1_000_000));
	}

	/**
	 * Sets the logged-out page's cookie, or clears one an earlier logout may have left
	 * (the cookie is not sent here, so it cannot be seen). HttpOnly, for
	 * {@code /logged-out} only; Lax, since it must come back on Cognito's cross-site
	 * redirect there. Its value is a random id (or {@code refused}) that tells nothing
	 * about the token.
	 */
	private static void noticeCookie(HttpServletRequest request, HttpServletResponse response, String value) {
		ResponseCookie cookie = ResponseCookie.from(RevocationRetry.COOKIE, (value != null) ? value : "")
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.path(request.getContextPath() + "/logged-out")
			.maxAge((value != null) ? RevocationRetry.COOKIE_MAX_AGE : Duration.ZERO)
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

}

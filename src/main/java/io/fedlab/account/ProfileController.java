package io.fedlab.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import io.fedlab.cognito.AppProperties;
import io.fedlab.cognito.UserPoolProfile;
import io.fedlab.cognito.CallFailure;
import io.fedlab.cognito.UserPoolProfileException;
import io.fedlab.cognito.UserPoolProfiles;
import io.fedlab.security.RefreshOutcome;
import io.fedlab.security.TokenRefresher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The profile page: identity, the three tokens, the user-pool profile; and the "Refresh
 * tokens" action.
 */
@Controller
class ProfileController {

	static final String VIEW = "account/profile";

	static final String AWS_SCOPE = "aws.cognito.signin.user.admin";

	private final OAuth2AuthorizedClientManager authorizedClients;

	private final UserPoolProfiles userPoolProfiles;

	private final TokenRefresher tokenRefresher;

	private final AppProperties app;

	ProfileController(OAuth2AuthorizedClientManager authorizedClients, UserPoolProfiles userPoolProfiles,
			TokenRefresher tokenRefresher, AppProperties app) {
		this.authorizedClients = authorizedClients;
		this.userPoolProfiles = userPoolProfiles;
		this.tokenRefresher = tokenRefresher;
		this.app = app;
	}

	@GetMapping("/profile")
	String showProfile(OAuth2AuthenticationToken authentication, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		OAuth2AuthorizedClient client = null;
		String tokensError = null;
		try {
			// The manager refreshes an expired access token here (and Spring validates
			// the new ID token)
			client = this.authorizedClients.authorize(
					OAuth2AuthorizeRequest.withClientRegistrationId(authentication.getAuthorizedClientRegistrationId())
						.principal(authentication)
						.attribute(HttpServletRequest.class.getName(), request)
						.attribute(HttpServletResponse.class.getName(), response)
						.build());
		}
		catch (ClientAuthorizationRequiredException ex) {
			throw ex;
		}
		catch (OAuth2AuthorizationException ex) {
			// an expired access token whose refresh got no answer is an outage, not a
			// broken session
			tokensError = CallFailure.of(ex)
				.map((failure) -> failure.name().toLowerCase(Locale.ROOT))
				.orElseGet(() -> safeCode(ex.getError().getErrorCode()));
		}
		UserPoolProfile userPool = null;
		String userPoolError = null;
		if (client != null) {
			if (!client.getAccessToken().getScopes().contains(AWS_SCOPE)) {
				userPoolError = "scope";
			}
			else {
				try {
					userPool = this.userPoolProfiles.fetch(client.getAccessToken().getTokenValue());
				}
				catch (UserPoolProfileException ex) {
					userPoolError = ex.errorCode();
				}
			}
		}
		OidcUser user = currentUser(authentication);
		Instant now = Instant.now();
		model.addAttribute("profile", ProfileViews.of(user, client, userPool, userPoolError, tokensError, now,
				this.app.profile().showRawTokens()));
		if (userPool != null && userPool.fetchedAt() != null) {
			model.addAttribute("userPoolAge", Math.max(0, Duration.between(userPool.fetchedAt(), now).toSeconds()));
			model.addAttribute("userPoolKeptFor", this.userPoolProfiles.keptFor().toSeconds());
		}
		return VIEW;
	}

	/**
	 * Drops the kept {@code GetUser} answer, so that the page asks Cognito again.
	 */
	@PostMapping("/profile/user-pool/reload")
	String reloadUserPool(OAuth2AuthenticationToken authentication, HttpServletRequest request,
			HttpServletResponse response) {
		OAuth2AuthorizedClient client = this.authorizedClients.authorize(
				OAuth2AuthorizeRequest.withClientRegistrationId(authentication.getAuthorizedClientRegistrationId())
					.principal(authentication)
					.attribute(HttpServletRequest.class.getName(), request)
					.attribute(HttpServletResponse.class.getName(), response)
					.build());
		if (client != null) {
			this.userPoolProfiles.forget(client.getAccessToken().getTokenValue());
		}
		return "redirect:/profile";
	}

	@PostMapping("/profile/refresh")
	String refreshTokens(OAuth2AuthenticationToken authentication, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		RefreshOutcome outcome = this.tokenRefresher.refreshNow(authentication, request, response);
		redirect.addFlashAttribute("refresh", outcome);
		return "redirect:/profile";
	}

	static String safeCode(String code) {
		return (code != null && code.matches("[a-z_]{1,64}")) ? code : "unknown";
	}

	/**
	 * The principal after a possible refresh, which replaces the authentication in the
	 * security context.
	 */
	private static OidcUser currentUser(OAuth2AuthenticationToken fallback) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (current != null && current.getPrincipal() instanceof OidcUser user) {
			return user;
		}
		return (OidcUser) fallback.getPrincipal();
	}

}

package io.fedlab.security;

import java.util.Base64;
import java.util.function.Consumer;

import io.fedlab.cognito.CognitoProperties;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Spring's {@link DefaultOAuth2AuthorizationRequestResolver} (state, nonce and PKCE S256
 * stay its defaults: emulated-behaviour.md §R2) plus {@code identity_provider=<name>},
 * which makes Cognito skip its chooser (emulated-behaviour.md §C1.2).
 * <p>
 * A sign-in restarted after a callback without a pending request ({@code ?restart}) gets
 * a {@code state} with the {@value #RESTART_STATE_PREFIX} prefix. Cognito echoes
 * {@code state}, so if that callback fails the same way the failure handler sees the
 * prefix and stops instead of looping, even when the browser sends no cookie at all.
 */
final class CognitoAuthorizationRequestResolver implements OAuth2AuthorizationRequestResolver {

	static final String RESTART_PARAMETER = "restart";

	static final String RESTART_STATE_PREFIX = "restart-";

	static final String IDENTITY_PROVIDER_PARAMETER = "identity_provider";

	private final ClientRegistrationRepository registrations;

	private final RequestMatcher authorizationPaths = PathPatternRequestMatcher.withDefaults()
		.matcher(OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI + "/{registrationId}");

	private final DefaultOAuth2AuthorizationRequestResolver first;

	private final DefaultOAuth2AuthorizationRequestResolver restart;

	CognitoAuthorizationRequestResolver(ClientRegistrationRepository registrations, CognitoProperties cognito) {
		this.registrations = registrations;
		String baseUri = OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI;
		StringKeyGenerator stateGenerator = new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(), 32);
		Consumer<OAuth2AuthorizationRequest.Builder> identityProvider = identityProvider(cognito);
		this.first = new DefaultOAuth2AuthorizationRequestResolver(registrations, baseUri);
		this.first.setAuthorizationRequestCustomizer(identityProvider);
		this.restart = new DefaultOAuth2AuthorizationRequestResolver(registrations, baseUri);
		this.restart.setAuthorizationRequestCustomizer(identityProvider
			.andThen((builder) -> builder.state(RESTART_STATE_PREFIX + stateGenerator.generateKey())));
	}

	private static Consumer<OAuth2AuthorizationRequest.Builder> identityProvider(CognitoProperties cognito) {
		if (!cognito.sendIdentityProvider()) {
			return (builder) -> {
			};
		}
		return (builder) -> builder.additionalParameters(
				(parameters) -> parameters.put(IDENTITY_PROVIDER_PARAMETER, cognito.identityProvider()));
	}

	/**
	 * Called by Spring for every request. The path is checked before any parameter is
	 * read, and an unknown registration id is no sign-in (Spring's resolver would throw,
	 * which its filter answers with 500): the request goes on and ends as a 404.
	 */
	@Override
	public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
		RequestMatcher.MatchResult match = this.authorizationPaths.matcher(request);
		if (!match.isMatch()) {
			return null;
		}
		String registrationId = match.getVariables().get("registrationId");
		if (registrationId == null || this.registrations.findByRegistrationId(registrationId) == null) {
			return null;
		}
		return resolver(request).resolve(request, registrationId);
	}

	@Override
	public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
		if (clientRegistrationId == null || this.registrations.findByRegistrationId(clientRegistrationId) == null) {
			return null;
		}
		return resolver(request).resolve(request, clientRegistrationId);
	}

	private DefaultOAuth2AuthorizationRequestResolver resolver(HttpServletRequest request) {
		return (request.getParameter(RESTART_PARAMETER) != null) ? this.restart : this.first;
	}

	static boolean isRestartedFlow(HttpServletRequest callback) {
		String state = callback.getParameter("state");
		return state != null && state.startsWith(RESTART_STATE_PREFIX);
	}

}

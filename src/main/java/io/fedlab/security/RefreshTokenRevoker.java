package io.fedlab.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.fedlab.cognito.CognitoProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * On logout, drops the authorized client (so the tokens are gone even before the session
 * is invalidated: rp-security.md §4.2 item 8) and revokes the refresh token at the pool
 * domain's {@code /oauth2/revoke}, which also kills the access and ID tokens issued from
 * it (cognito.md §1.8). A failure is logged by its error code and logout carries on: the
 * user must always be able to leave.
 */
final class RefreshTokenRevoker implements LogoutHandler {

	private static final Logger logger = LoggerFactory.getLogger(RefreshTokenRevoker.class);

	private final OAuth2AuthorizedClientRepository authorizedClients;

	private final CognitoProperties cognito;

	private final RestClient restClient;

	RefreshTokenRevoker(OAuth2AuthorizedClientRepository authorizedClients, CognitoProperties cognito,
			RestClient restClient) {
		this.authorizedClients = authorizedClients;
		this.cognito = cognito;
		this.restClient = restClient;
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
		if (client.getRefreshToken() != null) {
			outcome = revoke(client.getClientRegistration(), client.getRefreshToken().getTokenValue());
		}
		// for the flow inspector's logout timeline (outcome only, never the token)
		request.setAttribute(Revocation.ATTRIBUTE, outcome.took((System.nanoTime() - started) / 1_000_000));
	}

	Revocation revoke(ClientRegistration registration, String refreshToken) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("token", refreshToken);
		try {
			int status = this.restClient.post()
				.uri(this.cognito.domainBase() + "/oauth2/revoke")
				.headers((headers) -> headers.setBasicAuth(formEncode(registration.getClientId()),
						formEncode(registration.getClientSecret()), StandardCharsets.UTF_8))
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.accept(MediaType.APPLICATION_JSON)
				.body(form)
				.retrieve()
				.toBodilessEntity()
				.getStatusCode()
				.value();
			logger.info("Refresh token revoked at logout");
			return new Revocation("revoked", status, null, 0);
		}
		catch (RestClientResponseException ex) {
			String error = errorCode(ex);
			logger.warn("Refresh token revocation failed: HTTP {} {}", ex.getStatusCode().value(), error);
			return new Revocation("failed", ex.getStatusCode().value(), error, 0);
		}
		catch (ResourceAccessException ex) {
			logger.warn("Refresh token revocation failed: the pool domain could not be reached");
			return new Revocation("unreachable", 0, null, 0);
		}
		catch (RestClientException ex) {
			logger.warn("Refresh token revocation failed: {}", ex.getClass().getSimpleName());
			return new Revocation("failed", 0, null, 0);
		}
	}

	// RFC 6749 §2.3.1: client_id and client_secret are form-encoded before Basic encoding
	private static String formEncode(String value) {
		return URLEncoder.encode((value != null) ? value : "", StandardCharsets.UTF_8);
	}

	private static String errorCode(RestClientResponseException ex) {
		try {
			Map<String, Object> body = ex.getResponseBodyAs(new ParameterizedTypeReference<Map<String, Object>>() {
			});
			Object error = (body != null) ? body.get("error") : null;
			return SignInErrorCatalogue.safeCode((error != null) ? error.toString() : null);
		}
		catch (RuntimeException notJson) {
			return "unknown";
		}
	}

}

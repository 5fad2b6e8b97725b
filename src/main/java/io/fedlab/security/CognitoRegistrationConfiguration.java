package io.fedlab.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fedlab.cognito.BackChannelProperties;
import io.fedlab.cognito.CallFailure;
import io.fedlab.cognito.CognitoCalls;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthenticationMethod;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * The client registrations of {@code spring.security.oauth2.client.*}, each built from
 * its issuer's OpenID discovery document as Boot builds them, except that the document is
 * fetched through the app's back-channel client: Spring's own fetch waits up to 30 s to
 * connect and 30 s to read, settable by nobody. The issuer must match exactly, as Spring
 * requires (OpenID Connect Discovery §4.3), and a failure says what to fix in one message
 * ({@link IssuerDiscoveryException}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OAuth2ClientProperties.class)
class CognitoRegistrationConfiguration {

	static final String DISCOVERY_PATH = "/.well-known/openid-configuration";

	@Bean
	InMemoryClientRegistrationRepository clientRegistrationRepository(OAuth2ClientProperties properties,
			CognitoCalls calls) {
		RestClient client = RestClient.builder().requestFactory(calls.requestFactory()).build();
		List<ClientRegistration> registrations = new ArrayList<>();
		properties.getRegistration()
			.forEach((id, registration) -> registrations
				.add(registration(id, registration, properties, client, calls.settings())));
		return new InMemoryClientRegistrationRepository(registrations);
	}

	private static ClientRegistration registration(String id, OAuth2ClientProperties.Registration registration,
			OAuth2ClientProperties properties, RestClient client, BackChannelProperties limits) {
		String providerId = StringUtils.hasText(registration.getProvider()) ? registration.getProvider() : id;
		OAuth2ClientProperties.Provider provider = properties.getProvider().get(providerId);
		if (provider == null || !StringUtils.hasText(provider.getIssuerUri())) {
			throw new IllegalStateException("Client registration '" + id + "' needs provider '" + providerId
					+ "' with an issuer-uri: this app discovers every provider from its issuer");
		}
		String issuer = provider.getIssuerUri();
		ClientRegistration.Builder builder = ClientRegistrations.fromOidcConfiguration(discover(client, issuer, limits))
			.registrationId(id)
			.clientId(registration.getClientId())
			.clientSecret(registration.getClientSecret())
			.redirectUri(registration.getRedirectUri())
			.clientName(StringUtils.hasText(registration.getClientName()) ? registration.getClientName() : id);
		if (StringUtils.hasText(registration.getClientAuthenticationMethod())) {
			builder.clientAuthenticationMethod(
					new ClientAuthenticationMethod(registration.getClientAuthenticationMethod()));
		}
		if (StringUtils.hasText(registration.getAuthorizationGrantType())) {
			builder.authorizationGrantType(new AuthorizationGrantType(registration.getAuthorizationGrantType()));
		}
		if (registration.getScope() != null) {
			builder.scope(registration.getScope());
		}
		if (StringUtils.hasText(provider.getUserNameAttribute())) {
			builder.userNameAttributeName(provider.getUserNameAttribute());
		}
		if (StringUtils.hasText(provider.getUserInfoAuthenticationMethod())) {
			builder.userInfoAuthenticationMethod(new AuthenticationMethod(provider.getUserInfoAuthenticationMethod()));
		}
		return builder.build();
	}

	static Map<String, Object> discover(RestClient client, String issuer, BackChannelProperties limits) {
		Map<String, Object> metadata;
		try {
			metadata = client.get()
				.uri(issuer + DISCOVERY_PATH)
				.accept(MediaType.APPLICATION_JSON)
				.retrieve()
				.body(new ParameterizedTypeReference<Map<String, Object>>() {
				});
		}
		catch (RestClientResponseException ex) {
			throw IssuerDiscoveryException.unreachable(issuer, "HTTP " + ex.getStatusCode().value());
		}
		catch (RestClientException ex) {
			Optional<CallFailure> failure = CallFailure.of(ex);
			String reason = failure.map((kind) -> switch (kind) {
				case TIMEOUT -> "no answer within " + limits.readTimeout().toSeconds() + " s";
				case UNREACHABLE -> "no connection within " + limits.connectTimeout().toSeconds() + " s";
				case BUSY -> "too many calls in progress";
			}).orElse("not a JSON document");
			throw IssuerDiscoveryException.unreachable(issuer, reason);
		}
		Object discovered = (metadata != null) ? metadata.get("issuer") : null;
		if (!issuer.equals(discovered)) {
			throw IssuerDiscoveryException.mismatch(issuer, String.valueOf(discovered));
		}
		return metadata;
	}

}

package io.fedlab.security;

import io.fedlab.cognito.CognitoCalls;

import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * Spring Security's HTTP clients for each hop to Cognito, configured as Spring configures
 * them by default (same converters, same error handler) but on {@link CognitoCalls}: the
 * configured timeouts and the bulkhead. Spring's defaults have no read timeout, so a
 * Cognito that never answers would hold the request thread for ever.
 */
final class BackChannelClients {

	private BackChannelClients() {
	}

	/**
	 * For the code and refresh grants at {@code /oauth2/token}: the client that
	 * {@code AbstractRestClientOAuth2AccessTokenResponseClient} builds by default.
	 */
	static RestClient tokenEndpoint(CognitoCalls calls) {
		return RestClient.builder()
			.requestFactory(calls.requestFactory())
			.requestInterceptor(calls.bulkhead())
			.configureMessageConverters((converters) -> converters.addCustomConverter(new FormHttpMessageConverter())
				.addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
			.defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
			.build();
	}

	/**
	 * For {@code /oauth2/userInfo}: the {@code RestTemplate} that
	 * {@code DefaultOAuth2UserService} builds by default.
	 */
	static RestTemplate userInfoEndpoint(CognitoCalls calls) {
		RestTemplate rest = plain(calls);
		rest.setErrorHandler(new OAuth2ErrorResponseErrorHandler());
		return rest;
	}

	/** For the pool's key set ({@code <issuer>/.well-known/jwks.json}). */
	static RestTemplate keySet(CognitoCalls calls) {
		return plain(calls);
	}

	/** For {@code /oauth2/revoke} at logout. */
	static RestClient revocationEndpoint(CognitoCalls calls) {
		return RestClient.builder().requestFactory(calls.requestFactory()).requestInterceptor(calls.bulkhead()).build();
	}

	private static RestTemplate plain(CognitoCalls calls) {
		RestTemplate rest = new RestTemplate(calls.requestFactory());
		rest.getInterceptors().add(calls.bulkhead());
		return rest;
	}

}

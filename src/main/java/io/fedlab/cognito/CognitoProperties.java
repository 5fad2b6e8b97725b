package io.fedlab.cognito;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Cognito user pool and app client this relying party signs in with
 * ({@code app.cognito.*}).
 * <p>
 * The client secret is deliberately not a component: a record's {@code toString()} prints
 * every component, so the secret stays in
 * {@code spring.security.oauth2.client.registration.cognito.client-secret}.
 *
 * @param region AWS region of the pool, e.g. {@code us-east-1}
 * @param userPoolId pool id, e.g. {@code us-east-1_AbC123}
 * @param clientId app client id
 * @param domain base URL of the pool domain (hosted UI, {@code /oauth2/*},
 * {@code /logout}); emulated-behaviour.md §C1.1
 * @param issuerUri the issuer; always set so Spring checks {@code iss}
 * (emulated-behaviour.md §R3 item 1)
 * @param apiEndpoint endpoint override for the JSON API (the local emulator), or
 * {@code null} for the SDK default
 * @param identityProvider the provider name sent as {@code identity_provider}
 * (case-sensitive; emulated-behaviour.md §C7.10)
 * @param sendIdentityProvider whether to send {@code identity_provider} (skips Cognito's
 * chooser)
 */
@ConfigurationProperties("app.cognito")
public record CognitoProperties(String region, String userPoolId, String clientId, URI domain, URI issuerUri,
		URI apiEndpoint, @DefaultValue("Auth0") String identityProvider,
		@DefaultValue("true") boolean sendIdentityProvider) {

	/**
	 * The pool domain without a trailing slash, ready to have a path appended.
	 * @return the domain as a string
	 */
	public String domainBase() {
		return stripTrailingSlash(String.valueOf(this.domain));
	}

	static String stripTrailingSlash(String value) {
		return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
	}

}

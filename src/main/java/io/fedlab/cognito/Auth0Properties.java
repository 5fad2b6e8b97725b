package io.fedlab.cognito;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Auth0 tenant Cognito federates to ({@code app.auth0.*}). The app never talks to
 * Auth0 except to send the browser through {@code /v2/logout} (emulated-behaviour.md
 * §A10), which needs the tenant URL and the Auth0 application's client id.
 *
 * @param domain tenant base URL, e.g. {@code https://tenant.us.auth0.com}
 * @param clientId client id of the Auth0 application that Cognito uses
 */
@ConfigurationProperties("app.auth0")
public record Auth0Properties(URI domain, String clientId) {

	/**
	 * The tenant URL without a trailing slash.
	 * @return the domain as a string
	 */
	public String domainBase() {
		return CognitoProperties.stripTrailingSlash(String.valueOf(this.domain));
	}

}

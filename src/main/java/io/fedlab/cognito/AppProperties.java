package io.fedlab.cognito;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the relying party itself ({@code app.*}).
 *
 * @param baseUrl the public base URL of this app; the callback and sign-out URLs are
 * built from it (never from request headers: emulated-behaviour.md §R3 item 5)
 * @param adminGroup the Cognito group whose members may open {@code /admin}
 * @param logout how logout leaves the identity providers
 * @param profile profile-page options
 * @param trustedProxies Tomcat regex of proxies whose {@code X-Forwarded-*} headers are
 * honoured; empty = none
 */
@ConfigurationProperties("app")
public record AppProperties(URI baseUrl, @DefaultValue("admins") String adminGroup, @DefaultValue Logout logout,
		@DefaultValue Profile profile, @DefaultValue("") String trustedProxies) {

	/**
	 * The base URL without a trailing slash.
	 * @return the base URL as a string
	 */
	public String base() {
		return CognitoProperties.stripTrailingSlash(String.valueOf(this.baseUrl));
	}

	/**
	 * The redirect URI registered with Cognito.
	 * @return {@code <base>/login/oauth2/code/cognito}
	 */
	public String callbackUrl() {
		return base() + "/login/oauth2/code/cognito";
	}

	/**
	 * The public page the logout chain ends on.
	 * @return {@code <base>/logged-out}
	 */
	public String loggedOutUrl() {
		return base() + "/logged-out";
	}

	/**
	 * Logout options.
	 *
	 * @param mode where the browser is sent after the app session has ended
	 */
	public record Logout(@DefaultValue("auth0-and-cognito") LogoutMode mode) {

	}

	/**
	 * Profile page options.
	 *
	 * @param showRawTokens whether the raw token strings can be revealed on the profile
	 * page (a lab feature: turn it off on a shared deployment, ASVS 10.1.1)
	 * @param userPoolKeptFor how long the profile page keeps a {@code GetUser} answer
	 * before asking Cognito again (zero: every view asks); the page offers a reload
	 */
	public record Profile(@DefaultValue("true") boolean showRawTokens, @DefaultValue("30s") Duration userPoolKeptFor) {

	}

	/**
	 * Where logout sends the browser (emulated-behaviour.md §A10, §C1.9).
	 */
	public enum LogoutMode {

		/**
		 * Auth0 {@code /v2/logout}, whose {@code returnTo} is Cognito {@code /logout}
		 * with {@code logout_uri}, which ends on {@code /logged-out} (pattern A). The
		 * only mode that ends the Auth0 session.
		 */
		AUTH0_AND_COGNITO,

		/**
		 * Cognito {@code /logout?client_id&logout_uri} only: the Auth0 session stays, so
		 * the next sign-in is silent.
		 */
		COGNITO_ONLY,

		/**
		 * Cognito {@code /logout?client_id&redirect_uri&response_type=code}: clears the
		 * Cognito session and shows its sign-in page again (the shape of the Auth0
		 * "Allowed Logout URLs" in the setup article, emulated-behaviour.md §S1).
		 */
		COGNITO_RELOGIN

	}

}

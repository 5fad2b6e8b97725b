package io.fedlab.security;

import io.fedlab.cognito.AppProperties;
import io.fedlab.cognito.Auth0Properties;
import io.fedlab.cognito.CognitoProperties;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The URL the browser goes to after the app session has ended, for each
 * {@link AppProperties.LogoutMode}. Values are template variables expanded after
 * {@code encode()}, so each is strictly percent-encoded and a nested URL keeps its own
 * encoding (a second level of {@code %25}).
 */
final class CognitoLogoutUrls {

	private final CognitoProperties cognito;

	private final Auth0Properties auth0;

	private final AppProperties app;

	CognitoLogoutUrls(CognitoProperties cognito, Auth0Properties auth0, AppProperties app) {
		this.cognito = cognito;
		this.auth0 = auth0;
		this.app = app;
	}

	String target() {
		return switch (this.app.logout().mode()) {
			case AUTH0_AND_COGNITO -> auth0ThenCognito();
			case COGNITO_ONLY -> cognitoLogout();
			case COGNITO_RELOGIN -> cognitoRelogin();
		};
	}

	/**
	 * Pattern A of emulated-behaviour.md §A10: Auth0 {@code /v2/logout} first (Cognito's
	 * {@code /logout} never ends the Auth0 session: emulated-behaviour.md §C9 fact 2),
	 * its {@code returnTo} being Cognito's {@code /logout}. Auth0 matches
	 * {@code returnTo} against "Allowed Logout URLs" ignoring the query
	 * (emulated-behaviour.md §A5).
	 */
	String auth0ThenCognito() {
		return UriComponentsBuilder.fromUriString(this.auth0.domainBase())
			.path("/v2/logout")
			.queryParam("client_id", "{clientId}")
			.queryParam("returnTo", "{returnTo}")
			.encode()
			.buildAndExpand(this.auth0.clientId(), cognitoLogout())
			.toUriString();
	}

	/**
	 * Cognito {@code /logout} form A: {@code client_id} + {@code logout_uri}, which must
	 * be one of the app client's sign-out URLs exactly (emulated-behaviour.md §C1.9,
	 * §C2). Not OIDC RP-initiated logout (emulated-behaviour.md §R3 item 9).
	 */
	String cognitoLogout() {
		return UriComponentsBuilder.fromUriString(this.cognito.domainBase())
			.path("/logout")
			.queryParam("client_id", "{clientId}")
			.queryParam("logout_uri", "{logoutUri}")
			.encode()
			.buildAndExpand(this.cognito.clientId(), this.app.loggedOutUrl())
			.toUriString();
	}

	/**
	 * Cognito {@code /logout} form B: clears the Cognito session and shows its sign-in
	 * page, which then calls back without a {@code state} of ours; the failure handler
	 * restarts a proper sign-in (emulated-behaviour.md §C1.9).
	 */
	String cognitoRelogin() {
		return UriComponentsBuilder.fromUriString(this.cognito.domainBase())
			.path("/logout")
			.queryParam("client_id", "{clientId}")
			.queryParam("redirect_uri", "{redirectUri}")
			.queryParam("response_type", "code")
			.encode()
			.buildAndExpand(this.cognito.clientId(), this.app.callbackUrl())
			.toUriString();
	}

}

package io.fedlab.provisioning;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The values of the setup article's "Configure Auth0", corrected as emulated-behaviour.md
 * §S1 says.
 */
class Auth0ChecklistTests {

	private final Auth0Checklist checklist = new Auth0Checklist("https://fedlab.auth.eu-west-1.amazoncognito.com/",
			"client123", "https://app.example.com/login/oauth2/code/cognito", "https://app.example.com",
			"https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_A");

	@Test
	void allowedCallbackUrlWhenDomainHasTrailingSlashThenIdpResponseWithoutDoubleSlash() {
		assertThat(this.checklist.allowedCallbackUrl())
			.isEqualTo("https://fedlab.auth.eu-west-1.amazoncognito.com/oauth2/idpresponse");
	}

	@Test
	void applicationLoginUriWhenAppServedOverHttpsThenTheAppsSignInRouteNeverCognitosLogin() {
		// Cognito's /login would bring the app a code it never asked for
		// (emulated-behaviour.md §A8, §S1).
		assertThat(this.checklist.applicationLoginUri())
			.isEqualTo("https://app.example.com/oauth2/authorization/cognito");
		assertThat(this.checklist.render(null))
			.contains("Application Login URI: https://app.example.com/oauth2/authorization/cognito")
			.doesNotContain("/login?");
	}

	@Test
	void applicationLoginUriWhenAppHasAPathThenItIsKept() {
		Auth0Checklist behindPath = new Auth0Checklist("https://fedlab.auth.eu-west-1.amazoncognito.com", "c",
				"https://example.com/fedlab/login/oauth2/code/cognito", "https://example.com", null);

		assertThat(behindPath.applicationLoginUri())
			.isEqualTo("https://example.com/fedlab/oauth2/authorization/cognito");
	}

	@Test
	void applicationLoginUriWhenAppOnLocalhostThenLeftEmptyEvenWithAnHttpsCognitoDomain() {
		Auth0Checklist local = new Auth0Checklist("https://fedlab.auth.eu-west-1.amazoncognito.com", "c",
				"http://localhost:8080/login/oauth2/code/cognito", "http://localhost:8080", "http://localhost:9229/p");

		assertThat(local.auth0Settings()).filteredOn((e) -> e.setting().equals("Application Login URI"))
			.singleElement()
			.satisfies((e) -> assertThat(e.value()).isEmpty());
		assertThat(local.render(null)).contains("Application Login URI: (leave empty)");
	}

	@Test
	void acceptedAsApplicationLoginUriWhenNotHttpsOrLoopbackThenRefused() {
		assertThat(Auth0Checklist.acceptedAsApplicationLoginUri("https://app.example.com")).isTrue();
		assertThat(Auth0Checklist.acceptedAsApplicationLoginUri("http://app.example.com")).isFalse();
		assertThat(Auth0Checklist.acceptedAsApplicationLoginUri("https://localhost:8443")).isFalse();
		assertThat(Auth0Checklist.acceptedAsApplicationLoginUri("https://127.0.0.1")).isFalse();
		assertThat(Auth0Checklist.acceptedAsApplicationLoginUri("https://[::1]:8443")).isFalse();
		assertThat(Auth0Checklist.acceptedAsApplicationLoginUri(null)).isFalse();
	}

	@Test
	void logoutUrlWhenRenderedThenCognitoLogoutWithoutQuery() {
		// Auth0 ignores the query of returnTo when matching Allowed Logout URLs
		// (emulated-behaviour.md
		// §A10 pattern A).
		assertThat(this.checklist.allowedLogoutUrl())
			.isEqualTo("https://fedlab.auth.eu-west-1.amazoncognito.com/logout");
	}

	@Test
	void renderWhenCalledThenListsEveryAuth0SettingAndTheAppEnvironment() {
		String text = this.checklist.render(null);

		assertThat(text).contains(
				"Allowed Callback URLs: https://fedlab.auth.eu-west-1.amazoncognito.com/oauth2/idpresponse",
				"Allowed Web Origins: https://app.example.com", "Allowed Origins (CORS): https://app.example.com",
				"Allowed Logout URLs: https://fedlab.auth.eu-west-1.amazoncognito.com/logout",
				"Token Endpoint Authentication Method: Client Secret (Post)",
				"COGNITO_ISSUER_URI=https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_A",
				"COGNITO_DOMAIN=https://fedlab.auth.eu-west-1.amazoncognito.com", "COGNITO_CLIENT_ID=client123");
		assertThat(this.checklist.appEnvironment(null)).doesNotContainKey(Auth0Checklist.ENV_CLIENT_SECRET);
		assertThat(this.checklist.appEnvironment("s")).containsEntry(Auth0Checklist.ENV_CLIENT_SECRET, "s");
	}

}

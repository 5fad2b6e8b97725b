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
	void applicationLoginUriWhenHttpsDomainThenCognitoLoginForTheClientBackToTheApp() {
		assertThat(this.checklist.applicationLoginUri())
			.isEqualTo("https://fedlab.auth.eu-west-1.amazoncognito.com/login?response_type=code&client_id=client123"
					+ "&redirect_uri=https%3A%2F%2Fapp.example.com%2Flogin%2Foauth2%2Fcode%2Fcognito");
		assertThat(this.checklist.applicationLoginUriAccepted()).isTrue();
	}

	@Test
	void applicationLoginUriWhenLocalhostThenLeftEmpty() {
		Auth0Checklist local = new Auth0Checklist("http://localhost:9230", "c", "http://localhost:8080/cb",
				"http://localhost:8080", "http://localhost:9229/p");

		assertThat(local.applicationLoginUriAccepted()).isFalse();
		assertThat(local.auth0Settings()).filteredOn((e) -> e.setting().equals("Application Login URI"))
			.singleElement()
			.satisfies((e) -> assertThat(e.value()).isEmpty());
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

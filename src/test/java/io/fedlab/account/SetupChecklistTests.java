package io.fedlab.account;

import java.net.URI;
import java.time.Duration;

import io.fedlab.account.SetupChecklist.Item;
import io.fedlab.cognito.AppProperties;
import io.fedlab.cognito.AppProperties.LogoutMode;
import io.fedlab.cognito.Auth0Properties;
import io.fedlab.cognito.CognitoProperties;
import io.fedlab.provisioning.Auth0Checklist;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The /setup page's values, checked against the definition {@code setup} prints from, so
 * the page and the command give one answer (emulated-behaviour.md §A8).
 */
class SetupChecklistTests {

	private static final CognitoProperties COGNITO = new CognitoProperties("eu-west-1", "eu-west-1_AbC123",
			"56n22b8e18jdfa6kf4n3gcm6t9", URI.create("https://fedlab.auth.eu-west-1.amazoncognito.com"), null, null,
			"Auth0", true);

	private static final Auth0Properties AUTH0 = new Auth0Properties(URI.create("https://tenant.eu.auth0.com/"),
			"a0client");

	@Test
	void loginUriWhenAppServedOverHttpsThenTheAppsSignInRouteAsSetupPrintsIt() {
		Item item = loginUri("https://app.example.com/");

		assertThat(item.value()).isEqualTo("https://app.example.com/oauth2/authorization/cognito");
		assertThat(item.noteKey()).isEqualTo("setup.auth0.login-uri.note");
		Auth0Checklist printed = new Auth0Checklist(COGNITO.domainBase(), COGNITO.clientId(),
				"https://app.example.com/login/oauth2/code/cognito", "https://app.example.com", null);
		assertThat(printed.auth0Settings()).filteredOn((entry) -> entry.setting().equals("Application Login URI"))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.value()).isEqualTo(item.value()));
	}

	@Test
	void loginUriWhenAppOnLocalhostThenLeftEmptyEvenWithAnHttpsCognitoDomain() {
		Item item = loginUri("http://localhost:8080");

		assertThat(item.value()).isEmpty();
		assertThat(item.noteKey()).isEqualTo("setup.auth0.login-uri.empty.note");
	}

	@Test
	void loginUriWhenHttpsOnLoopbackThenLeftEmpty() {
		assertThat(loginUri("https://localhost:8443").value()).isEmpty();
		assertThat(loginUri("https://127.0.0.1:8443").value()).isEmpty();
	}

	private static Item loginUri(String baseUrl) {
		AppProperties app = new AppProperties(URI.create(baseUrl), "admins",
				new AppProperties.Logout(LogoutMode.AUTH0_AND_COGNITO),
				new AppProperties.Profile(true, Duration.ofSeconds(30)), "");
		return SetupChecklist.of(COGNITO, AUTH0, app)
			.stream()
			.flatMap((section) -> section.items().stream())
			.filter((item) -> item.key().equals("setup.auth0.login-uri"))
			.findFirst()
			.orElseThrow();
	}

}

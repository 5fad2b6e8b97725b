package io.fedlab.security;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.fedlab.cognito.AppProperties;
import io.fedlab.cognito.AppProperties.LogoutMode;
import io.fedlab.cognito.Auth0Properties;
import io.fedlab.cognito.CognitoProperties;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

class CognitoLogoutUrlsTests {

	static final String COGNITO_ONLY = "http://localhost:9230/logout?client_id=testclient123"
			+ "&logout_uri=http%3A%2F%2Flocalhost%3A8080%2Flogged-out";

	static final String AUTH0_THEN_COGNITO = "http://localhost:9240/v2/logout?client_id=auth0client456"
			+ "&returnTo=http%3A%2F%2Flocalhost%3A9230%2Flogout%3Fclient_id%3Dtestclient123"
			+ "%26logout_uri%3Dhttp%253A%252F%252Flocalhost%253A8080%252Flogged-out";

	static final String COGNITO_RELOGIN = "http://localhost:9230/logout?client_id=testclient123"
			+ "&redirect_uri=http%3A%2F%2Flocalhost%3A8080%2Flogin%2Foauth2%2Fcode%2Fcognito&response_type=code";

	@Test
	void logoutWhenAuth0AndCognitoModeThenAuth0V2LogoutWrapsCognitoLogout() throws Exception {
		assertThat(target(LogoutMode.AUTH0_AND_COGNITO)).isEqualTo(AUTH0_THEN_COGNITO);
	}

	@Test
	void logoutWhenAuth0AndCognitoModeThenReturnToDecodesToExactlyTheCognitoLogoutUrl() {
		String returnTo = UriComponentsBuilder.fromUri(URI.create(AUTH0_THEN_COGNITO))
			.build()
			.getQueryParams()
			.getFirst("returnTo");
		String cognitoLogout = URLDecoder.decode(returnTo, StandardCharsets.UTF_8);
		assertThat(cognitoLogout).isEqualTo(COGNITO_ONLY);
		String logoutUri = UriComponentsBuilder.fromUri(URI.create(cognitoLogout))
			.build()
			.getQueryParams()
			.getFirst("logout_uri");
		assertThat(URLDecoder.decode(logoutUri, StandardCharsets.UTF_8)).isEqualTo("http://localhost:8080/logged-out");
	}

	@Test
	void logoutWhenCognitoOnlyModeThenCognitoLogoutWithClientIdAndLogoutUri() throws Exception {
		// emulated-behaviour.md §C1.9 form A: client_id + logout_uri, no id_token_hint /
		// post_logout_redirect_uri
		assertThat(target(LogoutMode.COGNITO_ONLY)).isEqualTo(COGNITO_ONLY);
	}

	@Test
	void logoutWhenCognitoReloginModeThenCognitoLogoutWithRedirectUriAndResponseType() throws Exception {
		// emulated-behaviour.md §C1.9 form B
		assertThat(target(LogoutMode.COGNITO_RELOGIN)).isEqualTo(COGNITO_RELOGIN);
	}

	@Test
	void logoutWhenRealDomainsWithTrailingSlashesThenNoDoubleSlashes() {
		CognitoProperties cognito = new CognitoProperties("eu-west-1", "eu-west-1_AbC123", "56n22b8e18jdfa6kf4n3gcm6t9",
				URI.create("https://fedlab.auth.eu-west-1.amazoncognito.com/"), null, null, "Auth0", true);
		Auth0Properties auth0 = new Auth0Properties(URI.create("https://tenant.eu.auth0.com/"), "a0client");
		AppProperties app = app(LogoutMode.AUTH0_AND_COGNITO, "https://app.example.com/");
		assertThat(new CognitoLogoutUrls(cognito, auth0, app).target())
			.isEqualTo("https://tenant.eu.auth0.com/v2/logout?client_id=a0client&returnTo="
					+ "https%3A%2F%2Ffedlab.auth.eu-west-1.amazoncognito.com%2Flogout%3Fclient_id%3D"
					+ "56n22b8e18jdfa6kf4n3gcm6t9%26logout_uri%3Dhttps%253A%252F%252Fapp.example.com%252Flogged-out");
	}

	private static String target(LogoutMode mode) throws Exception {
		CognitoLogoutSuccessHandler handler = new CognitoLogoutSuccessHandler(
				new CognitoLogoutUrls(cognito(), auth0(), app(mode, "http://localhost:8080")));
		MockHttpServletResponse response = new MockHttpServletResponse();
		handler.onLogoutSuccess(new MockHttpServletRequest(), response, null);
		return response.getRedirectedUrl();
	}

	static CognitoProperties cognito() {
		return new CognitoProperties("us-east-1", "us-east-1_TestPool1", "testclient123",
				URI.create("http://localhost:9230"), URI.create("http://localhost:9229/us-east-1_TestPool1"),
				URI.create("http://localhost:9229"), "Auth0", true);
	}

	static Auth0Properties auth0() {
		return new Auth0Properties(URI.create("http://localhost:9240"), "auth0client456");
	}

	static AppProperties app(LogoutMode mode, String baseUrl) {
		return new AppProperties(URI.create(baseUrl), "admins", new AppProperties.Logout(mode),
				new AppProperties.Profile(true, Duration.ofSeconds(30)), "");
	}

}

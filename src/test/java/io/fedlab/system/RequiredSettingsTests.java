package io.fedlab.system;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class RequiredSettingsTests {

	@Test
	void problemsWhenEverythingSetThenNone() {
		assertThat(RequiredSettings.problems(complete())).isEmpty();
	}

	@Test
	void problemsWhenNothingSetThenEachMissingSettingWithItsEnvironmentVariable() {
		assertThat(RequiredSettings.problems(new MockEnvironment())).hasSize(9)
			.anySatisfy((problem) -> assertThat(problem).contains("app.cognito.user-pool-id")
				.contains("COGNITO_USER_POOL_ID"))
			.anySatisfy((problem) -> assertThat(problem).contains("COGNITO_CLIENT_SECRET"))
			.anySatisfy((problem) -> assertThat(problem).contains("AUTH0_CLIENT_ID"));
	}

	@Test
	void problemsWhenPlaceholderUnresolvableThenReportedAsMissingNotThrown() {
		MockEnvironment environment = complete();
		environment.setProperty("app.cognito.issuer-uri", "${app.cognito.nothing}");
		assertThat(RequiredSettings.problems(environment)).singleElement()
			.satisfies((problem) -> assertThat(problem).contains("app.cognito.issuer-uri"));
	}

	@Test
	void problemsWhenCognitoOnlyLogoutThenAuth0SettingsNotRequired() {
		MockEnvironment environment = complete();
		environment.setProperty("app.logout.mode", "cognito-only");
		environment.setProperty("app.auth0.domain", "");
		environment.setProperty("app.auth0.client-id", "");
		assertThat(RequiredSettings.problems(environment)).isEmpty();
	}

	@Test
	void problemsWhenDomainIsNotAnAbsoluteUrlThenSaid() {
		MockEnvironment environment = complete();
		environment.setProperty("app.cognito.domain", "fedlab.auth.eu-west-1.amazoncognito.com");
		assertThat(RequiredSettings.problems(environment)).singleElement()
			.satisfies((problem) -> assertThat(problem).contains("absolute http(s) URL").contains("COGNITO_DOMAIN"));
	}

	@Test
	void problemsWhenForwardedHeadersWithoutTrustedProxiesThenRefused() {
		// RFC 9700 §4.13: only a proxy we trust may set X-Forwarded-*
		MockEnvironment environment = complete();
		environment.setProperty("server.forward-headers-strategy", "native");
		assertThat(RequiredSettings.problems(environment)).singleElement()
			.satisfies((problem) -> assertThat(problem).contains("TRUSTED_PROXIES"));
		environment.setProperty("app.trusted-proxies", "10\\.0\\.0\\.\\d+");
		assertThat(RequiredSettings.problems(environment)).isEmpty();
	}

	@Test
	void analyzeWhenInvalidSettingsThenOneMessageListingThemAndTheAction() {
		FailureAnalysis analysis = new InvalidSettingsFailureAnalyzer().analyze(new IllegalStateException("wrapper",
				new InvalidSettingsException(RequiredSettings.problems(new MockEnvironment()))));
		assertThat(analysis.getDescription()).contains("COGNITO_REGION").contains("APP_BASE_URL");
		assertThat(analysis.getAction()).contains("docs/configuration.md");
	}

	static MockEnvironment complete() {
		return new MockEnvironment().withProperty("app.cognito.region", "eu-west-1")
			.withProperty("app.cognito.user-pool-id", "eu-west-1_AbC123")
			.withProperty("app.cognito.client-id", "56n22b8e18jdfa6kf4n3gcm6t9")
			.withProperty("spring.security.oauth2.client.registration.cognito.client-secret", "s3cr3t")
			.withProperty("app.cognito.domain", "https://fedlab.auth.eu-west-1.amazoncognito.com")
			.withProperty("app.cognito.issuer-uri", "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123")
			.withProperty("app.base-url", "https://app.example.com")
			.withProperty("app.auth0.domain", "https://tenant.eu.auth0.com")
			.withProperty("app.auth0.client-id", "a0client");
	}

}

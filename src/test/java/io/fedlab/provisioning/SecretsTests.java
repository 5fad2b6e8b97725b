package io.fedlab.provisioning;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets never appear in the text this package produces (BRIEF: never log a client
 * secret).
 */
class SecretsTests {

	private static final String AUTH0_SECRET = "auth0-very-secret-value";

	private static final String CLIENT_SECRET = "cognitoclientsecret0123456789abcdefghijklmnopqrstuvwx";

	private static SetupConfig config() {
		return SetupConfig.builder()
			.poolName("p")
			.region("eu-west-1")
			.domainPrefix("p")
			.auth0ClientId("c")
			.auth0ClientSecret(AUTH0_SECRET)
			.oidcIssuer("https://t.auth0.com")
			.clientName("web")
			.callbackUrls(List.of("https://app.example.com/cb"))
			.build();
	}

	@Test
	void setupConfigToStringWhenSecretSetThenMasked() {
		assertThat(config().toString()).doesNotContain(AUTH0_SECRET).contains("clientSecret=******", "clientId=c");
		assertThat(config().identityProvider().toString()).doesNotContain(AUTH0_SECRET);
	}

	@Test
	void setupResultToStringWhenSecretSetThenMasked() {
		SetupResult result = new SetupResult("eu-west-1_A", "https://issuer", "https://domain", "id", CLIENT_SECRET,
				List.of(ResourceChange.updated("identity provider", "Auth0",
						List.of("ProviderDetails.client_secret"))));

		assertThat(result.toString()).doesNotContain(CLIENT_SECRET).contains("clientSecret=******");
	}

	@Test
	void checklistWhenSecretNotRequestedThenNotPrinted() {
		SetupResult result = new SetupResult("eu-west-1_A", "https://issuer", "https://domain", "id", CLIENT_SECRET,
				List.of());

		assertThat(result.checklistText(config(), false)).doesNotContain(CLIENT_SECRET).doesNotContain(AUTH0_SECRET);
		assertThat(result.checklistText(config(), true)).contains("COGNITO_CLIENT_SECRET=" + CLIENT_SECRET)
			.doesNotContain(AUTH0_SECRET);
	}

	@Test
	void resourceChangeWhenSecretChangedThenOnlyTheFieldNameIsReported() {
		assertThat(ResourceChange.updated("identity provider", "Auth0", List.of("ProviderDetails.client_secret"))
			.describe(false)).isEqualTo("identity provider Auth0: updated (ProviderDetails.client_secret)");
	}

}

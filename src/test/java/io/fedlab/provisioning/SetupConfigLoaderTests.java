package io.fedlab.provisioning;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SetupConfigLoaderTests {

	@TempDir
	Path dir;

	private Path write(String name, String text) throws IOException {
		Path file = this.dir.resolve(name);
		Files.writeString(file, text);
		return file;
	}

	@Test
	void loadWhenExampleFileThenEveryValueIsRead() {
		SetupConfig config = SetupConfigLoader.load(Path.of("config/setup.example.yml"),
				Map.of("FEDLAB_AUTH0_CLIENT_SECRET", "s3cret-from-env"));

		assertThat(config.pool().name()).isEqualTo("fedlab");
		assertThat(config.pool().region()).isEqualTo("eu-west-1");
		assertThat(config.pool().domainPrefix()).isEqualTo("fedlab-demo");
		assertThat(config.pool().requiredAttributes()).containsExactly("email");
		assertThat(config.pool().usernameCaseSensitive()).isFalse();
		assertThat(config.identityProvider().name()).isEqualTo("Auth0");
		assertThat(config.identityProvider().clientId()).isEqualTo("your-auth0-client-id");
		assertThat(config.identityProvider().clientSecret()).isEqualTo("s3cret-from-env");
		assertThat(config.identityProvider().oidcIssuer()).isEqualTo("https://your-tenant.eu.auth0.com");
		// Underscores in attribute names survive (Boot's Binder would drop them).
		assertThat(config.identityProvider().attributeMapping()).containsEntry("email_verified", "email_verified")
			.containsEntry("username", "sub");
		assertThat(config.appClient().callbackUrls())
			.containsExactly("http://localhost:8080/login/oauth2/code/cognito");
		assertThat(config.appClient().tokenValidity().refreshToken()).isEqualTo(Duration.ofDays(30));
		assertThat(config.groups()).containsExactly(new SetupConfig.Group("admins", "Administrators of fedlab", 1));
		assertThat(config.appOrigin()).isEqualTo("http://localhost:8080");
		assertThat(config.problems()).isEmpty();
	}

	@Test
	void loadWhenMinimalYamlThenDefaultsApply() throws IOException {
		Path file = write("min.yml", """
				pool: {name: p, region: us-east-1, domain-prefix: p}
				identity-provider: {client-id: c, client-secret: s, oidc-issuer: https://t.auth0.com}
				app-client: {name: web, callback-urls: [https://app.example.com/cb]}
				""");

		SetupConfig config = SetupConfigLoader.load(file, Map.of());

		assertThat(config.identityProvider().name()).isEqualTo("Auth0");
		assertThat(config.identityProvider().attributesRequestMethod()).isEqualTo("GET");
		assertThat(config.identityProvider().authorizeScopes()).isEqualTo("openid email profile");
		assertThat(config.identityProvider().attributeMapping())
			.isEqualTo(Map.of("email", "email", "email_verified", "email_verified", "name", "name", "username", "sub"));
		assertThat(config.appClient().scopes()).containsExactly("openid", "email", "profile",
				"aws.cognito.signin.user.admin");
		assertThat(config.appClient().generateSecret()).isTrue();
		assertThat(config.appClient().enableTokenRevocation()).isTrue();
		assertThat(config.appClient().refreshTokenRotation()).isNull();
		assertThat(config.supportedIdentityProviders()).containsExactly("Auth0");
		assertThat(config.pool().resolvedDomainUrl()).isEqualTo("https://p.auth.us-east-1.amazoncognito.com");
		assertThat(config.appClient().tokenValidity())
			.isEqualTo(new SetupConfig.TokenValidity(Duration.ofHours(1), Duration.ofHours(1), Duration.ofDays(30)));
	}

	@Test
	void loadWhenEnvironmentOverridesSetThenTheyWinOverTheFile() throws IOException {
		Path file = write("o.yml", """
				pool: {name: p, region: us-east-1, domain-prefix: p}
				identity-provider: {client-id: c, client-secret: from-file, oidc-issuer: https://t.auth0.com}
				app-client: {name: web, callback-urls: [https://app.example.com/cb]}
				""");

		SetupConfig config = SetupConfigLoader.load(file,
				Map.of("FEDLAB_AUTH0_CLIENT_SECRET", "from-env", "FEDLAB_REGION", "eu-central-1",
						"FEDLAB_CALLBACK_URLS", "https://a.example.com/cb, https://b.example.com/cb",
						"FEDLAB_AUTH0_ISSUER", "https://other.eu.auth0.com", "FEDLAB_DOMAIN_URL",
						"http://localhost:9230"));

		assertThat(config.identityProvider().clientSecret()).isEqualTo("from-env");
		assertThat(config.pool().region()).isEqualTo("eu-central-1");
		assertThat(config.appClient().callbackUrls()).containsExactly("https://a.example.com/cb",
				"https://b.example.com/cb");
		assertThat(config.identityProvider().oidcIssuer()).isEqualTo("https://other.eu.auth0.com");
		assertThat(config.pool().resolvedDomainUrl()).isEqualTo("http://localhost:9230");
	}

	@Test
	void loadWhenEnvironmentOverrideTargetsAMissingSectionThenCreatesIt() throws IOException {
		Path file = write("nosection.yml", "pool: {name: p}\n");

		SetupConfig config = SetupConfigLoader.load(file, Map.of("FEDLAB_AUTH0_CLIENT_ID", "env-client"));

		assertThat(config.identityProvider().clientId()).isEqualTo("env-client");
	}

	@Test
	void loadWhenPropertiesFileThenSameModel() throws IOException {
		Path file = write("setup.properties", """
				pool.name=p
				pool.region=us-east-1
				pool.domain-prefix=p
				pool.required-attributes=email,name
				identity-provider.client-id=c
				identity-provider.client-secret=${SECRET}
				identity-provider.oidc-issuer=https://t.auth0.com
				identity-provider.attribute-mapping.email_verified=email_verified
				identity-provider.attribute-mapping.custom\\:tenant=https://example.com/tenant
				app-client.name=web
				app-client.callback-urls[0]=https://app.example.com/cb
				app-client.callback-urls[1]=https://app.example.com/cb2
				app-client.token-validity.access-token=30m
				app-client.refresh-token-rotation=true
				groups[0].name=admins
				groups[0].precedence=2
				groups[1].name=users
				""");

		SetupConfig config = SetupConfigLoader.load(file, Map.of("SECRET", "x"));

		assertThat(config.pool().requiredAttributes()).containsExactly("email", "name");
		assertThat(config.identityProvider().clientSecret()).isEqualTo("x");
		assertThat(config.identityProvider().attributeMapping()).containsEntry("email_verified", "email_verified")
			.containsEntry("custom:tenant", "https://example.com/tenant");
		assertThat(config.appClient().callbackUrls()).containsExactly("https://app.example.com/cb",
				"https://app.example.com/cb2");
		assertThat(config.appClient().tokenValidity().accessToken()).isEqualTo(Duration.ofMinutes(30));
		assertThat(config.appClient().refreshTokenRotation()).isTrue();
		assertThat(config.groups()).containsExactly(new SetupConfig.Group("admins", null, 2),
				new SetupConfig.Group("users", null, null));
	}

	@Test
	void loadWhenKeysInCamelOrSnakeCaseThenAccepted() throws IOException {
		Path file = write("relaxed.yml", """
				pool: {name: p, region: r, domainPrefix: p, username_case_sensitive: true}
				identityProvider: {clientId: c}
				""");

		SetupConfig config = SetupConfigLoader.load(file, Map.of());

		assertThat(config.pool().domainPrefix()).isEqualTo("p");
		assertThat(config.pool().usernameCaseSensitive()).isTrue();
		assertThat(config.identityProvider().clientId()).isEqualTo("c");
	}

	@Test
	void loadWhenUnknownKeysAndBadValuesThenEveryProblemIsNamed() throws IOException {
		Path file = write("bad.yml", """
				pool: {name: p, regoin: r}
				app-client: {callback-url: x, generate-secret: maybe, token-validity: {access-token: 1 hour}}
				identity-provider: {type: SAML, client-secret: "${NOT_SET}"}
				""");

		assertThatExceptionOfType(SetupConfigException.class).isThrownBy(() -> SetupConfigLoader.load(file, Map.of()))
			.satisfies((ex) -> assertThat(ex.problems()).anyMatch((p) -> p.startsWith("unknown key 'pool.regoin'"))
				.anyMatch((p) -> p.startsWith("unknown key 'app-client.callback-url'"))
				.anyMatch((p) -> p.contains("app-client.generate-secret must be true or false"))
				.anyMatch((p) -> p.contains("app-client.token-validity.access-token must be a duration"))
				.anyMatch((p) -> p.contains("only OIDC is supported"))
				.anyMatch((p) -> p.contains("environment variable NOT_SET is not set")));
	}

	@Test
	void loadWhenYamlBrokenThenOneLineMessage() throws IOException {
		Path file = write("broken.yml", "pool: [unclosed\n");

		assertThatExceptionOfType(SetupConfigException.class).isThrownBy(() -> SetupConfigLoader.load(file, Map.of()))
			.withMessageStartingWith("Invalid YAML in " + file);
	}

	@Test
	void problemsWhenRequiredValuesMissingThenEachKeyIsNamed() {
		SetupConfig config = SetupConfig.builder().attributesRequestMethod("PUT").authorizeScopes("email").build();

		assertThat(config.problems()).contains("pool.name is required", "pool.region is required",
				"pool.domain-prefix is required", "identity-provider.client-id is required",
				"identity-provider.client-secret is required", "identity-provider.oidc-issuer is required",
				"identity-provider.attributes-request-method must be GET or POST",
				"identity-provider.authorize-scopes must include openid", "app-client.name is required",
				"app-client.callback-urls must list the app's redirect URI(s)");
	}

	@Test
	void problemsWhenDomainPrefixHasUpperCaseThenNamed() {
		SetupConfig config = SetupConfig.builder().domainPrefix("Fedlab").build();

		assertThat(config.problems()).anyMatch((p) -> p.startsWith("pool.domain-prefix must be lowercase"));
	}

	@Test
	void parseDurationWhenUnitsOrIsoThenParsed() {
		assertThat(SetupConfigLoader.parseDuration("90s")).isEqualTo(Duration.ofSeconds(90));
		assertThat(SetupConfigLoader.parseDuration("2h")).isEqualTo(Duration.ofHours(2));
		assertThat(SetupConfigLoader.parseDuration("PT45M")).isEqualTo(Duration.ofMinutes(45));
		assertThat(SetupConfigLoader.parseDuration("3600")).isNull();
	}

	@Test
	void environmentOverridesWhenListedThenEachNamesAKnownKey() {
		assertThat(SetupConfigLoader.ENVIRONMENT_OVERRIDES).containsEntry("FEDLAB_AUTH0_CLIENT_SECRET",
				"identity-provider.client-secret");
		List<String> keys = List.copyOf(SetupConfigLoader.ENVIRONMENT_OVERRIDES.values());
		assertThat(keys).allMatch((k) -> k.matches("(pool|identity-provider|app-client|app)\\.[a-z-]+"));
	}

}

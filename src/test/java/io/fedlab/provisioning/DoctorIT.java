package io.fedlab.provisioning;

import java.util.List;
import java.util.Map;

import io.fedlab.localidp.http.Dispatcher;
import io.fedlab.localidp.http.EmulatorServer;
import io.fedlab.localidp.http.FreePorts;
import io.fedlab.localidp.http.Responses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UpdateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Doctor} against the local Cognito JSON API and the local Auth0 tenant over HTTP,
 * each fault seeded through the API (or a provider whose discovery document differs).
 */
class DoctorIT {

	private TestLocalCognito stack;

	private RecordingInterceptor calls;

	private CognitoIdentityProviderClient client;

	@BeforeEach
	void start() {
		this.stack = new TestLocalCognito();
		this.calls = new RecordingInterceptor();
		this.client = this.stack.client(this.calls);
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.stack.close();
	}

	private SetupResult setup(SetupConfig config) {
		return new Setup(this.client, (line) -> {
		}).apply(config, false);
	}

	private DoctorReport doctor(SetupConfig config, SetupResult result) {
		return doctor(DoctorInput.from(config, result.userPoolId(), result.clientId()));
	}

	private DoctorReport doctor(DoctorInput input) {
		this.calls.clear();
		return new Doctor(this.client, TestLocalCognito.http()).check(input);
	}

	private void updateClient(SetupConfig config, SetupResult result,
			java.util.function.UnaryOperator<UpdateUserPoolClientRequest.Builder> change) {
		UserPoolClientType current = this.client
			.describeUserPoolClient((r) -> r.userPoolId(result.userPoolId()).clientId(result.clientId()))
			.userPoolClient();
		this.client.updateUserPoolClient(change.apply(Setup.updateRequest(config, current).toBuilder()).build());
	}

	private static Finding failed(DoctorReport report, String id) {
		Finding finding = report.find(id);
		assertThat(finding).as(id).isNotNull();
		assertThat(finding.status()).as(report.toText()).isEqualTo(Finding.Status.FAIL);
		return finding;
	}

	@Test
	void checkWhenSetUpBySetupThenNoFailureAndOnlyReadCalls() {
		SetupConfig config = this.stack.config().build();
		SetupResult result = setup(config);

		DoctorReport report = doctor(config, result);

		assertThat(report.withStatus(Finding.Status.FAIL)).as(report.toText()).isEmpty();
		assertThat(report.ok()).isTrue();
		assertThat(report.exitCode()).isZero();
		assertThat(report.find("cognito.discovery").status()).isEqualTo(Finding.Status.PASS);
		assertThat(report.find("domain.active").message()).contains("ACTIVE", this.stack.hostedUiUrl);
		// Auth0's discovery issuer has the slash, oidc_issuer has not: the correct shape
		// (emulated-behaviour.md §A9).
		assertThat(report.find("idp.issuer").status()).isEqualTo(Finding.Status.PASS);
		assertThat(report.find("idp.required-attributes").status()).isEqualTo(Finding.Status.PASS);
		assertThat(report.withStatus(Finding.Status.MANUAL)).extracting(Finding::message)
			.anyMatch((m) -> m.contains(this.stack.hostedUiUrl + "/oauth2/idpresponse"))
			.anyMatch((m) -> m.contains("Client Secret (Post)"))
			.anyMatch((m) -> m.contains("RS256"))
			.anyMatch((m) -> m.contains(this.stack.hostedUiUrl + "/logout"));
		assertThat(this.calls.operations()).isNotEmpty();
		assertThat(this.calls.writes()).isEmpty();
	}

	@Test
	void checkWhenIamHasAnOidcProviderForTheAuth0TenantThenWarnsItIsUnusedNeverFails() {
		SetupConfig config = this.stack.config().build();
		SetupResult result = setup(config);
		String tenantHost = java.net.URI.create(config.identityProvider().oidcIssuer()).getHost();
		String arn = "arn:aws:iam::123456789012:oidc-provider/" + tenantHost;

		DoctorReport report = new Doctor(this.client, TestLocalCognito.http(),
				() -> List.of("arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com", arn))
			.check(DoctorInput.from(config, result.userPoolId(), result.clientId()));

		Finding iam = report.find("iam.oidc-provider");
		assertThat(iam.status()).isEqualTo(Finding.Status.WARN);
		assertThat(iam.message()).contains(arn, "not used").doesNotContain("githubusercontent");
		assertThat(iam.fix()).contains("AssumeRoleWithWebIdentity", "emulated-behaviour.md §S2");
		assertThat(report.ok()).isTrue();
	}

	@Test
	void checkWhenIamHasNoOidcProviderForTheTenantThenPasses() {
		SetupConfig config = this.stack.config().build();
		SetupResult result = setup(config);

		DoctorReport report = new Doctor(this.client, TestLocalCognito.http(),
				() -> List.of("arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"))
			.check(DoctorInput.from(config, result.userPoolId(), result.clientId()));

		assertThat(report.find("iam.oidc-provider").status()).isEqualTo(Finding.Status.PASS);
	}

	@Test
	void checkWhenIamCannotBeListedThenLeftToAPersonNeverFails() {
		SetupConfig config = this.stack.config().build();
		SetupResult result = setup(config);

		DoctorReport report = new Doctor(this.client, TestLocalCognito.http(), () -> {
			throw new IllegalStateException("no permission");
		}).check(DoctorInput.from(config, result.userPoolId(), result.clientId()));

		Finding iam = report.find("iam.oidc-provider");
		assertThat(iam.status()).isEqualTo(Finding.Status.MANUAL);
		assertThat(iam.message()).contains("IllegalStateException", "needs none");
		assertThat(iam.fix()).contains("iam:ListOpenIDConnectProviders");
		assertThat(report.ok()).isTrue();
	}

	@Test
	void checkWhenNoIamDirectoryThenIamIsNotMentioned() {
		SetupConfig config = this.stack.config().build();
		SetupResult result = setup(config);

		assertThat(doctor(config, result).find("iam.oidc-provider")).isNull();
	}

	@Test
	void checkWhenDomainUrlConfiguredThenTheManualChecksNameThatDomain() {
		SetupResult result = setup(this.stack.config().build());
		// A second local pool: FEDLAB_DOMAIN_URL names its own local domain, which is not
		// the one the pool's discovery lists.
		SetupConfig second = this.stack.config().domainUrl("http://127.0.0.1:9231/").build();

		DoctorReport report = doctor(second, result);

		assertThat(report.withStatus(Finding.Status.MANUAL)).extracting(Finding::message)
			.anyMatch((m) -> m.contains("http://127.0.0.1:9231/oauth2/idpresponse"))
			.anyMatch((m) -> m.contains("http://127.0.0.1:9231/logout"))
			.noneMatch((m) -> m.contains("amazoncognito.com") || m.contains(this.stack.hostedUiUrl));
		assertThat(report.find("domain.active").message()).contains("http://127.0.0.1:9231");
		Finding differs = report.find("domain.url");
		assertThat(differs.status()).isEqualTo(Finding.Status.WARN);
		assertThat(differs.message()).contains(this.stack.hostedUiUrl, "http://127.0.0.1:9231");
		assertThat(report.withStatus(Finding.Status.FAIL)).as(report.toText()).isEmpty();
	}

	@Test
	void checkWhenDomainUrlConfiguredAsDiscoveryListsItThenNoWarning() {
		SetupConfig config = this.stack.config().build();
		SetupResult result = setup(config);

		DoctorReport report = doctor(config, result);

		assertThat(report.find("domain.url")).isNull();
	}

	@Test
	void checkWhenCallbackUrlHasATrailingSlashThenFailsNamingTheSlashAndTheExactUrl() {
		SetupConfig config = this.stack.config().build();
		SetupResult result = setup(config);
		updateClient(config, result, (b) -> b.callbackURLs(TestLocalCognito.APP_CALLBACK + "/"));

		DoctorReport report = doctor(config, result);

		Finding finding = failed(report, "client.callback-urls");
		assertThat(finding.message()).contains("trailing slash", TestLocalCognito.APP_CALLBACK + "/",
				"redirect_mismatch");
		assertThat(finding.fix()).contains("register exactly [" + TestLocalCognito.APP_CALLBACK + "]");
		assertThat(report.exitCode()).isEqualTo(1);
	}

	@Test
	void checkWhenCallbackUrlDiffersInPortAndCaseThenNamesEachDifference() {
		SetupConfig config = this.stack.config().build();
		SetupResult result = setup(config);
		updateClient(config, result, (b) -> b.callbackURLs("http://localhost:8081/login/oauth2/code/Cognito"));

		Finding finding = failed(doctor(config, result), "client.callback-urls");

		assertThat(finding.message()).contains("port 8081 instead of port 8080", "path in another letter case");
	}

	@Test
	void checkWhenIdentityProviderExistsInAnotherCaseThenFailsNamingTheCase() {
		SetupConfig lower = this.stack.config().identityProviderName("auth0").build();
		SetupResult result = setup(lower);

		DoctorReport report = doctor(
				DoctorInput.from(this.stack.config().build(), result.userPoolId(), result.clientId()));

		Finding idp = failed(report, "idp.exists");
		assertThat(idp.message()).contains("'Auth0'", "'auth0'", "case-sensitive", "Login option is not available");
		assertThat(idp.fix()).contains("identity_provider=auth0");
		assertThat(failed(report, "client.identity-provider").message()).contains("'auth0', not 'Auth0'");
		// The provider found under the other case is still checked.
		assertThat(report.find("idp.issuer").status()).isEqualTo(Finding.Status.PASS);
	}

	@Test
	void checkWhenEmailRequiredButNotMappedThenFailsWithTheMappingToAdd() {
		SetupConfig config = this.stack.config().attributeMapping(Map.of("name", "name", "username", "sub")).build();
		SetupResult result = setup(config);

		Finding finding = failed(doctor(config, result), "idp.required-attributes");

		assertThat(finding.message()).contains("'email' is required by the pool but not mapped", "attributes required");
		assertThat(finding.fix()).contains("map email to the Auth0 claim email");
	}

	@Test
	void checkWhenEmailMappedButScopeNotRequestedThenFails() {
		SetupConfig config = this.stack.config().authorizeScopes("openid profile").build();
		SetupResult result = setup(config);

		Finding finding = failed(doctor(config, result), "idp.required-attributes");

		assertThat(finding.fix()).contains("add email to authorize_scopes");
	}

	@Test
	void checkWhenAuth0IssuerConfiguredWithTheSlashThenFailsExplainingTheDoubleSlash() {
		SetupConfig config = this.stack.config().build();
		SetupResult result = setup(config);
		// Seeded with explicit endpoints, so Cognito does not need discovery to accept
		// it.
		IdentityProviderType idp = this.client
			.describeIdentityProvider((r) -> r.userPoolId(result.userPoolId()).providerName("Auth0"))
			.identityProvider();
		Map<String, String> details = new java.util.HashMap<>(idp.providerDetails());
		details.remove("attributes_url_add_attributes");
		details.put("oidc_issuer", this.stack.auth0Issuer);
		this.client.updateIdentityProvider(
				(r) -> r.userPoolId(result.userPoolId()).providerName("Auth0").providerDetails(details));

		Finding finding = failed(doctor(config, result), "idp.issuer");

		assertThat(finding.message()).contains("ends with a slash",
				this.stack.auth0Issuer + "/.well-known/openid-configuration", "double slash", "HTTP 404");
		assertThat(finding.fix()).contains("set oidc_issuer to " + this.stack.auth0Domain + " ");
	}

	@Test
	void checkWhenIssuerConfiguredWithASlashThatDiscoveryDoesNotUseThenFails() {
		int port = FreePorts.resolve(0);
		String issuer = "http://localhost:" + port;
		try (EmulatorServer provider = new EmulatorServer("oidc", "127.0.0.1", port, new StaticDiscovery(issuer))
			.start()) {
			SetupConfig config = this.stack.config().oidcIssuer(issuer + "/").build();
			SetupResult result = setup(config);

			Finding finding = failed(doctor(config, result), "idp.issuer");

			assertThat(finding.message()).contains("trailing slash that the discovery issuer " + issuer,
					"Bad id_token issuer");
			assertThat(finding.fix()).isEqualTo("set oidc_issuer to " + issuer);
		}
	}

	@Test
	void checkWhenDiscoveryIssuerIsAnotherUrlThenFails() {
		int port = FreePorts.resolve(0);
		String issuer = "http://localhost:" + port;
		try (EmulatorServer provider = new EmulatorServer("oidc", "127.0.0.1", port,
				new StaticDiscovery(issuer + "/tenant/"))
			.start()) {
			SetupConfig config = this.stack.config().oidcIssuer(issuer).build();
			SetupResult result = setup(config);

			Finding finding = failed(doctor(config, result), "idp.issuer");

			assertThat(finding.message()).contains("names the issuer " + issuer + "/tenant/, not " + issuer);
			assertThat(finding.fix()).isEqualTo("set oidc_issuer to " + issuer + "/tenant (without a trailing slash)");
		}
	}

	@Test
	void checkWhenOAuthFlowsSwitchedOffThenFailsNamingTheSetting() {
		SetupConfig config = this.stack.config().build();
		SetupResult result = setup(config);
		updateClient(config, result, (b) -> b.allowedOAuthFlowsUserPoolClient(false));

		Finding finding = failed(doctor(config, result), "client.oauth-flows-enabled");

		assertThat(finding.message()).contains("AllowedOAuthFlowsUserPoolClient is false");
		assertThat(finding.fix()).contains("set AllowedOAuthFlowsUserPoolClient to true");
	}

	@Test
	void checkWhenSignOutUrlMissingThenFailsNamingTheUrl() {
		SetupConfig config = this.stack.config().build();
		SetupResult result = setup(config);
		updateClient(config, result, (b) -> b.logoutURLs(List.of()));

		Finding finding = failed(doctor(config, result), "client.logout-urls");

		assertThat(finding.message()).contains("'" + TestLocalCognito.APP_SIGNED_OUT + "' is not registered");
		assertThat(finding.fix()).contains("LogoutURLs");
	}

	@Test
	void checkWhenRevocationDisabledAndProviderNotListedThenFailsBoth() {
		SetupConfig config = this.stack.config().build();
		SetupResult result = setup(config);
		updateClient(config, result, (b) -> b.enableTokenRevocation(false).supportedIdentityProviders("COGNITO"));

		DoctorReport report = doctor(config, result);

		assertThat(failed(report, "client.token-revocation").fix()).contains("EnableTokenRevocation");
		assertThat(failed(report, "client.identity-provider").message()).contains("[COGNITO]", "Auth0");
	}

	@Test
	void checkWhenAppExpectsTheIssuerWithATrailingSlashThenFails() {
		SetupConfig config = this.stack.config().build();
		SetupResult result = setup(config);

		Finding finding = failed(doctor(
				new DoctorInput(result.userPoolId(), null, result.clientId(), List.of(TestLocalCognito.APP_CALLBACK),
						List.of(TestLocalCognito.APP_SIGNED_OUT), "Auth0", result.issuer() + "/")),
				"cognito.discovery");

		assertThat(finding.message()).contains("trailing slash");
		assertThat(finding.fix()).contains("exactly " + result.issuer());
	}

	@Test
	void checkWhenPoolDoesNotExistThenFailsAndStops() {
		DoctorReport report = doctor(
				new DoctorInput("eu-west-1_Missing1", null, "x", List.of(), List.of(), "Auth0", null));

		assertThat(failed(report, "pool.exists").message()).contains("eu-west-1_Missing1", "does not exist");
		assertThat(report.find("client.exists")).isNull();
		assertThat(report.toJson()).contains("\"ok\" : false", "\"pool.exists\"");
	}

	/** An OIDC provider that serves a fixed discovery document on any path. */
	static final class StaticDiscovery extends Dispatcher {

		StaticDiscovery(String issuer) {
			String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
			String json = "{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"" + base
					+ "/authorize\",\"token_endpoint\":\"" + base + "/oauth/token\",\"userinfo_endpoint\":\"" + base
					+ "/userinfo\",\"jwks_uri\":\"" + base + "/.well-known/jwks.json\","
					+ "\"id_token_signing_alg_values_supported\":[\"RS256\"],"
					+ "\"token_endpoint_auth_methods_supported\":[\"client_secret_basic\",\"client_secret_post\"]}";
			on("GET", (path) -> path.endsWith("/.well-known/openid-configuration"),
					(exchange) -> Responses.json(200, json));
		}

		@Override
		public String getName() {
			return "static-discovery";
		}

	}

}

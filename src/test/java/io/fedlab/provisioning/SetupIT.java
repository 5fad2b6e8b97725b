package io.fedlab.provisioning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Setup} with the real SDK client over HTTP against the local Cognito JSON API
 * (which discovers the local Auth0 when the identity provider is created).
 */
class SetupIT {

	private TestLocalCognito stack;

	private RecordingInterceptor calls;

	private CognitoIdentityProviderClient client;

	private final List<String> progress = new ArrayList<>();

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

	private SetupResult apply(SetupConfig config, boolean dryRun) {
		this.calls.clear();
		return new Setup(this.client, this.progress::add).apply(config, dryRun);
	}

	private static List<ResourceChange.Action> actions(SetupResult result) {
		return result.changes().stream().map(ResourceChange::action).toList();
	}

	private UserPoolClientType describeClient(SetupResult result) {
		return this.client.describeUserPoolClient((r) -> r.userPoolId(result.userPoolId()).clientId(result.clientId()))
			.userPoolClient();
	}

	@Test
	void applyWhenNothingExistsThenCreatesPoolDomainProviderClientAndGroups() {
		SetupResult result = apply(this.stack.config().build(), false);

		assertThat(result.changes()).extracting(ResourceChange::resource)
			.containsExactly("user pool", "domain", "identity provider", "app client", "group");
		assertThat(actions(result)).containsOnly(ResourceChange.Action.CREATED);
		assertThat(this.calls.writes()).containsExactly("CreateUserPool", "CreateUserPoolDomain",
				"CreateIdentityProvider", "CreateUserPoolClient", "CreateGroup");
		assertThat(result.issuer()).isEqualTo(this.stack.cognitoUrl + "/" + result.userPoolId());
		assertThat(result.domain()).isEqualTo(this.stack.hostedUiUrl);
		assertThat(result.clientSecret()).isNotBlank();

		UserPoolClientType app = describeClient(result);
		// AllowedOAuthFlowsUserPoolClient defaults to false: without it nothing else
		// applies (emulated-behaviour.md §C9 fact 15).
		assertThat(app.allowedOAuthFlowsUserPoolClient()).isTrue();
		assertThat(app.allowedOAuthFlowsAsStrings()).containsExactly("code");
		assertThat(app.allowedOAuthScopes()).containsExactlyInAnyOrder("openid", "email", "profile",
				"aws.cognito.signin.user.admin");
		assertThat(app.callbackURLs()).containsExactly(TestLocalCognito.APP_CALLBACK);
		assertThat(app.logoutURLs()).containsExactly(TestLocalCognito.APP_SIGNED_OUT);
		assertThat(app.supportedIdentityProviders()).containsExactly("Auth0");
		assertThat(app.enableTokenRevocation()).isTrue();

		IdentityProviderType idp = this.client
			.describeIdentityProvider((r) -> r.userPoolId(result.userPoolId()).providerName("Auth0"))
			.identityProvider();
		assertThat(idp.providerDetails()).containsEntry("oidc_issuer", this.stack.auth0Domain)
			.containsEntry("attributes_request_method", "GET")
			.containsEntry("authorize_scopes", "openid email profile")
			.containsEntry("client_id", TestLocalCognito.AUTH0_CLIENT_ID);
		assertThat(idp.attributeMapping()).containsEntry("email", "email")
			.containsEntry("email_verified", "email_verified")
			.containsEntry("name", "name")
			.containsEntry("username", "sub");

		assertThat(this.client.describeUserPool((r) -> r.userPoolId(result.userPoolId())).userPool().domain())
			.isEqualTo("fedlab-test");
		assertThat(Setup
			.requiredAttributes(this.client.describeUserPool((r) -> r.userPoolId(result.userPoolId())).userPool()))
			.containsExactly("email");
		assertThat(
				this.client.getGroup((r) -> r.userPoolId(result.userPoolId()).groupName("admins")).group().precedence())
			.isEqualTo(1);
		assertThat(this.progress).anyMatch((line) -> line.contains("app client fedlab-web: created"));
	}

	@Test
	void applyWhenRunTwiceThenSecondRunReportsUnchangedAndMakesNoWriteCall() {
		SetupResult first = apply(this.stack.config().build(), false);

		SetupResult second = apply(this.stack.config().build(), false);

		assertThat(actions(second)).hasSize(5).containsOnly(ResourceChange.Action.UNCHANGED);
		assertThat(this.calls.operations()).isNotEmpty();
		assertThat(this.calls.writes()).isEmpty();
		assertThat(second.userPoolId()).isEqualTo(first.userPoolId());
		assertThat(second.clientId()).isEqualTo(first.clientId());
		assertThat(second.clientSecret()).isEqualTo(first.clientSecret());
	}

	@Test
	void applyWhenCallbackUrlChangedThenUpdatesOnlyTheClientAndKeepsItsOtherSettings() {
		SetupConfig.Builder config = this.stack.config()
			.tokenValidity(Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofDays(7))
			.refreshTokenRotation(true, 10);
		SetupResult first = apply(config.build(), false);
		// A setting setup does not manage, changed out of band: UpdateUserPoolClient
		// would
		// reset it to its default unless setup sends it back (emulated-behaviour.md §C6).
		UserPoolClientType before = describeClient(first);
		this.client.updateUserPoolClient(Setup.updateRequest(config.build(), before)
			.toBuilder()
			.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH,
					ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH)
			.build());

		SetupResult second = apply(config
			.callbackUrls(List.of("http://localhost:8080/login/oauth2/code/cognito", "https://app.example.com/cb"))
			.build(), false);

		assertThat(second.changes()).filteredOn((c) -> c.action() != ResourceChange.Action.UNCHANGED)
			.singleElement()
			.satisfies((change) -> {
				assertThat(change.resource()).isEqualTo("app client");
				assertThat(change.action()).isEqualTo(ResourceChange.Action.UPDATED);
				assertThat(change.fields()).containsExactly("CallbackURLs");
			});
		assertThat(this.calls.writes()).containsExactly("UpdateUserPoolClient");
		UserPoolClientType after = describeClient(second);
		assertThat(after.callbackURLs()).containsExactly("http://localhost:8080/login/oauth2/code/cognito",
				"https://app.example.com/cb");
		assertThat(after.accessTokenValidity()).isEqualTo(30);
		assertThat(after.tokenValidityUnits().accessTokenAsString()).isEqualTo("minutes");
		assertThat(after.idTokenValidity()).isEqualTo(2);
		assertThat(after.refreshTokenValidity()).isEqualTo(7);
		assertThat(after.refreshTokenRotation().featureAsString()).isEqualTo("ENABLED");
		assertThat(after.refreshTokenRotation().retryGracePeriodSeconds()).isEqualTo(10);
		assertThat(after.explicitAuthFlowsAsStrings()).containsExactlyInAnyOrder("ALLOW_REFRESH_TOKEN_AUTH",
				"ALLOW_USER_PASSWORD_AUTH");
		assertThat(after.logoutURLs()).containsExactly(TestLocalCognito.APP_SIGNED_OUT);
		assertThat(after.allowedOAuthFlowsUserPoolClient()).isTrue();
		assertThat(after.supportedIdentityProviders()).containsExactly("Auth0");
		assertThat(after.clientSecret()).isEqualTo(first.clientSecret());
	}

	@Test
	void applyWhenDryRunThenPlansEverythingAndWritesNothing() {
		SetupResult plan = apply(this.stack.config().build(), true);

		assertThat(actions(plan)).hasSize(5).containsOnly(ResourceChange.Action.CREATED);
		assertThat(this.calls.operations()).contains("ListUserPools", "DescribeUserPoolDomain");
		assertThat(this.calls.writes()).isEmpty();
		assertThat(this.stack.store.pools()).isEmpty();
		assertThat(plan.userPoolId()).isNull();
		assertThat(this.progress).allMatch((line) -> line.startsWith("[dry run]") || line.startsWith("  "));
	}

	@Test
	void applyWhenDryRunAfterDriftThenReportsTheUpdateWithoutMakingIt() {
		SetupResult first = apply(this.stack.config().build(), false);

		SetupResult plan = apply(this.stack.config().authorizeScopes("openid email profile phone").build(), true);

		assertThat(plan.changes()).filteredOn((c) -> c.action() == ResourceChange.Action.UPDATED)
			.singleElement()
			.satisfies((c) -> assertThat(c.fields()).containsExactly("ProviderDetails.authorize_scopes"));
		assertThat(this.calls.writes()).isEmpty();
		assertThat(this.client.describeIdentityProvider((r) -> r.userPoolId(first.userPoolId()).providerName("Auth0"))
			.identityProvider()
			.providerDetails()).containsEntry("authorize_scopes", "openid email profile");
	}

	@Test
	void applyWhenProviderDriftedThenUpdatesItWithTheFullDetailsAndKeepsUnmanagedMappings() {
		SetupResult first = apply(this.stack.config().build(), false);
		IdentityProviderType created = this.client
			.describeIdentityProvider((r) -> r.userPoolId(first.userPoolId()).providerName("Auth0"))
			.identityProvider();
		java.util.Map<String, String> mapping = new java.util.HashMap<>(created.attributeMapping());
		mapping.put("nickname", "nickname");
		this.client.updateIdentityProvider((r) -> r.userPoolId(first.userPoolId())
			.providerName("Auth0")
			.providerDetails(Setup.desiredDetails(this.stack.config().build().identityProvider()))
			.attributeMapping(mapping));

		SetupResult second = apply(this.stack.config().attributesRequestMethod("POST").build(), false);

		assertThat(second.changes()).filteredOn((c) -> c.action() == ResourceChange.Action.UPDATED)
			.singleElement()
			.satisfies((c) -> {
				assertThat(c.resource()).isEqualTo("identity provider");
				assertThat(c.fields()).containsExactly("ProviderDetails.attributes_request_method");
			});
		assertThat(this.calls.writes()).containsExactly("UpdateIdentityProvider");
		IdentityProviderType after = this.client
			.describeIdentityProvider((r) -> r.userPoolId(first.userPoolId()).providerName("Auth0"))
			.identityProvider();
		assertThat(after.providerDetails()).containsEntry("attributes_request_method", "POST")
			.containsEntry("client_secret", TestLocalCognito.AUTH0_CLIENT_SECRET)
			.containsEntry("oidc_issuer", this.stack.auth0Domain)
			.containsKey("jwks_uri");
		assertThat(after.attributeMapping()).containsEntry("nickname", "nickname").containsEntry("email", "email");
	}

	@Test
	void applyWhenRequiredAttributesChangedThenReportsAConflictInsteadOfFailing() {
		apply(this.stack.config().build(), false);

		SetupResult second = apply(this.stack.config().requiredAttributes(List.of("email", "family_name")).build(),
				false);

		ResourceChange pool = second.changes().get(0);
		assertThat(pool.action()).isEqualTo(ResourceChange.Action.CONFLICT);
		assertThat(pool.detail()).contains("[email]", "[email, family_name]", "cannot change after a pool is created");
		assertThat(second.hasConflicts()).isTrue();
		assertThat(this.calls.writes()).isEmpty();
	}

	@Test
	void applyWhenDomainPrefixBelongsToAnotherPoolThenReportsAConflict() {
		apply(this.stack.config().build(), false);

		SetupResult other = apply(this.stack.config().poolName("another-pool").build(), false);

		assertThat(other.changes().get(1).action()).isEqualTo(ResourceChange.Action.CONFLICT);
		assertThat(other.changes().get(1).detail()).contains("belongs to user pool");
	}

}

package io.fedlab.localidp.cognito.api;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DescribeUserPoolDomainResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DuplicateProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderTypeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidOAuthFlowException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UnauthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;

import io.fedlab.localidp.cognito.state.PoolUser;
import io.fedlab.localidp.cognito.state.UserPool;
import io.fedlab.localidp.cognito.tokens.Grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The local Cognito API driven by the real AWS SDK for Java v2, as {@code setup} and
 * {@code doctor} drive it. Test names pin emulated-behaviour.md §C6 and §C9 facts.
 */
class CognitoApiSdkIT {

	private static TestCognitoApi api;

	private static CognitoIdentityProviderClient cognito;

	@BeforeAll
	static void start() throws Exception {
		api = TestCognitoApi.start();
		cognito = api.sdk();
	}

	@AfterAll
	static void stop() {
		cognito.close();
		api.close();
	}

	private static String newPool() {
		return cognito.createUserPool((r) -> r.poolName("fedlab pool")).userPool().id();
	}

	private static UserPoolClientType newOAuthClient(String poolId) {
		return cognito
			.createUserPoolClient((r) -> r.userPoolId(poolId)
				.clientName("fedlab-web")
				.generateSecret(true)
				.callbackURLs("http://localhost:8080/login/oauth2/code/cognito")
				.logoutURLs("http://localhost:8080/")
				.allowedOAuthFlows(OAuthFlowType.CODE)
				.allowedOAuthScopes("openid", "email", "profile", "aws.cognito.signin.user.admin")
				.allowedOAuthFlowsUserPoolClient(true)
				.supportedIdentityProviders("COGNITO"))
			.userPoolClient();
	}

	private static <E extends AwsServiceException> Consumer<E> message(String expected) {
		return (e) -> {
			assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(expected);
			assertThat(e.statusCode()).isEqualTo(400);
		};
	}

	// Pools and domains

	@Test
	void createUserPoolWhenNoUsernameConfigurationThenApiDefaultCaseSensitiveTrue() {
		UserPoolType pool = cognito.createUserPool((r) -> r.poolName("fedlab pool")).userPool();

		assertThat(pool.id()).matches("us-east-1_[0-9A-Za-z]{9}");
		assertThat(pool.arn()).isEqualTo("arn:aws:cognito-idp:us-east-1:123456789012:userpool/" + pool.id());
		assertThat(pool.usernameConfiguration().caseSensitive()).isTrue();
		assertThat(pool.creationDate()).isNotNull();
		assertThat(pool.mfaConfigurationAsString()).isEqualTo("OFF");
	}

	@Test
	void describeUserPoolWhenCreatedWithSchemaThenStandardAttributesWithStringConstraintValues() {
		String poolId = cognito
			.createUserPool((r) -> r.poolName("schema pool")
				.usernameConfiguration((u) -> u.caseSensitive(false))
				.schema(SchemaAttributeType.builder().name("email").required(true).mutable(true).build(),
						SchemaAttributeType.builder()
							.name("tenant")
							.attributeDataType("String")
							.mutable(true)
							.stringAttributeConstraints((c) -> c.minLength("1").maxLength("64"))
							.build()))
			.userPool()
			.id();

		UserPoolType pool = cognito.describeUserPool((r) -> r.userPoolId(poolId)).userPool();

		assertThat(pool.usernameConfiguration().caseSensitive()).isFalse();
		SchemaAttributeType sub = attribute(pool, "sub");
		assertThat(sub.required()).isTrue();
		assertThat(sub.mutable()).isFalse();
		assertThat(sub.stringAttributeConstraints().minLength()).isEqualTo("1");
		assertThat(sub.stringAttributeConstraints().maxLength()).isEqualTo("2048");
		assertThat(attribute(pool, "email").required()).isTrue();
		assertThat(attribute(pool, "email_verified").attributeDataTypeAsString()).isEqualTo("Boolean");
		assertThat(attribute(pool, "custom:tenant").stringAttributeConstraints().maxLength()).isEqualTo("64");
		assertThat(pool.schemaAttributes()).extracting(SchemaAttributeType::name).contains("identities");
	}

	private static SchemaAttributeType attribute(UserPoolType pool, String name) {
		return pool.schemaAttributes().stream().filter((a) -> a.name().equals(name)).findFirst().orElseThrow();
	}

	@Test
	void describeUserPoolWhenUnknownThenResourceNotFoundNamingThePool() {
		// emulated-behaviour.md §C9 fact 15.
		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> cognito.describeUserPool((r) -> r.userPoolId("us-east-1_NoSuchPool")))
			.satisfies(message("User pool us-east-1_NoSuchPool does not exist."));
	}

	@Test
	void listUserPoolsWhenMoreThanMaxResultsThenNextTokenPagesThroughAll() {
		String a = newPool();
		String b = newPool();
		String c = newPool();

		List<String> seen = cognito.listUserPoolsPaginator((r) -> r.maxResults(2))
			.userPools()
			.stream()
			.map((p) -> p.id())
			.toList();

		assertThat(seen).contains(a, b, c).doesNotHaveDuplicates();
		assertThat(cognito.listUserPools((r) -> r.maxResults(1)).nextToken()).isNotNull();
	}

	@Test
	void describeUserPoolDomainWhenUnknownThenEmptyDescriptionNotError() {
		// emulated-behaviour.md §C9 fact 15.
		DescribeUserPoolDomainResponse response = cognito
			.describeUserPoolDomain((r) -> r.domain("nobody-has-this-prefix"));

		assertThat(response.domainDescription()).isNotNull();
		assertThat(response.domainDescription().userPoolId()).isNull();
		assertThat(response.domainDescription().domain()).isNull();
	}

	@Test
	void createUserPoolDomainWhenCreatedThenActiveDescriptionAndPoolShowsDomain() {
		String poolId = newPool();
		String prefix = "fedlab-" + poolId.substring(poolId.indexOf('_') + 1).toLowerCase();

		cognito.createUserPoolDomain((r) -> r.userPoolId(poolId).domain(prefix));

		var description = cognito.describeUserPoolDomain((r) -> r.domain(prefix)).domainDescription();
		assertThat(description.userPoolId()).isEqualTo(poolId);
		assertThat(description.awsAccountId()).isEqualTo("123456789012");
		assertThat(description.statusAsString()).isEqualTo("ACTIVE");
		assertThat(description.s3Bucket()).isEqualTo("aws-cognito-prod-iad-assets");
		assertThat(description.cloudFrontDistribution()).endsWith(".cloudfront.net");
		assertThat(cognito.describeUserPool((r) -> r.userPoolId(poolId)).userPool().domain()).isEqualTo(prefix);
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> cognito.createUserPoolDomain((r) -> r.userPoolId(newPool()).domain(prefix)))
			.satisfies(message("Domain already associated with another user pool."));
	}

	// Identity providers

	@Test
	void createIdentityProviderWhenOidcIssuerGivenThenEndpointsComeFromItsDiscoveryDocument() {
		String poolId = newPool();
		int hitsBefore = api.discoveryHits.get();

		cognito
			.createIdentityProvider((r) -> r.userPoolId(poolId)
				.providerName("Auth0")
				.providerType(IdentityProviderTypeType.OIDC)
				.providerDetails(Map.of("client_id", "auth0-client", "client_secret", "auth0-secret",
						"attributes_request_method", "GET", "oidc_issuer", api.issuerUrl(), "authorize_scopes",
						"openid email profile"))
				.attributeMapping(Map.of("email", "email", "email_verified", "email_verified")));

		IdentityProviderType idp = cognito.describeIdentityProvider((r) -> r.userPoolId(poolId).providerName("Auth0"))
			.identityProvider();
		assertThat(api.discoveryHits.get()).isEqualTo(hitsBefore + 1);
		assertThat(idp.providerDetails()).containsEntry("authorize_url", api.issuerUrl() + "/authorize")
			.containsEntry("token_url", api.issuerUrl() + "/oauth/token")
			.containsEntry("attributes_url", api.issuerUrl() + "/userinfo")
			.containsEntry("jwks_uri", api.issuerUrl() + "/.well-known/jwks.json")
			.containsEntry("attributes_url_add_attributes", "false")
			.containsEntry("oidc_issuer", api.issuerUrl())
			.containsEntry("client_id", "auth0-client");
		assertThat(idp.attributeMapping()).containsEntry("username", "sub").containsEntry("email", "email");
		assertThat(cognito.listIdentityProviders((r) -> r.userPoolId(poolId)).providers()).singleElement()
			.satisfies((p) -> assertThat(p.providerTypeAsString()).isEqualTo("OIDC"));
	}

	@Test
	void createIdentityProviderWhenNameTakenThenDuplicateProviderException() {
		String poolId = newPool();
		createOidc(poolId, "Auth0", api.issuerUrl());

		assertThatExceptionOfType(DuplicateProviderException.class)
			.isThrownBy(() -> createOidc(poolId, "Auth0", api.issuerUrl()))
			.satisfies(message("Auth0 already exists in user pool " + poolId));
	}

	@Test
	void createIdentityProviderWhenIssuerUnreachableAndNoManualEndpointsThenInvalidParameter() {
		String poolId = newPool();
		String unreachable = "http://127.0.0.1:" + io.fedlab.localidp.http.FreePorts.resolve(0);

		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> createOidc(poolId, "Auth0", unreachable))
			.satisfies((e) -> assertThat(e.awsErrorDetails().errorMessage())
				.contains(unreachable + "/.well-known/openid-configuration"));
	}

	@Test
	void createIdentityProviderWhenIssuerHasTrailingSlashThenDiscoveryPathAppendedLiterally() {
		// emulated-behaviour.md §C7.3 emulator choice: "<issuer>/" + "/.well-known/…"
		// gives
		// "//.well-known",
		// which the IdP answers 404, so the provider cannot be created from discovery.
		String poolId = newPool();

		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> createOidc(poolId, "Auth0", api.issuerUrl() + "/"))
			.satisfies((e) -> assertThat(e.awsErrorDetails().errorMessage())
				.contains(api.issuerUrl() + "//.well-known/openid-configuration")
				.contains("HTTP 404"));
	}

	@Test
	void createIdentityProviderWhenIssuerIsPlainHttpOnNonLoopbackHostThenInvalidParameter() {
		String poolId = newPool();

		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> createOidc(poolId, "Auth0", "http://tenant.example.com"))
			.satisfies(message("oidc_issuer must start with https://."));
	}

	@Test
	void createIdentityProviderWhenNameHasUnderscoreThenInvalidParameter() {
		String poolId = newPool();

		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> createOidc(poolId, "My_Auth0", api.issuerUrl()))
			.satisfies((e) -> assertThat(e.awsErrorDetails().errorMessage())
				.startsWith("1 validation error detected: Value 'My_Auth0' at 'providerName'"));
	}

	@Test
	void describeIdentityProviderWhenUnknownThenResourceNotFound() {
		String poolId = newPool();

		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> cognito.describeIdentityProvider((r) -> r.userPoolId(poolId).providerName("Nobody")));
	}

	private static void createOidc(String poolId, String name, String issuer) {
		cognito.createIdentityProvider((r) -> r.userPoolId(poolId)
			.providerName(name)
			.providerType(IdentityProviderTypeType.OIDC)
			.providerDetails(Map.of("client_id", "c", "client_secret", "s", "attributes_request_method", "GET",
					"oidc_issuer", issuer, "authorize_scopes", "openid email")));
	}

	// App clients

	@Test
	void createUserPoolClientWhenGenerateSecretThenDescribeReturnsSecretAndDocumentedDefaults() {
		// emulated-behaviour.md §C9 fact 15.
		String poolId = newPool();
		String clientId = cognito
			.createUserPoolClient((r) -> r.userPoolId(poolId).clientName("fedlab-web").generateSecret(true))
			.userPoolClient()
			.clientId();

		UserPoolClientType client = cognito.describeUserPoolClient((r) -> r.userPoolId(poolId).clientId(clientId))
			.userPoolClient();

		assertThat(client.clientId()).matches("[a-z0-9]{26}");
		assertThat(client.clientSecret()).matches("[a-z0-9]{52}");
		assertThat(client.allowedOAuthFlowsUserPoolClient()).isFalse();
		assertThat(client.enableTokenRevocation()).isTrue();
		assertThat(client.preventUserExistenceErrorsAsString()).isEqualTo("LEGACY");
		assertThat(client.explicitAuthFlowsAsStrings()).containsExactlyInAnyOrder("ALLOW_REFRESH_TOKEN_AUTH",
				"ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH");
		assertThat(client.accessTokenValidity()).isEqualTo(1);
		assertThat(client.refreshTokenValidity()).isEqualTo(30);
		assertThat(client.tokenValidityUnits().refreshTokenAsString()).isEqualTo("days");
		assertThat(client.hasReadAttributes()).isFalse();
		assertThat(cognito.listUserPoolClients((r) -> r.userPoolId(poolId)).userPoolClients()).singleElement()
			.satisfies((c) -> assertThat(c.clientName()).isEqualTo("fedlab-web"));
	}

	@Test
	void updateUserPoolClientWhenFieldsOmittedThenTheyAreResetToDefaults() {
		// emulated-behaviour.md §C9 fact 15.
		String poolId = newPool();
		UserPoolClientType created = newOAuthClient(poolId);
		assertThat(created.allowedOAuthFlowsUserPoolClient()).isTrue();

		UserPoolClientType updated = cognito
			.updateUserPoolClient((r) -> r.userPoolId(poolId).clientId(created.clientId()).clientName("renamed"))
			.userPoolClient();

		assertThat(updated.clientName()).isEqualTo("renamed");
		assertThat(updated.clientSecret()).isEqualTo(created.clientSecret());
		assertThat(updated.creationDate()).isEqualTo(created.creationDate());
		assertThat(updated.allowedOAuthFlowsUserPoolClient()).isFalse();
		assertThat(updated.hasCallbackURLs()).isFalse();
		assertThat(updated.hasLogoutURLs()).isFalse();
		assertThat(updated.hasAllowedOAuthFlows()).isFalse();
		assertThat(updated.hasAllowedOAuthScopes()).isFalse();
		assertThat(updated.hasSupportedIdentityProviders()).isFalse();
		assertThat(cognito.describeUserPoolClient((r) -> r.userPoolId(poolId).clientId(created.clientId()))
			.userPoolClient()
			.hasCallbackURLs()).isFalse();
	}

	@Test
	void createUserPoolClientWhenCodeFlowWithoutCallbackUrlsThenInvalidOAuthFlow() {
		String poolId = newPool();

		assertThatExceptionOfType(InvalidOAuthFlowException.class)
			.isThrownBy(() -> cognito.createUserPoolClient((r) -> r.userPoolId(poolId)
				.clientName("web")
				.allowedOAuthFlows(OAuthFlowType.CODE)
				.allowedOAuthScopes("openid")
				.allowedOAuthFlowsUserPoolClient(true)))
			.satisfies(message("CallbackUrls can not be empty when code flow or implicit flow is selected"));
	}

	@Test
	void createUserPoolClientWhenHttpCallbackOnNonLoopbackHostThenInvalidParameter() {
		String poolId = newPool();

		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> cognito.createUserPoolClient(
					(r) -> r.userPoolId(poolId).clientName("web").callbackURLs("http://app.example.com/cb")))
			.satisfies((e) -> assertThat(e.awsErrorDetails().errorMessage()).contains("http://app.example.com/cb"));
	}

	@Test
	void createUserPoolClientWhenHttpCallbackOnLoopbackHostsOrCustomSchemeThenAccepted() {
		String poolId = newPool();
		CreateUserPoolClientRequest request = CreateUserPoolClientRequest.builder()
			.userPoolId(poolId)
			.clientName("web")
			.callbackURLs("http://localhost:8080/cb", "http://127.0.0.1:1234/cb", "http://[::1]:9/cb",
					"https://app.example.com/cb", "myapp://callback")
			.build();

		assertThat(cognito.createUserPoolClient(request).userPoolClient().callbackURLs()).hasSize(5);
	}

	@Test
	void createUserPoolClientWhenProviderUnknownThenInvalidParameter() {
		String poolId = newPool();

		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> cognito.createUserPoolClient(
					(r) -> r.userPoolId(poolId).clientName("web").supportedIdentityProviders("COGNITO", "Auth0")))
			.satisfies(message("The provider Auth0 does not exist for User Pool " + poolId));
	}

	@Test
	void describeUserPoolClientWhenUnknownThenResourceNotFoundNamingTheClient() {
		String poolId = newPool();

		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> cognito
				.describeUserPoolClient((r) -> r.userPoolId(poolId).clientId("1example23456789abcdefghijk")))
			.satisfies(message("User pool client 1example23456789abcdefghijk does not exist."));
	}

	// Users and groups

	@Test
	void createGroupWhenNameTakenThenGroupExistsException() {
		String poolId = newPool();
		GroupType group = cognito
			.createGroup((r) -> r.userPoolId(poolId).groupName("admins").description("Administrators").precedence(1))
			.group();
		assertThat(group.precedence()).isEqualTo(1);

		assertThatExceptionOfType(GroupExistsException.class)
			.isThrownBy(() -> cognito.createGroup((r) -> r.userPoolId(poolId).groupName("admins")))
			.satisfies(message("A group with the name admins already exists."));
		assertThat(cognito.getGroup((r) -> r.userPoolId(poolId).groupName("admins")).group().description())
			.isEqualTo("Administrators");
		assertThat(cognito.listGroups((r) -> r.userPoolId(poolId)).groups()).extracting(GroupType::groupName)
			.containsExactly("admins");
	}

	@Test
	void adminAddUserToGroupWhenUserExistsThenGroupListedForUser() {
		String poolId = newPool();
		UserPool pool = api.store.pool(poolId);
		PoolUser user = api.putFederatedUser(pool, "auth0|65f0aa", "alice@example.com");
		cognito.createGroup((r) -> r.userPoolId(poolId).groupName("admins"));

		cognito.adminAddUserToGroup((r) -> r.userPoolId(poolId).username(user.username()).groupName("admins"));

		assertThat(cognito.adminListGroupsForUser((r) -> r.userPoolId(poolId).username(user.username())).groups())
			.extracting(GroupType::groupName)
			.containsExactly("admins");
		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> cognito
				.adminAddUserToGroup((r) -> r.userPoolId(poolId).username(user.username()).groupName("nobody")))
			.satisfies(message("Group not found."));
	}

	@Test
	void adminGetUserWhenFederatedThenUserAttributesHoldIdentitiesJsonString() {
		// emulated-behaviour.md §C9 fact 6.
		String poolId = newPool();
		PoolUser user = api.putFederatedUser(api.store.pool(poolId), "auth0|65f0bb", "bob@example.com");

		var response = cognito.adminGetUser((r) -> r.userPoolId(poolId).username(user.username()));

		assertThat(response.username()).isEqualTo("Auth0_auth0|65f0bb");
		assertThat(response.userStatusAsString()).isEqualTo("EXTERNAL_PROVIDER");
		assertThat(response.enabled()).isTrue();
		assertThat(value(response.userAttributes(), "identities")).contains("\"primary\":true")
			.contains("\"dateCreated\":1700000000000");
	}

	@Test
	void adminGetUserWhenUnknownThenUserNotFound() {
		String poolId = newPool();

		assertThatExceptionOfType(UserNotFoundException.class)
			.isThrownBy(() -> cognito.adminGetUser((r) -> r.userPoolId(poolId).username("nobody")))
			.satisfies(message("User does not exist."));
	}

	@Test
	void listUsersWhenFilteredThenOnlyMatchingUsersWithAttributesMember() {
		String poolId = newPool();
		UserPool pool = api.store.pool(poolId);
		api.putFederatedUser(pool, "auth0|one", "carol@example.com");
		api.putFederatedUser(pool, "auth0|two", "dave@example.com");

		ListUsersResponse byEmail = cognito
			.listUsers((r) -> r.userPoolId(poolId).filter("email = \"dave@example.com\""));
		ListUsersResponse byPrefix = cognito.listUsers((r) -> r.userPoolId(poolId).filter("username ^= \"Auth0_\""));
		ListUsersResponse byStatus = cognito
			.listUsers((r) -> r.userPoolId(poolId).filter("cognito:user_status = \"external_provider\""));

		assertThat(byEmail.users()).singleElement()
			.satisfies((u) -> assertThat(value(u.attributes(), "email")).isEqualTo("dave@example.com"));
		assertThat(byPrefix.users()).hasSize(2);
		assertThat(byStatus.users()).hasSize(2);
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> cognito.listUsers((r) -> r.userPoolId(poolId).filter("custom:tenant = \"x\"")));
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> cognito.listUsers((r) -> r.userPoolId(poolId).filter("email == dave")))
			.satisfies(message("Error while parsing filter."));
	}

	private static String value(List<AttributeType> attributes, String name) {
		return attributes.stream().filter((a) -> a.name().equals(name)).findFirst().orElseThrow().value();
	}

	// User-token operations (unsigned)

	@Test
	void getUserWhenGarbageTokenThenNotAuthorized() {
		assertThatExceptionOfType(NotAuthorizedException.class)
			.isThrownBy(() -> cognito.getUser((r) -> r.accessToken("garbage.token.value")))
			.satisfies(message("Invalid Access Token"));
	}

	@Test
	void getUserWhenValidAccessTokenThenProfileUnsignedThenRevokeTokenRevokesIt() {
		// emulated-behaviour.md §C9 fact 15.
		String poolId = newPool();
		UserPool pool = api.store.pool(poolId);
		UserPoolClientType client = newOAuthClient(poolId);
		PoolUser user = api.putFederatedUser(pool, "auth0|65f0cc", "erin@example.com");
		Grant grant = api.grant(pool, client.clientId(), user,
				List.of("openid", "email", "aws.cognito.signin.user.admin"));
		String accessToken = api.tokens.accessToken(grant);
		String refreshToken = api.tokens.refreshToken(grant);

		var profile = cognito.getUser((r) -> r.accessToken(accessToken));

		assertThat(profile.username()).isEqualTo(user.username());
		assertThat(value(profile.userAttributes(), "email")).isEqualTo("erin@example.com");
		assertThat(value(profile.userAttributes(), "identities")).startsWith("[{\"userId\":\"auth0|65f0cc\"");
		List<LoggedRequest> getUsers = api.server.wireMock()
			.findAll(WireMock.postRequestedFor(WireMock.urlEqualTo("/"))
				.withHeader("X-Amz-Target", WireMock.equalTo("AWSCognitoIdentityProviderService.GetUser")));
		assertThat(getUsers).isNotEmpty().allSatisfy((r) -> assertThat(r.containsHeader("Authorization")).isFalse());

		assertThatExceptionOfType(UnauthorizedException.class).isThrownBy(() -> cognito
			.revokeToken((r) -> r.token(refreshToken).clientId(client.clientId()).clientSecret("wrong-secret")));
		cognito
			.revokeToken((r) -> r.token(refreshToken).clientId(client.clientId()).clientSecret(client.clientSecret()));
		assertThat(unsignedCalls("RevokeToken")).hasSizeGreaterThanOrEqualTo(2);

		assertThatExceptionOfType(NotAuthorizedException.class)
			.isThrownBy(() -> cognito.getUser((r) -> r.accessToken(accessToken)))
			.satisfies(message("Access Token has been revoked"));
	}

	@Test
	void getUserWhenAccessTokenLacksAdminScopeThenNotAuthorized() {
		// emulated-behaviour.md §C9 fact 15.
		String poolId = newPool();
		UserPool pool = api.store.pool(poolId);
		UserPoolClientType client = newOAuthClient(poolId);
		PoolUser user = api.putFederatedUser(pool, "auth0|65f0dd", "frank@example.com");
		String accessToken = api.tokens.accessToken(api.grant(pool, client.clientId(), user, List.of("openid")));

		assertThatExceptionOfType(NotAuthorizedException.class)
			.isThrownBy(() -> cognito.getUser((r) -> r.accessToken(accessToken)))
			.satisfies(message("Access Token does not have required scopes"));
	}

	@Test
	void globalSignOutWhenCalledUnsignedThenTheAccessTokenIsRevoked() {
		// emulated-behaviour.md §C9 fact 15: GlobalSignOut is unsigned, authorized by the
		// token.
		String poolId = newPool();
		UserPool pool = api.store.pool(poolId);
		UserPoolClientType client = newOAuthClient(poolId);
		PoolUser user = api.putFederatedUser(pool, "auth0|65f0ee", "gina@example.com");
		String accessToken = api.tokens
			.accessToken(api.grant(pool, client.clientId(), user, List.of("openid", "aws.cognito.signin.user.admin")));

		cognito.globalSignOut((r) -> r.accessToken(accessToken));

		assertThat(unsignedCalls("GlobalSignOut")).isNotEmpty();
		assertThatExceptionOfType(NotAuthorizedException.class)
			.isThrownBy(() -> cognito.getUser((r) -> r.accessToken(accessToken)))
			.satisfies(message("Access Token has been revoked"));
	}

	@Test
	void globalSignOutWhenAccessTokenLacksAdminScopeThenNotAuthorized() {
		// emulated-behaviour.md §C9 fact 15: GlobalSignOut, like GetUser, needs
		// aws.cognito.signin.user.admin in the access token.
		String poolId = newPool();
		UserPool pool = api.store.pool(poolId);
		UserPoolClientType client = newOAuthClient(poolId);
		PoolUser user = api.putFederatedUser(pool, "auth0|65f0ff", "hank@example.com");
		String accessToken = api.tokens
			.accessToken(api.grant(pool, client.clientId(), user, List.of("openid", "email")));

		assertThatExceptionOfType(NotAuthorizedException.class)
			.isThrownBy(() -> cognito.globalSignOut((r) -> r.accessToken(accessToken)))
			.satisfies(message("Access Token does not have required scopes"));
		assertThat(cognito
			.getUser((r) -> r.accessToken(api.tokens.accessToken(
					api.grant(pool, client.clientId(), user, List.of("openid", "aws.cognito.signin.user.admin")))))
			.username()).isEqualTo(user.username());
	}

	/** The SDK's calls of {@code operation}, each checked to carry no SigV4 header. */
	private static List<LoggedRequest> unsignedCalls(String operation) {
		List<LoggedRequest> calls = api.server.wireMock()
			.findAll(WireMock.postRequestedFor(WireMock.urlEqualTo("/"))
				.withHeader("X-Amz-Target", WireMock.equalTo("AWSCognitoIdentityProviderService." + operation)));
		assertThat(calls).allSatisfy((r) -> assertThat(r.containsHeader("Authorization")).isFalse());
		return calls;
	}

}

package io.fedlab.localidp.cognito.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The wire shapes of the local Cognito API and issuer host, over plain HTTP: discovery
 * and JWKS (emulated-behaviour.md §C3), the awsJson 1.1 envelope and error body (§C5),
 * and the AWS CLI when one is installed.
 */
class CognitoApiHttpIT {

	private static TestCognitoApi api;

	private static final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@BeforeAll
	static void start() throws Exception {
		api = TestCognitoApi.start();
	}

	@AfterAll
	static void stop() {
		api.close();
	}

	private static HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> post(String operation, String body, boolean signed) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/"))
			.header("Content-Type", "application/x-amz-json-1.1")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (operation != null) {
			request.header("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation);
		}
		if (signed) {
			request.header("Authorization",
					"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/us-east-1/cognito-idp/aws4_request, "
							+ "SignedHeaders=host;x-amz-date;x-amz-target, Signature=0000");
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode json(HttpResponse<String> response) {
		JsonNode node = Json.parse(response.body());
		assertThat(node).as(response.body()).isNotNull();
		return node;
	}

	private static String createPool(String domain) throws Exception {
		String id = json(post("CreateUserPool", "{\"PoolName\":\"raw\"}", true)).get("UserPool")
			.get("Id")
			.stringValue();
		if (domain != null) {
			assertThat(
					post("CreateUserPoolDomain", "{\"UserPoolId\":\"" + id + "\",\"Domain\":\"" + domain + "\"}", true)
						.statusCode())
				.isEqualTo(200);
		}
		return id;
	}

	@Test
	void discoveryWhenPoolHasDomainThenRealDocumentWithAlphabeticalKeysAndEndSessionEndpoint() throws Exception {
		String poolId = createPool("fedlab-discovery");

		HttpResponse<String> response = get("/" + poolId + "/.well-known/openid-configuration");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((t) -> assertThat(t).startsWith("application/json"));
		JsonNode doc = json(response);
		List<String> keys = new ArrayList<>(doc.propertyNames());
		assertThat(keys).isSorted()
			.containsExactly("authorization_endpoint", "end_session_endpoint", "id_token_signing_alg_values_supported",
					"issuer", "jwks_uri", "response_types_supported", "revocation_endpoint", "scopes_supported",
					"subject_types_supported", "token_endpoint", "token_endpoint_auth_methods_supported",
					"userinfo_endpoint");
		String issuer = api.baseUrl() + "/" + poolId;
		assertThat(doc.get("issuer").stringValue()).isEqualTo(issuer);
		assertThat(doc.get("jwks_uri").stringValue()).isEqualTo(issuer + "/.well-known/jwks.json");
		// emulated-behaviour.md §C9 fact 3: the OAuth endpoints live on the pool domain,
		// userInfo
		// with a capital I; fact 1: end_session_endpoint is listed.
		assertThat(doc.get("authorization_endpoint").stringValue())
			.isEqualTo(TestCognitoApi.HOSTED_UI + "/oauth2/authorize");
		assertThat(doc.get("userinfo_endpoint").stringValue()).isEqualTo(TestCognitoApi.HOSTED_UI + "/oauth2/userInfo");
		assertThat(doc.get("token_endpoint").stringValue()).isEqualTo(TestCognitoApi.HOSTED_UI + "/oauth2/token");
		assertThat(doc.get("revocation_endpoint").stringValue()).isEqualTo(TestCognitoApi.HOSTED_UI + "/oauth2/revoke");
		assertThat(doc.get("end_session_endpoint").stringValue()).isEqualTo(TestCognitoApi.HOSTED_UI + "/logout");
		assertThat(doc.get("response_types_supported").toString()).isEqualTo("[\"code\",\"token\"]");
		assertThat(doc.has("code_challenge_methods_supported")).isFalse();
	}

	@Test
	void discoveryWhenPoolHasNoDomainThenDomainEndpointsAreEmptyStrings() throws Exception {
		String poolId = createPool(null);

		JsonNode doc = json(get("/" + poolId + "/.well-known/openid-configuration"));

		assertThat(doc.get("authorization_endpoint").stringValue()).isEmpty();
		assertThat(doc.get("token_endpoint").stringValue()).isEmpty();
		assertThat(doc.get("issuer").stringValue()).isEqualTo(api.baseUrl() + "/" + poolId);
	}

	@Test
	void discoveryWhenEndSessionEndpointNotListedThenPre2024Document() throws Exception {
		String poolId = createPool("fedlab-old-pool");
		api.dispatcher.setEndSessionEndpointListed(false);
		try {
			assertThat(json(get("/" + poolId + "/.well-known/openid-configuration")).has("end_session_endpoint"))
				.isFalse();
		}
		finally {
			api.dispatcher.setEndSessionEndpointListed(true);
		}
	}

	@Test
	void jwksWhenFetchedThenTwoPublicRsaKeysWithDifferentKids() throws Exception {
		// emulated-behaviour.md §C9 fact 3.
		String poolId = createPool(null);

		JsonNode keys = json(get("/" + poolId + "/.well-known/jwks.json")).get("keys");

		assertThat(keys.size()).isEqualTo(2);
		for (JsonNode key : keys.values()) {
			assertThat(new ArrayList<>(key.propertyNames())).containsExactly("alg", "e", "kid", "kty", "n", "use");
			assertThat(key.get("alg").stringValue()).isEqualTo("RS256");
			assertThat(key.get("use").stringValue()).isEqualTo("sig");
			assertThat(key.get("e").stringValue()).isEqualTo("AQAB");
		}
		assertThat(keys.get(0).get("kid").stringValue()).isNotEqualTo(keys.get(1).get("kid").stringValue());
	}

	@Test
	void wellKnownWhenPoolUnknownThen404Json() throws Exception {
		HttpResponse<String> discovery = get("/us-east-1_NoSuchPool/.well-known/openid-configuration");
		HttpResponse<String> jwks = get("/us-east-1_NoSuchPool/.well-known/jwks.json");

		assertThat(discovery.statusCode()).isEqualTo(404);
		assertThat(jwks.statusCode()).isEqualTo(404);
		assertThat(json(jwks).get("message").stringValue()).isEqualTo("User pool us-east-1_NoSuchPool does not exist.");
	}

	@Test
	void errorWhenResourceMissingThenTypeAndMessageBodyWithErrorTypeHeader() throws Exception {
		// emulated-behaviour.md §C9 fact 15.
		String poolId = createPool(null);

		HttpResponse<String> response = post("DescribeUserPoolClient",
				"{\"UserPoolId\":\"" + poolId + "\",\"ClientId\":\"abc123\"}", true);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
		assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("ResourceNotFoundException:");
		JsonNode body = json(response);
		assertThat(new ArrayList<>(body.propertyNames())).containsExactly("__type", "message");
		assertThat(body.get("__type").stringValue()).isEqualTo("ResourceNotFoundException");
		assertThat(body.get("message").stringValue()).isEqualTo("User pool client abc123 does not exist.");
	}

	@Test
	void signedOperationWhenNoAuthorizationHeaderThenMissingAuthenticationToken() throws Exception {
		HttpResponse<String> response = post("ListUserPools", "{\"MaxResults\":10}", false);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).get("__type").stringValue()).isEqualTo("MissingAuthenticationTokenException");
		assertThat(json(response).get("message").stringValue()).isEqualTo("Missing Authentication Token");
	}

	@Test
	void getUserWhenNoAuthorizationHeaderThenStillAnsweredBecauseUnsigned() throws Exception {
		// emulated-behaviour.md §C9 fact 15.
		HttpResponse<String> response = post("GetUser", "{\"AccessToken\":\"a.b.c\"}", false);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).get("__type").stringValue()).isEqualTo("NotAuthorizedException");
	}

	@Test
	void revokeTokenAndGlobalSignOutWhenNoAuthorizationHeaderThenAnsweredBecauseUnsigned() throws Exception {
		// emulated-behaviour.md §C9 fact 15: only GetUser, RevokeToken and GlobalSignOut
		// (of these)
		// go unsigned; a signed operation without SigV4 is refused before it runs.
		HttpResponse<String> revoke = post("RevokeToken", "{\"Token\":\"x\",\"ClientId\":\"nobody\"}", false);
		HttpResponse<String> signOut = post("GlobalSignOut", "{\"AccessToken\":\"a.b.c\"}", false);

		assertThat(json(revoke).get("__type").stringValue()).isEqualTo("UnauthorizedException");
		assertThat(json(signOut).get("__type").stringValue()).isEqualTo("NotAuthorizedException");
	}

	@Test
	void apiWhenTargetUnknownThenUnknownOperationException() throws Exception {
		HttpResponse<String> response = post("DeleteEverything", "{}", true);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).get("__type").stringValue()).isEqualTo("UnknownOperationException");
	}

	@Test
	void apiWhenBodyIsNotJsonThenSerializationExceptionNotStackTrace() throws Exception {
		HttpResponse<String> response = post("ListUserPools", "{\"MaxResults\":", true);
		HttpResponse<String> wrongType = post("ListUserPools", "{\"MaxResults\":\"ten\"}", true);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).get("__type").stringValue()).isEqualTo("SerializationException");
		assertThat(response.body()).doesNotContain("Exception:").doesNotContain("at tools.");
		assertThat(json(wrongType).get("__type").stringValue()).isEqualTo("SerializationException");
	}

	@Test
	void apiWhenRequiredMemberMissingThenValidationWordedInvalidParameter() throws Exception {
		HttpResponse<String> response = post("DescribeUserPool", "{}", true);

		assertThat(json(response).get("__type").stringValue()).isEqualTo("InvalidParameterException");
		assertThat(json(response).get("message").stringValue()).isEqualTo(
				"1 validation error detected: Value null at 'userPoolId' failed to satisfy constraint: Member must not be null");
	}

	@Test
	void describeUserPoolWhenReadRawThenTimestampsAreEpochSecondsWithFraction() throws Exception {
		String poolId = createPool(null);

		HttpResponse<String> response = post("DescribeUserPool", "{\"UserPoolId\":\"" + poolId + "\"}", true);

		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
		assertThat(response.body()).containsPattern("\"CreationDate\":1[0-9]{9}\\.[0-9]{3}[,}]");
		JsonNode schema = json(response).get("UserPool").get("SchemaAttributes").get(0);
		assertThat(schema.get("StringAttributeConstraints").get("MinLength").isString()).isTrue();
	}

	@Test
	void describeUserPoolDomainWhenUnknownThenRaw200EmptyDescription() throws Exception {
		// emulated-behaviour.md §C9 fact 15.
		HttpResponse<String> response = post("DescribeUserPoolDomain", "{\"Domain\":\"unknown-prefix\"}", true);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"DomainDescription\":{}}");
	}

	@Test
	void awsCliWhenInstalledThenListUserPoolsWorksAgainstTheEmulator() throws Exception {
		assumeThat(onPath("aws")).as("aws CLI on PATH").isTrue();
		String poolId = createPool(null);
		ProcessBuilder process = new ProcessBuilder("aws", "--endpoint-url", api.baseUrl(), "--region", "us-east-1",
				"--output", "json", "cognito-idp", "list-user-pools", "--max-results", "10")
			.redirectErrorStream(true);
		Map<String, String> env = process.environment();
		env.put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
		env.put("AWS_SECRET_ACCESS_KEY", "dummy");
		env.put("AWS_CONFIG_FILE", "/dev/null");
		env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
		env.remove("AWS_PROFILE");
		Process running = process.start();
		assertThat(running.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String output = new String(running.getInputStream().readAllBytes());

		assertThat(running.exitValue()).as(output).isZero();
		assertThat(output).contains(poolId);
	}

	private static boolean onPath(String command) throws IOException {
		String path = System.getenv("PATH");
		if (path == null) {
			return false;
		}
		for (String dir : path.split(java.io.File.pathSeparator)) {
			if (Files.isExecutable(Path.of(dir, command))) {
				return true;
			}
		}
		return false;
	}

}

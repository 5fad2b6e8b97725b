package io.fedlab.localidp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.fedlab.support.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.fedlab.localidp.cognito.api.CognitoApiDispatcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of generated malformed requests (a seeded {@link Random}, so every run sends
 * the same ones) across every emulator endpoint and every Cognito JSON API operation,
 * sent as raw bytes: broken percent-escapes, unknown charsets, repeated and over-long
 * parameters, JSON of the wrong type or shape, over-long members, missing members,
 * oversized and random bodies, odd credentials and cookies. None may answer 5xx, name a
 * Java class, or leave the service's own error shape.
 */
class MalformedInputIT {

	static final long SEED = 13;

	/** Requests per endpoint, and per JSON API operation. */
	static final int PER_ENDPOINT = 110;

	static final Pattern LEAK = Pattern.compile(
			"java\\.|javax\\.|jakarta\\.|jetty|wiremock|tomakehurst|\\.java:|\\bat [a-z]+\\.[a-z]+\\.|NullPointer|IllegalArgument|IllegalState|Unsupported[A-Za-z]*Exception",
			Pattern.CASE_INSENSITIVE);

	/** An API error type, as the JSON body and x-amzn-ErrorType carry it. */
	static final Pattern API_ERROR_TYPE = Pattern.compile("\\b[A-Z][A-Za-z]*Exception(?=\"|:)");

	/** Jetty refusing what is not HTTP at all (bad request line or header): bare text. */
	static final Pattern TRANSPORT_REFUSAL = Pattern.compile("\\d{3} [A-Za-z ]+");

	static final JsonMapper JSON = JsonMapper.builder().build();

	static LocalStack stack;

	static String poolId;

	static String clientId;

	static String clientSecret;

	static String callback;

	static String auth0ClientId;

	@BeforeAll
	static void start() {
		stack = TestLocalStacks.start();
		poolId = stack.provisioned().userPoolId();
		clientId = stack.provisioned().clientId();
		clientSecret = stack.provisioned().clientSecret();
		auth0ClientId = stack.provisioned().auth0ClientId();
		callback = stack.cognitoStore().pool(poolId).client(clientId).callbackUrls().get(0);
	}

	@AfterAll
	static void stop() {
		stack.close();
	}

	enum Family {

		/** Cognito's JSON API: {@code {"__type","message"}}. */
		API,

		/** A token or revocation endpoint: JSON {@code {"error":…}}. */
		OAUTH_JSON,

		/**
		 * A userinfo endpoint: JSON {@code {"error":…}} or a WWW-Authenticate challenge.
		 */
		USERINFO,

		/** A browser page: its HTML error page. */
		PAGE,

		/** Discovery or key set: JSON, or a plain-text 4xx. */
		DOCUMENT

	}

	record Endpoint(String emulator, String method, String path, Family family, String target) {
	}

	List<Endpoint> endpoints() {
		List<Endpoint> all = new ArrayList<>();
		for (String[] e : new String[][] { { "GET", "/oauth2/authorize", "PAGE" }, { "GET", "/login", "PAGE" },
				{ "GET", "/oauth2/idpresponse", "PAGE" }, { "GET", "/logout", "PAGE" }, { "GET", "/error", "PAGE" },
				{ "POST", "/oauth2/token", "OAUTH_JSON" }, { "POST", "/oauth2/revoke", "OAUTH_JSON" },
				{ "GET", "/oauth2/userInfo", "USERINFO" }, { "POST", "/oauth2/userInfo", "USERINFO" } }) {
			all.add(new Endpoint("cognito-hosted-ui", e[0], e[1], Family.valueOf(e[2]), null));
		}
		for (String[] e : new String[][] { { "GET", "/.well-known/openid-configuration", "DOCUMENT" },
				{ "GET", "/.well-known/jwks.json", "DOCUMENT" }, { "GET", "/authorize", "PAGE" },
				{ "GET", "/u/login", "PAGE" }, { "POST", "/u/login", "PAGE" }, { "POST", "/oauth/token", "OAUTH_JSON" },
				{ "GET", "/userinfo", "USERINFO" }, { "POST", "/userinfo", "USERINFO" },
				{ "GET", "/v2/logout", "PAGE" }, { "GET", "/oidc/logout", "PAGE" },
				{ "POST", "/oidc/logout", "PAGE" } }) {
			all.add(new Endpoint("auth0", e[0], e[1], Family.valueOf(e[2]), null));
		}
		all.add(new Endpoint("cognito-api", "GET", "/" + poolId + "/.well-known/openid-configuration", Family.DOCUMENT,
				null));
		all.add(new Endpoint("cognito-api", "GET", "/" + poolId + "/.well-known/jwks.json", Family.DOCUMENT, null));
		CognitoApiDispatcher api = (CognitoApiDispatcher) stack.server("cognito-api").dispatcher();
		for (String operation : api.operationNames()) {
			all.add(new Endpoint("cognito-api", "POST", "/", Family.API, operation));
		}
		return all;
	}

	@Test
	void generatedMalformedRequestsWhenSentToEveryEndpointThenNo5xxAndTheServicesOwnErrorShapes() {
		Random random = new Random(SEED);
		List<Endpoint> endpoints = endpoints();
		assertThat(endpoints.stream().filter((e) -> e.family() == Family.API)).hasSizeGreaterThan(15);
		TreeMap<String, Integer> counts = new TreeMap<>();
		List<String> failures = new ArrayList<>();
		int sent = 0;
		for (Endpoint endpoint : endpoints) {
			for (int i = 0; i < PER_ENDPOINT; i++) {
				int port = stack.server(endpoint.emulator()).port();
				byte[] request = (endpoint.family() == Family.API) ? apiRequest(random, port, endpoint.target())
						: oauthRequest(random, port, endpoint);
				RawHttp.Reply reply = RawHttp.send(port, request);
				sent++;
				String failure = check(endpoint, reply);
				counts.merge((reply.status() / 100) + "xx", 1, Integer::sum);
				if (failure != null && failures.size() < 30) {
					failures.add(endpoint.emulator() + " " + endpoint.method() + " " + endpoint.path() + " "
							+ ((endpoint.target() != null) ? endpoint.target() + " " : "") + "→ " + reply.status() + " "
							+ failure + "\n  request: " + shorten(new String(request, StandardCharsets.ISO_8859_1))
							+ "\n  response: " + shorten(reply.headerText() + "\n" + reply.text()));
				}
			}
		}
		System.out.printf("Malformed input: %d requests over %d endpoints and operations: %s%n", sent, endpoints.size(),
				counts);
		assertThat(failures).as("responses out of shape").isEmpty();
		assertThat(counts).doesNotContainKey("5xx");
		assertThat(sent).isGreaterThan(4000);
		assertThat(counts.getOrDefault("4xx", 0)).isGreaterThan(sent / 2);
	}

	@Test
	void issueExamplesWhenSentThenEachServiceAnswers400InItsOwnShape() {
		int auth0 = stack.server("auth0").port();
		int domain = stack.server("cognito-hosted-ui").port();
		int api = stack.server("cognito-api").port();
		RawHttp.Reply authorize = RawHttp.send(auth0,
				RawHttp.request("GET", "/authorize?client_id=%", "localhost:" + auth0, List.of(), null));
		assertThat(authorize.status()).isEqualTo(400);
		assertThat(authorize.text()).contains("Oops!, something went wrong", "invalid_request");

		RawHttp.Reply grant = RawHttp.send(domain,
				RawHttp.request("POST", "/oauth2/token", "localhost:" + domain,
						List.<String[]>of(new String[] { "Content-Type", "application/x-www-form-urlencoded" }),
						"grant_type=%zz".getBytes(StandardCharsets.US_ASCII)));
		assertThat(grant.status()).isEqualTo(400);
		assertThat(grant.text()).isEqualTo("{\"error\":\"invalid_request\"}");

		RawHttp.Reply charset = RawHttp.send(domain,
				RawHttp.request("POST", "/oauth2/token", "localhost:" + domain,
						List.<String[]>of(
								new String[] { "Content-Type", "application/x-www-form-urlencoded; charset=nope" }),
						"grant_type=authorization_code".getBytes(StandardCharsets.US_ASCII)));
		assertThat(charset.status()).isEqualTo(400);
		assertThat(charset.text()).isEqualTo("{\"error\":\"invalid_request\"}");

		RawHttp.Reply jsonNull = RawHttp.send(auth0,
				RawHttp.request("POST", "/oauth/token", "localhost:" + auth0,
						List.<String[]>of(new String[] { "Content-Type", "application/json" }),
						"null".getBytes(StandardCharsets.US_ASCII)));
		assertThat(jsonNull.status()).isEqualTo(400);
		assertThat(hasText(jsonNull, "error")).isTrue();

		for (String body : List.of(
				"{\"UserPoolId\":\"" + poolId + "\",\"Filter\":\"" + "f".repeat(33_000) + "\"}|ListUsers|filter",
				"{\"UserPoolId\":\"" + "p".repeat(40_000) + "\"}|DescribeUserPool|userPoolId")) {
			String[] parts = body.split("\\|");
			RawHttp.Reply reply = RawHttp.send(api,
					RawHttp.request("POST", "/", "localhost:" + api,
							List.of(new String[] { "Content-Type", "application/x-amz-json-1.1" },
									new String[] { "X-Amz-Target", "AWSCognitoIdentityProviderService." + parts[1] },
									new String[] { "Authorization", "AWS4-HMAC-SHA256 Credential=x" }),
							parts[0].getBytes(StandardCharsets.UTF_8)));
			assertThat(reply.status()).as(parts[1]).isEqualTo(400);
			assertThat(reply.header("x-amzn-ErrorType")).isEqualTo("InvalidParameterException:");
			assertThat(reply.header("x-amzn-ErrorMessage")).hasSizeLessThan(1100)
				.contains("at '" + parts[2] + "'", "Member must have length less than or equal to");
			assertThat(reply.text()).hasSizeLessThan(1000).doesNotContain("ffffffffff", "pppppppppp");
		}

		RawHttp.Reply tooLarge = RawHttp.send(api,
				RawHttp.request("POST", "/", "localhost:" + api,
						List.of(new String[] { "Content-Type", "application/x-amz-json-1.1" },
								new String[] { "X-Amz-Target", "AWSCognitoIdentityProviderService.ListUserPools" },
								new String[] { "Authorization", "AWS4-HMAC-SHA256 Credential=x" }),
						("{\"MaxResults\":10,\"x\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8)));
		assertThat(tooLarge.status()).isEqualTo(400);
		assertThat(tooLarge.header("Content-Type")).startsWith("application/x-amz-json-1.1");
		assertThat(hasText(tooLarge, "__type") && hasText(tooLarge, "message")).isTrue();
	}

	/** What is wrong with the reply, or null. */
	static String check(Endpoint endpoint, RawHttp.Reply reply) {
		if (reply.status() >= 500) {
			return "a server error";
		}
		String text = reply.headerText() + "\n" + reply.text();
		if (LEAK.matcher(text).find()) {
			return "names an implementation class";
		}
		String withoutErrorTypes = (endpoint.family() == Family.API || endpoint.family() == Family.DOCUMENT)
				? API_ERROR_TYPE.matcher(text).replaceAll("") : text;
		if (withoutErrorTypes.contains("Exception")) {
			return "names an exception";
		}
		if (reply.status() < 400) {
			return null;
		}
		String type = String.valueOf(reply.header("Content-Type")).toLowerCase(Locale.ROOT);
		if (reply.status() == 405) {
			// a method the endpoint does not take (Cognito's userInfo is GET only)
			return (reply.header("Allow") != null && type.startsWith("text/plain")) ? null : "a 405 without Allow";
		}
		if (type.startsWith("text/plain") && TRANSPORT_REFUSAL.matcher(reply.text()).matches()) {
			// Refused by Jetty before any emulator saw it (not HTTP: a bare status).
			return null;
		}
		return switch (endpoint.family()) {
			case API ->
				(type.startsWith("application/x-amz-json-1.1") && hasText(reply, "__type") && hasText(reply, "message"))
						? null : "not {\"__type\",\"message\"}";
			case OAUTH_JSON ->
				(type.startsWith("application/json") && hasText(reply, "error")) ? null : "not {\"error\":…}";
			case USERINFO -> ((type.startsWith("application/json") && hasText(reply, "error"))
					|| reply.header("WWW-Authenticate") != null) ? null : "neither an error nor a challenge";
			case PAGE -> type.startsWith("text/html") ? null : "not the error page";
			case DOCUMENT -> ((type.startsWith("application/json") || type.startsWith("application/x-amz-json-1.1")
					|| type.startsWith("text/plain")) && reply.body().length > 0) ? null : "no error body";
		};
	}

	static boolean hasText(RawHttp.Reply reply, String member) {
		try {
			JsonNode node = JSON.readTree(reply.text());
			return node.isObject() && node.path(member).isString() && !node.path(member).asString().isEmpty();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	// OAuth endpoints and pages

	static final String[] PARAMS = { "client_id", "redirect_uri", "response_type", "scope", "state", "nonce",
			"code_challenge", "code_challenge_method", "identity_provider", "prompt", "grant_type", "code",
			"code_verifier", "refresh_token", "token", "client_secret", "logout_uri", "returnTo", "error", "username",
			"password", "access_token", "id_token_hint", "post_logout_redirect_uri", "federated" };

	byte[] oauthRequest(Random random, int port, Endpoint endpoint) {
		String params = params(random);
		List<String[]> headers = new ArrayList<>();
		byte[] body = null;
		String target = endpoint.path();
		boolean post = endpoint.method().equals("POST");
		if (!post || random.nextInt(4) == 0) {
			target += "?" + params(random);
		}
		if (post) {
			String contentType = pick(random, "application/x-www-form-urlencoded", "application/x-www-form-urlencoded",
					"application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=nope",
					"application/x-www-form-urlencoded; charset=",
					"application/x-www-form-urlencoded; charset=\"utf-16\"", "application/json",
					"application/json; charset=nope", "multipart/form-data; boundary=x", "text/plain", ";;;", null);
			if (contentType != null) {
				headers.add(new String[] { "Content-Type", contentType });
			}
			body = (contentType != null && contentType.startsWith("application/json")) ? jsonBody(random)
					: params.getBytes(StandardCharsets.ISO_8859_1);
			body = maybeOddBody(random, body);
		}
		addCredentials(random, headers);
		return RawHttp.request(endpoint.method(), target, host(random, port), headers, body);
	}

	String params(Random random) {
		StringBuilder query = new StringBuilder();
		int count = random.nextInt(8);
		for (int i = 0; i < count; i++) {
			if (i > 0) {
				query.append(pick(random, "&", "&", "&", "&&", ";"));
			}
			String name = (random.nextInt(10) == 0) ? oddValue(random) : PARAMS[random.nextInt(PARAMS.length)];
			query.append(name);
			if (random.nextInt(12) != 0) {
				query.append('=').append(value(random, name));
			}
			if (random.nextInt(15) == 0) {
				// the same parameter twice
				query.append('&').append(name).append('=').append(value(random, name));
			}
		}
		if (random.nextInt(6) == 0) {
			query.append(pick(random, "%", "%z", "%zz", "%4", "&%", "=%", "&a=%G1", "&b=%%"));
		}
		return query.toString();
	}

	String value(Random random, String name) {
		if (random.nextInt(3) == 0) {
			return oddValue(random);
		}
		return switch (name) {
			case "client_id" -> pick(random, clientId, auth0ClientId, "nobody");
			case "redirect_uri", "logout_uri", "returnTo", "post_logout_redirect_uri" ->
				enc(pick(random, callback, callback + "/", "http://evil.example/", "javascript:alert(1)"));
			case "response_type" -> pick(random, "code", "token", "id_token", "code token");
			case "scope" -> enc(pick(random, "openid", "openid email profile", "aws.cognito.signin.user.admin", "x/y"));
			case "grant_type" -> pick(random, "authorization_code", "refresh_token", "client_credentials", "password");
			case "identity_provider" -> pick(random, "Auth0", "auth0", "COGNITO");
			case "code_challenge_method" -> pick(random, "S256", "plain");
			case "client_secret" -> pick(random, clientSecret, "wrong");
			case "username" -> pick(random, "alice@example.com", "nobody@example.com");
			case "password" -> pick(random, "wonderland", "wrong");
			default -> enc(Long.toString(random.nextLong(), 36));
		};
	}

	static String oddValue(Random random) {
		return switch (random.nextInt(14)) {
			case 0 -> "";
			case 1 -> "%";
			case 2 -> "%zz";
			case 3 -> "a".repeat(2000 + random.nextInt(4000));
			case 4 -> enc("ä€😀\u202e");
			case 5 -> "%00";
			case 6 -> "%0d%0aX-Injected:%201";
			case 7 -> "%ff%fe%c0%af";
			case 8 -> "+%2B+";
			case 9 -> enc("<script>alert(1)</script>\"'");
			case 10 -> enc("{\"a\":[1,{}]}");
			case 11 -> "%25" + "%41".repeat(500);
			case 12 -> randomPrintable(random, 1 + random.nextInt(40));
			default -> "..%2F..%2F%2e%2e";
		};
	}

	static String randomPrintable(Random random, int length) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < length; i++) {
			char c = (char) (0x21 + random.nextInt(0x7e - 0x21));
			// a raw space, '#', '&' or '=' would change the request's structure, not a
			// value
			out.append((c == '#' || c == '&' || c == '=' || c == '%' || c == '?') ? 'x' : c);
		}
		return out.toString();
	}

	static byte[] jsonBody(Random random) {
		String json = switch (random.nextInt(10)) {
			case 0 -> "null";
			case 1 -> "[]";
			case 2 -> "42";
			case 3 -> "\"grant_type\"";
			case 4 -> "{\"grant_type\":null,\"code\":{}}";
			case 5 -> "{\"grant_type\":\"authorization_code\",\"code\":[1,2]}";
			case 6 -> "{\"grant_type\":";
			case 7 -> "[".repeat(5000);
			case 8 -> "{\"grant_type\":\"authorization_code\",\"client_id\":1e999}";
			default -> "{}";
		};
		return json.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] maybeOddBody(Random random, byte[] body) {
		return switch (random.nextInt(25)) {
			case 0 -> randomBytes(random, 1 + random.nextInt(2000));
			case 1 -> new byte[70_000];
			case 2 -> new byte[0];
			case 3 -> new byte[] { (byte) 0xef, (byte) 0xbb, (byte) 0xbf, (byte) 0xc3, (byte) 0x28 };
			default -> body;
		};
	}

	static byte[] randomBytes(Random random, int length) {
		byte[] bytes = new byte[length];
		random.nextBytes(bytes);
		return bytes;
	}

	void addCredentials(Random random, List<String[]> headers) {
		switch (random.nextInt(9)) {
			case 0 -> headers.add(new String[] { "Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8)) });
			case 1 -> headers.add(new String[] { "Authorization", "Basic !!!not-base64" });
			case 2 -> headers.add(new String[] { "Authorization",
					"Basic " + Base64.getEncoder().encodeToString("%zz:%".getBytes(StandardCharsets.UTF_8)) });
			case 3 -> headers.add(new String[] { "Authorization", "Bearer " + "x.y.z" });
			case 4 -> headers.add(new String[] { "Authorization", "Bearer " + "a".repeat(3000) });
			case 5 -> headers.add(new String[] { "Cookie",
					pick(random, "cognito=nope; cognito-fed=%zz", "auth0=; auth0-tx=\"", "a=b=c; ;;", "cognito") });
			default -> {
			}
		}
	}

	static String host(Random random, int port) {
		return (random.nextInt(10) == 0) ? "127.0.0.1:" + port : "localhost:" + port;
	}

	// The JSON API

	static final String[] MEMBERS = { "UserPoolId", "ClientId", "Username", "Filter", "Limit", "MaxResults",
			"NextToken", "PaginationToken", "AccessToken", "Token", "ClientSecret", "GroupName", "ProviderName",
			"ProviderType", "ProviderDetails", "AttributeMapping", "IdpIdentifiers", "CallbackURLs", "LogoutURLs",
			"AllowedOAuthFlows", "AllowedOAuthScopes", "SupportedIdentityProviders", "AllowedOAuthFlowsUserPoolClient",
			"Domain", "PoolName", "ClientName", "GenerateSecret", "AttributesToGet", "Precedence", "Description",
			"UserAttributes", "TokenValidityUnits", "RefreshTokenValidity", "AccessTokenValidity", "Schema", "Policies",
			"UserPoolTags", "DefaultRedirectURI", "EnableTokenRevocation", "ExplicitAuthFlows", "ReadAttributes",
			"WriteAttributes", "UsernameAttributes", "AutoVerifiedAttributes", "MessageAction", "TemporaryPassword",
			"DesiredDeliveryMediums" };

	byte[] apiRequest(Random random, int port, String operation) {
		List<String[]> headers = new ArrayList<>();
		String target = switch (random.nextInt(20)) {
			case 0 -> null;
			case 1 -> "AWSCognitoIdentityProviderService." + operation.toLowerCase(Locale.ROOT);
			case 2 -> "AWSCognitoIdentityProviderService.";
			case 3 -> "x".repeat(3000);
			default -> "AWSCognitoIdentityProviderService." + operation;
		};
		if (target != null) {
			headers.add(new String[] { "X-Amz-Target", target });
		}
		String contentType = pick(random, "application/x-amz-json-1.1", "application/x-amz-json-1.1",
				"application/x-amz-json-1.1", "application/x-amz-json-1.1; charset=nope", "application/json",
				"application/x-www-form-urlencoded", null);
		if (contentType != null) {
			headers.add(new String[] { "Content-Type", contentType });
		}
		if (random.nextInt(8) != 0) {
			headers.add(new String[] { "Authorization",
					"AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/cognito-idp/aws4_request, SignedHeaders=host, Signature=00" });
		}
		byte[] body = apiBody(random).getBytes(StandardCharsets.UTF_8);
		body = maybeOddBody(random, body);
		String path = (random.nextInt(15) == 0) ? "/?" + params(random) : "/";
		return RawHttp.request("POST", path, host(random, port), headers, body);
	}

	String apiBody(Random random) {
		switch (random.nextInt(12)) {
			case 0:
				return pick(random, "null", "[]", "[{}]", "1", "-1e400", "true", "\"UserPoolId\"", "", "{", "{]",
						"{\"UserPoolId\":\"" + poolId + "\"", "\u0000", "{\"a\":1}garbage");
			case 1:
				return "{\"x\":" + "[".repeat(3000) + "]".repeat(3000) + "}";
			default:
				StringBuilder json = new StringBuilder("{");
				json.append("\"UserPoolId\":").append(quote(pick(random, poolId, "us-east-1_nope", "bad id")));
				json.append(",\"ClientId\":").append(quote(pick(random, clientId, "nope")));
				json.append(",\"Username\":").append(quote(pick(random, "alice", "Auth0_auth0|x")));
				json.append(",\"MaxResults\":").append(random.nextInt(100) - 20);
				int mutated = 1 + random.nextInt(3);
				for (int i = 0; i < mutated; i++) {
					json.append(",\"")
						.append(MEMBERS[random.nextInt(MEMBERS.length)])
						.append("\":")
						.append(oddJson(random));
				}
				return json.append('}').toString();
		}
	}

	static String oddJson(Random random) {
		return switch (random.nextInt(16)) {
			case 0 -> "null";
			case 1 -> "12345678901234567890123";
			case 2 -> "-1";
			case 3 -> "1.5e308";
			case 4 -> "true";
			case 5 -> "[]";
			case 6 -> "[1,\"a\",null,{}]";
			case 7 -> "{}";
			case 8 -> "{\"a\":1,\"b\":[null]}";
			case 9 -> quote("x".repeat(33_000 + random.nextInt(8000)));
			case 10 -> quote("ä€😀\\u0000\\ud800");
			case 11 -> quote("");
			case 12 -> "[\"" + "y".repeat(3000) + "\"]";
			case 13 -> "{\"AccessToken\":\"" + "z".repeat(2000) + "\"}";
			case 14 -> quote("code");
			default -> "\"unterminated";
		};
	}

	static String quote(String text) {
		return "\"" + text.replace("\"", "\\\"") + "\"";
	}

	static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	@SafeVarargs
	static <T> T pick(Random random, T... choices) {
		return choices[random.nextInt(choices.length)];
	}

	static String shorten(String text) {
		String oneLine = text.replace("\r\n", " | ").replace("\n", " | ");
		return (oneLine.length() > 600) ? oneLine.substring(0, 600) + "…" : oneLine;
	}

}

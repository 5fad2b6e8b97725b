package io.fedlab.localidp.cognito.api;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

import io.fedlab.localidp.cognito.state.CognitoStore;
import io.fedlab.localidp.cognito.state.IdGenerator;
import io.fedlab.localidp.cognito.state.PoolUser;
import io.fedlab.localidp.cognito.state.UserPool;
import io.fedlab.localidp.cognito.tokens.CognitoTokens;
import io.fedlab.localidp.cognito.tokens.Grant;
import io.fedlab.localidp.cognito.tokens.PoolKeys;
import io.fedlab.localidp.http.EmulatorServer;
import io.fedlab.localidp.http.FreePorts;

/**
 * A running local Cognito API on a free port, with its store, keys and token minter, plus
 * a tiny Auth0-shaped OIDC issuer that serves only a discovery document.
 */
final class TestCognitoApi implements AutoCloseable {

	static final String HOSTED_UI = "http://localhost:9230";

	final int port;

	final CognitoStore store;

	final PoolKeys keys;

	final CognitoTokens tokens;

	final CognitoApiDispatcher dispatcher;

	final EmulatorServer server;

	final HttpServer issuer;

	/** Requests the fake issuer has answered on its discovery path. */
	final AtomicInteger discoveryHits = new AtomicInteger();

	private TestCognitoApi() throws IOException {
		this.port = FreePorts.resolve(0);
		this.store = new CognitoStore("us-east-1", "123456789012", IdGenerator.random());
		this.keys = new PoolKeys(null);
		this.tokens = new CognitoTokens(this.keys, (poolId) -> baseUrl() + "/" + poolId, Clock.systemUTC());
		this.dispatcher = new CognitoApiDispatcher(this.store, this.tokens, this.keys, (prefix) -> HOSTED_UI,
				Clock.systemUTC());
		this.server = new EmulatorServer("cognito-api", "127.0.0.1", this.port, this.dispatcher).start();
		this.issuer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.issuer.createContext("/.well-known/openid-configuration", (exchange) -> {
			this.discoveryHits.incrementAndGet();
			byte[] body = auth0Discovery().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.issuer.start();
	}

	static TestCognitoApi start() throws IOException {
		return new TestCognitoApi();
	}

	String baseUrl() {
		return "http://localhost:" + this.port;
	}

	/** The fake issuer as Cognito's {@code oidc_issuer} is configured: no slash. */
	String issuerUrl() {
		return "http://localhost:" + this.issuer.getAddress().getPort();
	}

	/** The shape of an Auth0 tenant's document: issuer with a slash, /oauth/token. */
	private String auth0Discovery() {
		String base = issuerUrl();
		return """
				{"issuer":"%1$s/","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/oauth/token",\
				"device_authorization_endpoint":"%1$s/oauth/device/code","userinfo_endpoint":"%1$s/userinfo",\
				"mfa_challenge_endpoint":"%1$s/mfa/challenge","jwks_uri":"%1$s/.well-known/jwks.json",\
				"registration_endpoint":"%1$s/oidc/register","revocation_endpoint":"%1$s/oauth/revoke",\
				"scopes_supported":["openid","profile","offline_access","name","given_name","family_name","email"],\
				"response_types_supported":["code","token","id_token"],"subject_types_supported":["public"],\
				"id_token_signing_alg_values_supported":["HS256","RS256","PS256"],\
				"token_endpoint_auth_methods_supported":["client_secret_basic","client_secret_post","private_key_jwt"]}
				""".formatted(base);
	}

	CognitoIdentityProviderClient sdk() {
		return CognitoIdentityProviderClient.builder()
			.endpointOverride(URI.create(baseUrl()))
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "dummy")))
			.httpClient(UrlConnectionHttpClient.create())
			.build();
	}

	/**
	 * A federated Auth0 user, put straight into the store as the hosted UI would create
	 * it: {@code identities} is a JSON string with boolean primary and numeric
	 * dateCreated.
	 */
	PoolUser putFederatedUser(UserPool pool, String auth0Sub, String email) {
		Map<String, String> attributes = new LinkedHashMap<>();
		attributes.put("sub", UUID.randomUUID().toString());
		attributes.put("email", email);
		attributes.put("email_verified", "true");
		attributes.put("identities",
				"[{\"userId\":\"" + auth0Sub
						+ "\",\"providerName\":\"Auth0\",\"providerType\":\"OIDC\",\"issuer\":null,\"primary\":true,"
						+ "\"dateCreated\":1700000000000}]");
		Instant now = Instant.now();
		PoolUser user = new PoolUser("Auth0_" + auth0Sub, attributes, now, now, true, "EXTERNAL_PROVIDER");
		this.store.putUser(pool, user);
		return user;
	}

	Grant grant(UserPool pool, String clientId, PoolUser user, List<String> scopes) {
		return new Grant(pool, pool.client(clientId), user, scopes, null, Instant.now(), UUID.randomUUID().toString(),
				UUID.randomUUID().toString());
	}

	@Override
	public void close() {
		this.server.close();
		this.issuer.stop(0);
	}

}

package io.fedlab.provisioning;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.fedlab.localidp.auth0.Auth0Application;
import io.fedlab.localidp.auth0.Auth0Emulator;
import io.fedlab.localidp.auth0.Auth0Settings;
import io.fedlab.localidp.cognito.api.CognitoApiDispatcher;
import io.fedlab.localidp.cognito.state.CognitoStore;
import io.fedlab.localidp.cognito.state.IdGenerator;
import io.fedlab.localidp.cognito.tokens.CognitoTokens;
import io.fedlab.localidp.cognito.tokens.PoolKeys;
import io.fedlab.localidp.http.EmulatorServer;
import io.fedlab.localidp.http.FreePorts;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The local Cognito JSON API and the local Auth0 tenant on free ports, each a real HTTP
 * server, plus configurations that point at them.
 */
final class TestLocalCognito implements AutoCloseable {

	static final String REGION = "eu-west-1";

	static final String AUTH0_CLIENT_ID = "auth0-cognito-app";

	static final String AUTH0_CLIENT_SECRET = "auth0-secret-value-0123456789";

	static final String APP_CALLBACK = "http://localhost:8080/login/oauth2/code/cognito";

	static final String APP_SIGNED_OUT = "http://localhost:8080/logged-out";

	final CognitoStore store = new CognitoStore(REGION, "123456789012", IdGenerator.random());

	final String cognitoUrl;

	final String hostedUiUrl;

	/** Auth0's issuer, with its trailing slash. */
	final String auth0Issuer;

	/** Auth0's domain as Cognito's oidc_issuer is configured: no slash. */
	final String auth0Domain;

	private final EmulatorServer cognito;

	private final EmulatorServer auth0;

	TestLocalCognito() {
		int cognitoPort = FreePorts.resolve(0);
		int auth0Port = FreePorts.resolve(0);
		this.cognitoUrl = "http://localhost:" + cognitoPort;
		this.hostedUiUrl = "http://localhost:" + FreePorts.resolve(0);
		this.auth0Domain = "http://localhost:" + auth0Port;
		this.auth0Issuer = this.auth0Domain + "/";
		Auth0Emulator tenant = new Auth0Emulator(
				new Auth0Settings(this.auth0Issuer, null,
						List.of(new Auth0Application("Cognito", AUTH0_CLIENT_ID, AUTH0_CLIENT_SECRET,
								"client_secret_post", List.of(), List.of(), null)),
						List.of(), List.of()),
				Clock.systemUTC());
		this.auth0 = new EmulatorServer("auth0", "127.0.0.1", auth0Port, tenant.dispatcher()).start();
		PoolKeys keys = new PoolKeys(null);
		CognitoTokens tokens = new CognitoTokens(keys, (poolId) -> this.cognitoUrl + "/" + poolId, Clock.systemUTC());
		CognitoApiDispatcher api = new CognitoApiDispatcher(this.store, tokens, keys, (prefix) -> this.hostedUiUrl,
				Clock.systemUTC());
		this.cognito = new EmulatorServer("cognito", "127.0.0.1", cognitoPort, api).start();
	}

	CognitoIdentityProviderClient client(ExecutionInterceptor... interceptors) {
		return CognitoClients.local(URI.create(this.cognitoUrl), REGION, List.of(interceptors));
	}

	static HttpClient http() {
		return HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** A complete configuration for this stack. */
	SetupConfig.Builder config() {
		return SetupConfig.builder()
			.poolName("fedlab-test")
			.region(REGION)
			.domainPrefix("fedlab-test")
			.domainUrl(this.hostedUiUrl)
			.auth0ClientId(AUTH0_CLIENT_ID)
			.auth0ClientSecret(AUTH0_CLIENT_SECRET)
			.oidcIssuer(this.auth0Domain)
			.clientName("fedlab-web")
			.callbackUrls(List.of(APP_CALLBACK))
			.logoutUrls(List.of(APP_SIGNED_OUT))
			.group("admins", "Administrators", 1);
	}

	@Override
	public void close() {
		this.cognito.close();
		this.auth0.close();
	}

}

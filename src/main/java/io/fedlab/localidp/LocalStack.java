package io.fedlab.localidp;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.fedlab.localidp.auth0.Auth0Application;
import io.fedlab.localidp.auth0.Auth0Emulator;
import io.fedlab.localidp.auth0.Auth0Settings;
import io.fedlab.localidp.auth0.Auth0User;
import io.fedlab.localidp.auth0.Auth0Users;
import io.fedlab.localidp.cognito.api.CognitoApiDispatcher;
import io.fedlab.localidp.cognito.oauth.HostedUiDispatcher;
import io.fedlab.localidp.cognito.oauth.HostedUiOptions;
import io.fedlab.localidp.cognito.state.CognitoStore;
import io.fedlab.localidp.cognito.state.IdGenerator;
import io.fedlab.localidp.cognito.tokens.CognitoTokens;
import io.fedlab.localidp.cognito.tokens.PoolKeys;
import io.fedlab.localidp.http.EmulatorServer;
import io.fedlab.localidp.http.FreePorts;

/**
 * The three local emulators, started and provisioned: the Cognito API and issuer host,
 * the Cognito user-pool domain (hosted UI), and the Auth0 tenant. The local pool, its
 * domain, the {@code Auth0} identity provider and the app client are created through the
 * AWS SDK by the same {@code setup} code that provisions real Cognito
 * ({@link LocalProvisioning}).
 */
public final class LocalStack implements AutoCloseable {

	/** The account id in the local pool's ARN. */
	static final String ACCOUNT_ID = "000000000000";

	private final LocalStackSettings settings;

	private final CognitoStore store;

	private final PoolKeys poolKeys;

	private final Auth0Emulator auth0;

	private final List<EmulatorServer> servers;

	private final LocalProvisioning.Result provisioned;

	private final List<Auth0User> users;

	private LocalStack(LocalStackSettings settings, CognitoStore store, PoolKeys poolKeys, Auth0Emulator auth0,
			List<EmulatorServer> servers, LocalProvisioning.Result provisioned, List<Auth0User> users) {
		this.settings = settings;
		this.store = store;
		this.poolKeys = poolKeys;
		this.auth0 = auth0;
		this.servers = servers;
		this.provisioned = provisioned;
		this.users = users;
	}

	/**
	 * Which emulators one process runs: all three (the default), or one side, for the
	 * emulators as separate processes or containers ({@code emulators --only cognito}).
	 * Both sides derive the Auth0 application's client id and secret from the seed in the
	 * shared data folder, so a Cognito process provisions the identity provider with the
	 * credentials the Auth0 process accepts.
	 */
	public enum Emulators {

		/** The Cognito API, the hosted UI and Auth0 in one process. */
		ALL,

		/**
		 * The Cognito API and the hosted UI (they share the pool store); Auth0 is reached
		 * over HTTP at {@link LocalStackSettings#auth0Domain()}.
		 */
		COGNITO,

		/** The Auth0 tenant alone; no pool is provisioned. */
		AUTH0;

		/** {@code all}, {@code cognito} or {@code auth0}, any case; blank means all. */
		public static Emulators parse(String value) {
			if (value == null || value.isBlank()) {
				return ALL;
			}
			for (Emulators candidate : values()) {
				if (candidate.name().equalsIgnoreCase(value.trim())) {
					return candidate;
				}
			}
			throw new IllegalArgumentException(
					"Unknown emulators '" + value.trim() + "': use all, cognito or auth0 (local.only)");
		}

		boolean cognito() {
			return this != AUTH0;
		}

		boolean auth0() {
			return this != COGNITO;
		}

	}

	/**
	 * Starts the emulators on the configured ports (0 = a free port), then provisions the
	 * local pool for an app whose base URL is {@code appBaseUrl}.
	 */
	public static LocalStack start(LocalStackSettings requested, String appBaseUrl, Consumer<String> log) {
		return start(requested, appBaseUrl, log, Emulators.ALL);
	}

	/**
	 * Starts {@code emulators} only: with {@link Emulators#COGNITO} the local Auth0 must
	 * already answer at {@link LocalStackSettings#auth0Domain()} (provisioning and the
	 * hosted UI call it), with {@link Emulators#AUTH0} nothing is provisioned and
	 * {@link #provisioned()} is {@code null}.
	 */
	public static LocalStack start(LocalStackSettings requested, String appBaseUrl, Consumer<String> log,
			Emulators emulators) {
		LocalStackSettings settings = requested.withPorts(FreePorts.resolve(requested.cognitoApiPort()),
				FreePorts.resolve(requested.hostedUiPort()), FreePorts.resolve(requested.auth0Port()));
		Path dataDir = settings.dataDir().toAbsolutePath();
		LocalSecrets secrets = LocalSecrets.load(dataDir);
		Clock clock = Clock.systemUTC();
		List<EmulatorServer> servers = new ArrayList<>();
		try {
			// The Auth0 tenant, with one application for Cognito ("Regular Web
			// Application",
			// token endpoint auth "Client Secret (Post)", as emulated-behaviour.md §A9
			// advises).
			List<Auth0User> users = (settings.auth0UsersFile() != null)
					? Auth0Users.load(settings.auth0UsersFile(), secrets.seedText())
					: Auth0Users.defaults(secrets.seedText());
			// The Application Login URI only where the tenant takes it: an app on a
			// plain-http non-loopback host gets none (Auth0Application#acceptsLoginUri).
			String loginUri = appBaseUrl + "/oauth2/authorization/cognito";
			Auth0Application cognitoApp = new Auth0Application("Cognito (local)", secrets.next(32), secrets.next(64),
					"client_secret_post", List.of(settings.hostedUiUrl() + "/oauth2/idpresponse"),
					List.of(settings.hostedUiUrl() + "/logout"),
					Auth0Application.acceptsLoginUri(loginUri) ? loginUri : null);
			Auth0Emulator auth0 = null;
			if (emulators.auth0()) {
				auth0 = new Auth0Emulator(new Auth0Settings(settings.auth0Issuer(), dataDir, List.of(cognitoApp), users,
						List.of(appBaseUrl + "/logged-out")), clock);
				servers.add(new EmulatorServer("auth0", bindAddress(settings), settings.auth0Port(), access(settings),
						auth0.dispatcher(), new KeyRotationAdmin(auth0::rotateSigningKey))
					.start());
			}
			if (!emulators.cognito()) {
				return new LocalStack(settings, null, null, auth0, List.copyOf(servers), null, users);
			}

			// Cognito: one store shared by the JSON API host and the user-pool domain.
			CognitoStore store = new CognitoStore(settings.region(), ACCOUNT_ID, IdGenerator.seeded(secrets.seed()));
			PoolKeys poolKeys = new PoolKeys(dataDir);
			CognitoTokens tokens = new CognitoTokens(poolKeys, settings::cognitoIssuer, clock);
			servers
				.add(new EmulatorServer("cognito-api", bindAddress(settings), settings.cognitoApiPort(),
						access(settings), new CognitoApiDispatcher(store, tokens, poolKeys,
								(prefix) -> domainUrl(settings, prefix), clock),
						new KeyRotationAdmin(() -> store.poolIds().forEach(poolKeys::rotate)))
					.start());
			HttpClient backChannel = HttpClient.newBuilder()
				.connectTimeout(Duration.ofSeconds(2))
				.followRedirects(HttpClient.Redirect.NEVER)
				.build();
			servers.add(new EmulatorServer("cognito-hosted-ui", bindAddress(settings), settings.hostedUiPort(),
					access(settings), new HostedUiDispatcher(store, tokens, settings.domainPrefix(),
							HostedUiOptions.defaults(), backChannel, clock))
				.start());

			LocalProvisioning.Result provisioned = LocalProvisioning.provision(settings, cognitoApp, appBaseUrl, log);
			store.addGroupForNewUser(provisioned.userPoolId(), "alice@example.com", settings.adminsGroup());
			return new LocalStack(settings, store, poolKeys, auth0, List.copyOf(servers), provisioned, users);
		}
		catch (RuntimeException ex) {
			servers.forEach(EmulatorServer::close);
			throw ex;
		}
	}

	/**
	 * Who may call the emulators: the configured host name, loopback, the admin token.
	 */
	private static EmulatorServer.Access access(LocalStackSettings settings) {
		return new EmulatorServer.Access(settings.host(), settings.adminToken());
	}

	private static String bindAddress(LocalStackSettings settings) {
		return settings.bindAddress();
	}

	/**
	 * The base URL of a pool domain: the hosted-UI port for the local prefix, else the
	 * real host name.
	 */
	static String domainUrl(LocalStackSettings settings, String prefix) {
		return settings.domainPrefix().equals(prefix) ? settings.hostedUiUrl()
				: "https://" + prefix + ".auth." + settings.region() + ".amazoncognito.com";
	}

	public LocalStackSettings settings() {
		return this.settings;
	}

	/** The provisioned pool and app client; {@code null} when only Auth0 runs. */
	public LocalProvisioning.Result provisioned() {
		return this.provisioned;
	}

	/** The Cognito state; {@code null} when only Auth0 runs. */
	public CognitoStore cognitoStore() {
		return this.store;
	}

	public PoolKeys poolKeys() {
		return this.poolKeys;
	}

	/** The Auth0 tenant; {@code null} when only Cognito runs. */
	public Auth0Emulator auth0() {
		return this.auth0;
	}

	public List<Auth0User> users() {
		return this.users;
	}

	/**
	 * The emulator servers by name: {@code auth0}, {@code cognito-api},
	 * {@code cognito-hosted-ui}.
	 */
	public EmulatorServer server(String name) {
		return this.servers.stream()
			.filter((s) -> s.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No emulator named " + name));
	}

	/**
	 * The properties that point the app at this stack (see docs/configuration.md). The
	 * client secret is among them: it goes into Spring's registration, never into a log
	 * line.
	 */
	public Map<String, Object> appProperties() {
		LocalProvisioning.Result p = this.provisioned;
		Map<String, Object> props = new LinkedHashMap<>();
		if (p != null) {
			props.put("app.cognito.region", this.settings.region());
			props.put("app.cognito.user-pool-id", p.userPoolId());
			props.put("app.cognito.client-id", p.clientId());
			props.put("app.cognito.domain", this.settings.hostedUiUrl());
			props.put("app.cognito.issuer-uri", this.settings.cognitoIssuer(p.userPoolId()));
			props.put("app.cognito.api-endpoint", this.settings.cognitoApiUrl());
			props.put("spring.security.oauth2.client.registration.cognito.client-secret", p.clientSecret());
			props.put("app.auth0.client-id", p.auth0ClientId());
			props.put("local.cognito-api-port", this.settings.cognitoApiPort());
			props.put("local.hosted-ui-port", this.settings.hostedUiPort());
		}
		props.put("app.auth0.domain", this.settings.auth0Domain());
		props.put("local.auth0-port", this.settings.auth0Port());
		return Collections.unmodifiableMap(props);
	}

	@Override
	public void close() {
		for (int i = this.servers.size() - 1; i >= 0; i--) {
			this.servers.get(i).close();
		}
	}

}

package io.fedlab.localidp.auth0;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.fedlab.localidp.http.Dispatcher;
import io.fedlab.localidp.signing.KeyRing;

/**
 * The local Auth0 tenant: the upstream OpenID provider the Cognito emulator federates to
 * (emulated-behaviour.md). Serve it with
 * {@code new EmulatorServer("auth0", host, port, emulator.dispatcher())}; the issuer in
 * {@link Auth0Settings} must be the URL that server is reached at, with its trailing
 * slash.
 *
 * <p>
 * Endpoints: discovery and JWKS, {@code /authorize} with Universal Login at
 * {@code /u/login} (form fields {@code state}, {@code username}, {@code password}),
 * {@code /oauth/token} (authorization code only: no refresh tokens are issued, which the
 * Cognito path never needs, emulated-behaviour.md §A9), {@code /userinfo} (GET and POST),
 * {@code /v2/logout} and {@code /oidc/logout}. The SSO session cookie is {@code auth0}.
 *
 * <p>
 * All state (login transactions 1 h, codes 600 s, sessions 3 days idle / 30 days
 * absolute) lives in bounded maps that expire entries; access tokens are encrypted, not
 * stored.
 */
public final class Auth0Emulator {

	static final int MAX_ENTRIES = 10_000;

	private final Auth0Settings settings;

	private final Clock clock;

	private final KeyRing signingKeys;

	private final Auth0Tokens tokens;

	private final Map<String, Auth0Application> applications = new LinkedHashMap<>();

	private final Map<String, Auth0User> usersByEmail = new LinkedHashMap<>();

	private final Map<String, Auth0User> usersById = new LinkedHashMap<>();

	private final Map<String, Instant> updatedAt = new ConcurrentHashMap<>();

	private final Instant started;

	private final ExpiringMap<LoginFlow.AuthRequest> transactions;

	private final ExpiringMap<LoginFlow.IssuedCode> codes;

	private final ExpiringMap<LoginFlow.Session> sessions;

	private final Auth0Dispatcher dispatcher;

	public Auth0Emulator(Auth0Settings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
		for (Auth0Application app : settings.applications()) {
			if (this.applications.putIfAbsent(app.clientId(), app) != null) {
				throw new IllegalArgumentException("Two Auth0 applications share the client id " + app.clientId());
			}
		}
		for (Auth0User user : settings.users()) {
			if (this.usersByEmail.putIfAbsent(user.email().toLowerCase(Locale.ROOT), user) != null
					|| this.usersById.putIfAbsent(user.userId(), user) != null) {
				throw new IllegalArgumentException("Two Auth0 users share the email or id of " + user.email());
			}
		}
		this.started = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		// Auth0 keeps the current and the next key in its JWKS (emulated-behaviour.md
		// §A1); x5c and x5t
		// are not published: no client of this emulator reads them.
		this.signingKeys = KeyRing.load(settings.dataDir(), "auth0-signing", 2, KeyRing.KidStyle.AUTH0);
		this.tokens = new Auth0Tokens(settings.issuer(), this.signingKeys,
				Auth0Tokens.loadAccessTokenKey(settings.dataDir(), new SecureRandom()));
		this.transactions = new ExpiringMap<>(clock, MAX_ENTRIES);
		this.codes = new ExpiringMap<>(clock, MAX_ENTRIES);
		this.sessions = new ExpiringMap<>(clock, MAX_ENTRIES);
		this.dispatcher = new Auth0Dispatcher(this);
	}

	/** The WireMock extension serving the tenant; its name is {@code local-auth0}. */
	public Dispatcher dispatcher() {
		return this.dispatcher;
	}

	/** Auth0's key rotation: the next key starts signing and a new next key appears. */
	public void rotateSigningKey() {
		this.signingKeys.rotate();
	}

	public Auth0Settings settings() {
		return this.settings;
	}

	/** Live SSO sessions. */
	public int activeSessions() {
		return this.sessions.size();
	}

	/** Login transactions waiting for credentials. */
	public int pendingTransactions() {
		return this.transactions.size();
	}

	/** Codes issued and not yet exchanged or expired. */
	int pendingCodes() {
		return this.codes.size();
	}

	Clock clock() {
		return this.clock;
	}

	Instant now() {
		return this.clock.instant();
	}

	String issuer() {
		return this.settings.issuer();
	}

	/** The issuer without its trailing slash: the base of every endpoint URL. */
	String base() {
		String issuer = this.settings.issuer();
		return issuer.substring(0, issuer.length() - 1);
	}

	/** The tenant name shown on pages: the issuer's host and port. */
	String tenantName() {
		String base = base();
		return base.substring(base.indexOf("://") + 3);
	}

	boolean secureCookies() {
		return this.settings.issuer().startsWith("https://");
	}

	KeyRing signingKeys() {
		return this.signingKeys;
	}

	Auth0Tokens tokens() {
		return this.tokens;
	}

	Auth0Application application(String clientId) {
		return (clientId != null) ? this.applications.get(clientId) : null;
	}

	Auth0User userByEmail(String email) {
		return (email != null) ? this.usersByEmail.get(email.trim().toLowerCase(Locale.ROOT)) : null;
	}

	Auth0User userById(String userId) {
		return (userId != null) ? this.usersById.get(userId) : null;
	}

	List<Auth0User> users() {
		return this.settings.users();
	}

	/** Auth0 moves {@code updated_at} when a user logs in. */
	Instant updatedAt(Auth0User user) {
		return this.updatedAt.getOrDefault(user.userId(), this.started);
	}

	void touchUpdatedAt(Auth0User user, Instant when) {
		this.updatedAt.put(user.userId(), when.truncatedTo(ChronoUnit.MILLIS));
	}

	ExpiringMap<LoginFlow.AuthRequest> transactions() {
		return this.transactions;
	}

	ExpiringMap<LoginFlow.IssuedCode> codes() {
		return this.codes;
	}

	ExpiringMap<LoginFlow.Session> sessions() {
		return this.sessions;
	}

}

package io.fedlab.localidp.cognito.oauth;

import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.nimbusds.jwt.JWTClaimsSet;

import io.fedlab.localidp.cognito.state.AppClient;
import io.fedlab.localidp.cognito.state.CognitoStore;
import io.fedlab.localidp.cognito.state.IdentityProvider;
import io.fedlab.localidp.cognito.state.PoolUser;
import io.fedlab.localidp.cognito.state.UserPool;
import io.fedlab.localidp.cognito.tokens.CognitoTokens;
import io.fedlab.localidp.cognito.tokens.Grant;
import io.fedlab.localidp.http.Dispatcher;
import io.fedlab.localidp.http.Exchange;
import io.fedlab.localidp.http.HttpProblem;
import io.fedlab.localidp.http.MalformedRequest;
import io.fedlab.localidp.http.Responses;

/**
 * The local Cognito user-pool domain
 * ({@code https://<prefix>.auth.<region>.amazoncognito.com}): the classic hosted UI and
 * the OAuth endpoints of emulated-behaviour.md §C1, with a real OIDC federation to the
 * pool's identity provider (Auth0).
 *
 * <p>
 * All state (hosted-UI sessions, authorization codes, federations in flight) lives in
 * bounded maps that expire their entries; nothing sensitive is put in cookies (the
 * {@code cognito} and {@code cognito-fed} cookies are random handles). Codes, tokens,
 * secrets and cookie values are never logged.
 */
public final class HostedUiDispatcher extends Dispatcher {

	/**
	 * The hosted UI's session cookie, under its real name (emulated-behaviour.md §C1.5).
	 */
	static final String SESSION_COOKIE = "cognito";

	/** Binds a federation in flight to the browser that started it. */
	static final String FEDERATION_COOKIE = "cognito-fed";

	static final Duration SESSION_TTL = Duration.ofHours(1);

	static final Duration CODE_TTL = Duration.ofMinutes(5);

	static final Duration FEDERATION_TTL = Duration.ofMinutes(5);

	private static final int CAPACITY = 50_000;

	private static final Set<String> STANDARD_SCOPES = Set.of("openid", "email", "phone", "profile",
			"aws.cognito.signin.user.admin");

	private static final Set<String> OPENID_DEPENDENT_SCOPES = Set.of("email", "phone", "profile");

	/**
	 * {@code <resourceServerId>/<scope>}: printable, no spaces, quotes or backslashes.
	 */
	private static final Pattern RESOURCE_SCOPE = Pattern
		.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+/[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

	/** RFC 7636 §4.2: 43 to 128 characters of base64url. */
	private static final Pattern PKCE_CHALLENGE = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");

	private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z_]{1,64}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final CognitoStore store;

	private final CognitoTokens tokens;

	private final String domainPrefix;

	private final HostedUiOptions options;

	private final Clock clock;

	private final OidcUpstream upstream;

	private final FederatedUsers users;

	private final Expiring<HostedUiSession> sessions;

	private final Expiring<AuthorizationCode> codes;

	private final Expiring<FederationTransaction> federations;

	private final OAuthEndpoints oauth;

	public HostedUiDispatcher(CognitoStore store, CognitoTokens tokens, String domainPrefix, HostedUiOptions options,
			HttpClient backChannel, Clock clock) {
		this.store = store;
		this.tokens = tokens;
		this.domainPrefix = domainPrefix;
		this.options = options;
		this.clock = clock;
		this.upstream = new OidcUpstream(backChannel, options, clock);
		this.users = new FederatedUsers(store, options, clock);
		this.sessions = new Expiring<>(SESSION_TTL, CAPACITY, clock);
		this.codes = new Expiring<>(CODE_TTL, CAPACITY, clock);
		this.federations = new Expiring<>(FEDERATION_TTL, CAPACITY, clock);
		this.oauth = new OAuthEndpoints(store, tokens, options, this.codes,
				new Expiring<>(SESSION_TTL, CAPACITY, clock), clock);
		on("GET", "/oauth2/authorize", this::authorize);
		on("GET", "/login", this::login);
		on("GET", "/oauth2/idpresponse", this::idpResponse);
		on("*", "/oauth2/token", (ex) -> this.oauth.token(pool(), ex));
		on("*", "/oauth2/userInfo", (ex) -> this.oauth.userInfo(pool(), ex));
		on("POST", "/oauth2/revoke", (ex) -> this.oauth.revoke(pool(), ex));
		on("GET", "/logout", this::logout);
		on("GET", "/error", (ex) -> Pages.error(ex.query("error")));
	}

	@Override
	public String getName() {
		return "local-cognito-hosted-ui";
	}

	/**
	 * Unreadable input: the OAuth endpoints' {@code 400 invalid_request} JSON, and the
	 * hosted UI's error page (400) everywhere else.
	 */
	@Override
	public ResponseDefinition badRequest(String method, String path, MalformedRequest problem) {
		ResponseDefinition endpoint = OAuthEndpoints.malformed(path);
		return (endpoint != null) ? endpoint : Pages.error("invalid_request");
	}

	/** Live hosted-UI sessions ({@code cognito} cookies), for memory checks. */
	public int activeSessions() {
		return this.sessions.size();
	}

	/** Issued, unredeemed and unexpired authorization codes. */
	public int pendingCodes() {
		return this.codes.size();
	}

	/** Federated sign-ins waiting for the IdP's answer. */
	public int pendingFederations() {
		return this.federations.size();
	}

	// GET /oauth2/authorize (emulated-behaviour.md §C1.2)

	private ResponseDefinition authorize(Exchange ex) {
		UserPool pool = pool();
		AuthorizationRequest request = validate(pool, ex.queryParams(), true);
		HostedUiSession session = liveSession(ex, pool);
		boolean forceLogin = request.prompt().contains("login");
		if (session != null && !forceLogin
				&& (request.identityProvider() == null || request.identityProvider().equals(session.providerName()))) {
			PoolUser user = pool.user(session.username());
			if (user != null && user.enabled()
					&& request.client().supportedIdentityProviders().contains(session.providerName())) {
				// A live Cognito session signs the user in silently.
				return complete(pool, request, user, session.authTime(), List.of());
			}
		}
		if (request.prompt().contains("none")) {
			return appError(request, "login_required", null, List.of());
		}
		if (request.identityProvider() == null || "COGNITO".equals(request.identityProvider())) {
			// No IdP chosen: the sign-in page, with the same parameters
			// (emulated-behaviour.md
			// §C1.2).
			Map<String, String> params = new LinkedHashMap<>(ex.queryParams());
			params.remove("identity_provider");
			return Responses.redirect(Urls.withQuery("/login", params));
		}
		return federate(ex, pool, request);
	}

	/**
	 * Validates an authorize (or {@code /login}) request. Errors before the client and
	 * {@code redirect_uri} are known go to the {@code /error} page, never to the app;
	 * later ones are redirected to the app (emulated-behaviour.md §C1.2, §C9 fact 9).
	 */
	private AuthorizationRequest validate(UserPool pool, Map<String, String> params, boolean withIdentityProvider) {
		String clientId = params.get("client_id");
		String redirectUri = params.get("redirect_uri");
		if (isBlank(clientId) || isBlank(redirectUri)) {
			throw errorPage("Required parameters missing", isBlank(clientId) ? null : clientId);
		}
		AppClient client = pool.client(clientId);
		if (client == null) {
			throw errorPage("invalid_client", null);
		}
		// Exact, case-sensitive string match, no normalisation (emulated-behaviour.md
		// §C2).
		if (client.callbackUrls() == null || !client.callbackUrls().contains(redirectUri)) {
			throw errorPage("redirect_mismatch", clientId);
		}
		String responseType = params.get("response_type");
		String state = params.get("state");
		boolean implicit = "token".equals(responseType);
		if (!"code".equals(responseType) && !implicit) {
			throw redirectError(redirectUri, implicit, "invalid_request", null, state);
		}
		String flow = implicit ? "implicit" : "code";
		if (!client.allowedOAuthFlowsUserPoolClient() || client.allowedOAuthFlows() == null
				|| !client.allowedOAuthFlows().contains(flow)) {
			throw redirectError(redirectUri, implicit, "unauthorized_client", null, state);
		}
		String method = params.get("code_challenge_method");
		String challenge = params.get("code_challenge");
		if (!implicit && (method != null || challenge != null)) {
			// S256 only; "plain" or a challenge without its method is refused
			// (emulated-behaviour.md §C9 fact 11).
			if (!"S256".equals(method) || challenge == null || !PKCE_CHALLENGE.matcher(challenge).matches()) {
				throw redirectError(redirectUri, implicit, "invalid_request", null, state);
			}
		}
		List<String> scopes = scopes(client, params.get("scope"));
		if (scopes == null) {
			throw redirectError(redirectUri, implicit, "invalid_scope", null, state);
		}
		List<String> prompt = isBlank(params.get("prompt")) ? List.of()
				: List.of(params.get("prompt").trim().split("\\s+"));
		if (prompt.contains("none") && prompt.size() > 1) {
			throw redirectError(redirectUri, implicit, "invalid_request", null, state);
		}
		String identityProvider = null;
		if (withIdentityProvider) {
			identityProvider = identityProvider(pool, client, params.get("identity_provider"),
					params.get("idp_identifier"));
		}
		return new AuthorizationRequest(client, redirectUri, responseType, scopes, state, params.get("nonce"),
				implicit ? null : challenge, identityProvider, params.get("login_hint"), prompt);
	}

	/**
	 * The granted scopes, or {@code null} for {@code invalid_scope}: absent means all the
	 * client's scopes; unknown or malformed scopes are refused; well-formed scopes the
	 * client may not use are dropped, or refused with {@code strictScopes}
	 * (emulated-behaviour.md §C1.2, emulator choice).
	 */
	private List<String> scopes(AppClient client, String scope) {
		List<String> allowed = (client.allowedOAuthScopes() != null) ? client.allowedOAuthScopes() : List.of();
		if (scope == null) {
			return allowed.isEmpty() ? null : List.copyOf(allowed);
		}
		Set<String> granted = new LinkedHashSet<>();
		for (String requested : scope.trim().split(" +")) {
			if (!STANDARD_SCOPES.contains(requested) && !RESOURCE_SCOPE.matcher(requested).matches()) {
				return null;
			}
			if (allowed.contains(requested)) {
				granted.add(requested);
			}
			else if (this.options.strictScopes()) {
				return null;
			}
		}
		if (granted.isEmpty()) {
			return null;
		}
		boolean needsOpenid = granted.stream().anyMatch(OPENID_DEPENDENT_SCOPES::contains);
		if (needsOpenid && !granted.contains("openid")) {
			// email, phone and profile need openid (emulated-behaviour.md §C1.2).
			return null;
		}
		return List.copyOf(granted);
	}

	/**
	 * The provider named exactly (case-sensitive) by {@code identity_provider} or found
	 * by {@code idp_identifier}; anything the client or pool does not offer shows "Login
	 * option is not available" (emulated-behaviour.md §C7.10).
	 */
	private static String identityProvider(UserPool pool, AppClient client, String name, String identifier) {
		if (name == null && identifier != null) {
			name = pool.identityProviders()
				.values()
				.stream()
				.filter((idp) -> idp.idpIdentifiers() != null && idp.idpIdentifiers().contains(identifier))
				.map(IdentityProvider::providerName)
				.findFirst()
				.orElse("");
		}
		if (name == null) {
			return null;
		}
		List<String> supported = client.supportedIdentityProviders();
		boolean available = supported != null && supported.contains(name)
				&& ("COGNITO".equals(name) || pool.identityProvider(name) != null);
		if (!available) {
			throw new HttpProblem(Pages.loginOptionNotAvailable());
		}
		return name;
	}

	/**
	 * Sends the browser to the IdP (emulated-behaviour.md §C1.3): Cognito's own opaque
	 * {@code state}, {@code nonce} (option), {@code redirect_uri} = this domain's
	 * {@code /oauth2/idpresponse}, the configured {@code authorize_scopes}, plus
	 * {@code login_hint} and forwarded {@code prompt} values.
	 */
	private ResponseDefinition federate(Exchange ex, UserPool pool, AuthorizationRequest request) {
		IdentityProvider idp = pool.identityProvider(request.identityProvider());
		String authorizeUrl;
		try {
			authorizeUrl = this.upstream.authorizeUrl(idp);
			if (authorizeUrl == null) {
				throw FederationException.invalidRequest(idp.providerName() + " Error - missing authorize_url");
			}
		}
		catch (FederationException failure) {
			return appError(request, failure.error(), failure.description(), List.of());
		}
		String state = opaqueState();
		String binding = ex.cookie(FEDERATION_COOKIE);
		if (binding == null || binding.length() != 43) {
			binding = random(32);
		}
		String nonce = this.options.sendNonceUpstream() ? random(32) : null;
		String verifier = this.options.pkceUpstream() ? random(32) : null;
		String idpResponse = ex.origin() + "/oauth2/idpresponse";
		this.federations.put(state, new FederationTransaction(binding, pool.id(), request, idp.providerName(), nonce,
				verifier, idpResponse));
		Map<String, String> params = new LinkedHashMap<>();
		params.put("client_id", idp.detail("client_id"));
		params.put("response_type", "code");
		String scopes = idp.detail("authorize_scopes");
		params.put("scope", isBlank(scopes) ? "openid" : scopes.trim());
		params.put("redirect_uri", idpResponse);
		params.put("state", state);
		params.put("nonce", nonce);
		if (verifier != null) {
			params.put("code_challenge", OAuthEndpoints.s256(verifier));
			params.put("code_challenge_method", "S256");
		}
		params.put("login_hint", request.loginHint());
		List<String> prompt = request.prompt().stream().filter((p) -> !p.equals("none")).toList();
		params.put("prompt", prompt.isEmpty() ? null : String.join(" ", prompt));
		return Responses.status(302)
			.header("Location", Urls.withQuery(authorizeUrl, params))
			.header("Set-Cookie", cookie(ex, FEDERATION_COOKIE, binding, FEDERATION_TTL))
			.build();
	}

	// GET /oauth2/idpresponse (emulated-behaviour.md §C1.4)

	private ResponseDefinition idpResponse(Exchange ex) {
		UserPool pool = pool();
		FederationTransaction tx = this.federations.take(ex.query("state"));
		if (tx == null || !tx.poolId().equals(pool.id()) || !tx.browserBinding().equals(ex.cookie(FEDERATION_COOKIE))) {
			// Unknown, replayed, older than 5 minutes, or from another browser.
			return Pages.somethingWentWrong();
		}
		AuthorizationRequest request = tx.request();
		List<String> clearFed = List.of(expiredCookie(ex, FEDERATION_COOKIE));
		IdentityProvider idp = pool.identityProvider(tx.providerName());
		if (idp == null) {
			return appError(request, "invalid_request", "Login option is not available", clearFed);
		}
		String idpError = ex.query("error");
		if (idpError != null) {
			String error = ERROR_CODE.matcher(idpError).matches() ? idpError : "invalid_request";
			String description = ex.query("error_description");
			return appError(request, error,
					idp.providerName() + " Error - " + (isBlank(description) ? error : truncate(description)),
					clearFed);
		}
		String code = ex.query("code");
		if (isBlank(code)) {
			return appError(request, "invalid_request", idp.providerName() + " Error - missing code", clearFed);
		}
		try {
			OidcUpstream.Endpoints endpoints = this.upstream.endpoints(idp);
			OidcUpstream.IdpTokens idpTokens = this.upstream.redeem(idp, endpoints, code, tx.idpResponseUri(),
					tx.upstreamCodeVerifier());
			JWTClaimsSet idClaims = this.upstream.validateIdToken(idp, endpoints, idpTokens.idToken(),
					tx.upstreamNonce());
			Map<String, Object> userInfo = this.upstream.userInfo(idp, endpoints, idpTokens.accessToken());
			Object infoSub = userInfo.get("sub");
			if (infoSub != null && !infoSub.equals(idClaims.getSubject())) {
				throw FederationException.invalidRequest("Bad user info sub");
			}
			Map<String, Object> claims = new LinkedHashMap<>(idClaims.getClaims());
			claims.putAll(userInfo);
			PoolUser user = this.users.signIn(pool, request.client(), idp, claims);
			Instant authTime = this.tokens.now();
			this.sessions.remove(ex.cookie(SESSION_COOKIE));
			String sessionId = random(32);
			this.sessions.put(sessionId, new HostedUiSession(pool.id(), user.username(), idp.providerName(), authTime));
			List<String> cookies = new ArrayList<>(clearFed);
			cookies.add(cookie(ex, SESSION_COOKIE, sessionId, SESSION_TTL));
			return complete(pool, request, user, authTime, cookies);
		}
		catch (FederationException failure) {
			return appError(request, failure.error(), failure.description(), clearFed);
		}
	}

	/**
	 * Ends a successful sign-in: a code bound to the request (5 minutes, single use) in
	 * the query, or the implicit tokens in the fragment (emulated-behaviour.md §C1.2).
	 */
	private ResponseDefinition complete(UserPool pool, AuthorizationRequest request, PoolUser user, Instant authTime,
			List<String> cookies) {
		String location;
		if (request.implicit()) {
			Grant grant = new Grant(pool, request.client(), user, request.scopes(), request.nonce(), authTime,
					UUID.randomUUID().toString(), UUID.randomUUID().toString());
			String accessToken = this.tokens.accessToken(grant);
			String idToken = this.tokens.idToken(grant, accessToken);
			Map<String, String> params = new LinkedHashMap<>();
			params.put("id_token", idToken);
			params.put("access_token", accessToken);
			// Lowercase "bearer" here; the token endpoint says "Bearer"
			// (emulated-behaviour.md
			// §C1.2).
			params.put("token_type", "bearer");
			params.put("expires_in", Long.toString(request.client().accessTokenSeconds()));
			params.put("state", request.state());
			location = Urls.withFragment(request.redirectUri(), params);
		}
		else {
			String code = UUID.randomUUID().toString();
			this.codes.put(code, new AuthorizationCode(pool.id(), request.client().clientId(), request.redirectUri(),
					request.scopes(), request.nonce(), request.codeChallenge(), user.username(), authTime));
			Map<String, String> params = new LinkedHashMap<>();
			params.put("code", code);
			params.put("state", request.state());
			location = Urls.withQuery(request.redirectUri(), params);
		}
		Responses.Builder response = Responses.status(302).header("Location", location);
		cookies.forEach((c) -> response.header("Set-Cookie", c));
		return response.build();
	}

	// GET /login (emulated-behaviour.md §C1.5)

	private ResponseDefinition login(Exchange ex) {
		UserPool pool = pool();
		AuthorizationRequest request = validate(pool, ex.queryParams(), false);
		List<String> supported = (request.client().supportedIdentityProviders() != null)
				? request.client().supportedIdentityProviders() : List.of();
		List<String> providers = supported.stream()
			.filter((name) -> !"COGNITO".equals(name) && pool.identityProvider(name) != null)
			.toList();
		return Pages.login(providers, ex.queryParams(), supported.contains("COGNITO"));
	}

	// GET /logout (emulated-behaviour.md §C1.9)

	private ResponseDefinition logout(Exchange ex) {
		UserPool pool = pool();
		String clientId = ex.query("client_id");
		AppClient client = pool.client(clientId);
		String logoutUri = ex.query("logout_uri");
		String redirectUri = ex.query("redirect_uri");
		String responseType = ex.query("response_type");
		if (client != null && logoutUri != null) {
			// Form A: logout_uri wins and must be registered, exact string match
			// (emulated-behaviour.md §C2); no state is returned.
			if (client.logoutUrls() != null && client.logoutUrls().contains(logoutUri)) {
				return signOut(ex, logoutUri);
			}
		}
		else if (client != null && redirectUri != null && responseType != null && client.callbackUrls() != null
				&& client.callbackUrls().contains(redirectUri)) {
			// Form B: clear the session, then the sign-in page with those parameters.
			Map<String, String> params = new LinkedHashMap<>();
			for (String name : List.of("client_id", "redirect_uri", "response_type", "state", "scope", "nonce",
					"code_challenge", "code_challenge_method", "login_hint", "lang")) {
				params.put(name, ex.query(name));
			}
			return signOut(ex, Urls.withQuery("/login", params));
		}
		// Unregistered or missing logout_uri: the error page, not a redirect
		// (emulated-behaviour.md §C9 fact 2); the session is kept.
		Map<String, String> params = new LinkedHashMap<>();
		params.put("error", "Required parameters missing");
		params.put("client_id", isBlank(clientId) ? null : clientId);
		return Responses.redirect(Urls.withQuery("/error", params));
	}

	/**
	 * Clears only the {@code cognito} session; the IdP's (Auth0's) session is another
	 * server's and stays (emulated-behaviour.md §C9 fact 2).
	 */
	private ResponseDefinition signOut(Exchange ex, String location) {
		this.sessions.remove(ex.cookie(SESSION_COOKIE));
		return Responses.status(302)
			.header("Location", location)
			.header("Set-Cookie", expiredCookie(ex, SESSION_COOKIE))
			.build();
	}

	// Helpers

	private UserPool pool() {
		UserPool pool = this.store.poolByDomain(this.domainPrefix);
		if (pool == null) {
			throw new HttpProblem(Pages.noSuchDomain(this.domainPrefix));
		}
		return pool;
	}

	private HostedUiSession liveSession(Exchange ex, UserPool pool) {
		HostedUiSession session = this.sessions.get(ex.cookie(SESSION_COOKIE));
		return (session != null && session.poolId().equals(pool.id())) ? session : null;
	}

	private static HttpProblem errorPage(String error, String clientId) {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("error", error);
		params.put("client_id", clientId);
		return new HttpProblem(Responses.redirect(Urls.withQuery("/error", params)));
	}

	private static HttpProblem redirectError(String redirectUri, boolean implicit, String error, String description,
			String state) {
		return new HttpProblem(Responses.redirect(errorLocation(redirectUri, implicit, error, description, state)));
	}

	private static ResponseDefinition appError(AuthorizationRequest request, String error, String description,
			List<String> cookies) {
		Responses.Builder response = Responses.status(302)
			.header("Location",
					errorLocation(request.redirectUri(), request.implicit(), error, description, request.state()));
		cookies.forEach((c) -> response.header("Set-Cookie", c));
		return response.build();
	}

	/**
	 * {@code <callback>?error_description=…&error=…&state=…}, in the fragment for the
	 * implicit flow (emulated-behaviour.md §C1.2, §C1.4).
	 */
	private static String errorLocation(String redirectUri, boolean implicit, String error, String description,
			String state) {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("error_description", description);
		params.put("error", error);
		params.put("state", state);
		return implicit ? Urls.withFragment(redirectUri, params) : Urls.withQuery(redirectUri, params);
	}

	/**
	 * A host-only cookie: HttpOnly, SameSite=Lax (the IdP's redirect back is a cross-site
	 * top-level GET that must carry it), Secure on https.
	 */
	private static String cookie(Exchange ex, String name, String value, Duration ttl) {
		return name + "=" + value + "; Max-Age=" + ttl.toSeconds() + "; Path=/; HttpOnly; SameSite=Lax"
				+ (ex.origin().startsWith("https:") ? "; Secure" : "");
	}

	private static String expiredCookie(Exchange ex, String name) {
		return name + "=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; HttpOnly; SameSite=Lax"
				+ (ex.origin().startsWith("https:") ? "; Secure" : "");
	}

	/**
	 * Cognito's upstream {@code state} looks like base64 of a base64url blob
	 * ({@code ZXlKMWMy…}, emulated-behaviour.md §C1.3); this one is random and means
	 * nothing.
	 */
	private static String opaqueState() {
		String inner = "eyJ" + random(48);
		return Base64.getEncoder().encodeToString(inner.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
	}

	static String random(int bytes) {
		byte[] value = new byte[bytes];
		RANDOM.nextBytes(value);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	private static String truncate(String text) {
		return (text.length() > 300) ? text.substring(0, 300) : text;
	}

}

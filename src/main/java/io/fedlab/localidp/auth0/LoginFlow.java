package io.fedlab.localidp.auth0;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;

import io.fedlab.localidp.http.Exchange;
import io.fedlab.localidp.http.Responses;

/**
 * {@code /authorize} and Universal Login ({@code /u/login}): the browser half of the code
 * flow (emulated-behaviour.md §A2).
 */
final class LoginFlow {

	static final String SESSION_COOKIE = "auth0";

	static final long TRANSACTION_SECONDS = 3600;

	static final long CODE_SECONDS = 600;

	static final long SESSION_IDLE_SECONDS = 3 * 24 * 3600;

	static final long SESSION_ABSOLUTE_SECONDS = 30 * 24 * 3600;

	/** Longest value accepted for any /authorize parameter. */
	static final int MAX_PARAM_CHARS = 4096;

	static final String CALLBACK_MISMATCH = "Callback URL mismatch. The provided redirect_uri is not in the list of allowed callback URLs. Please go to the Application Settings page and make sure you are sending a valid callback url from your application.";

	static final String NO_TRANSACTION = "You may have pressed the back button, refreshed during login, opened too many login dialogs, or there is some issue with cookies, since we couldn't find your session. Try logging in again from the application and if the problem persists please contact the administrator.";

	static final String WRONG_CREDENTIALS = "Wrong email or password.";

	/** Scopes released without an API audience; anything else is dropped. */
	private static final List<String> OIDC_SCOPES = List.of("openid", "profile", "email", "address", "phone",
			"offline_access");

	private static final Set<String> RESPONSE_TYPES = Set.of("code", "token", "id_token", "id_token token",
			"token id_token", "code id_token", "code token", "code id_token token", "code token id_token");

	private static final Set<String> PROMPTS = Set.of("none", "login", "consent", "select_account");

	/** Opaque-state prefix of real Universal Login transactions (msgpack map header). */
	private static final String TX_PREFIX = "hKFo2SB";

	/** Compared against when the email is unknown, so timing does not reveal it. */
	private static final byte[] DUMMY_PASSWORD = "not-a-password-of-anyone".getBytes(StandardCharsets.UTF_8);

	private final Auth0Emulator tenant;

	LoginFlow(Auth0Emulator tenant) {
		this.tenant = tenant;
	}

	/** What the application asked for at /authorize, kept through the login. */
	record AuthRequest(String clientId, String redirectUri, boolean redirectUriSent, String state, String nonce,
			List<String> scopes, String codeChallenge, boolean withAuthTime, String loginHint) {
	}

	/** A code waiting to be exchanged. */
	record IssuedCode(AuthRequest request, String userId, String sid, Instant authTime) {
	}

	/** A browser's SSO session. */
	record Session(String userId, String sid, Instant authTime, Instant created) {
	}

	ResponseDefinition authorize(Exchange exchange) {
		Map<String, String> params = exchange.queryParams();
		for (Map.Entry<String, String> param : params.entrySet()) {
			if (param.getValue().length() > MAX_PARAM_CHARS || param.getKey().length() > 256) {
				return Auth0Pages.error(400, "invalid_request", "The request is too long.");
			}
		}
		String clientId = params.get("client_id");
		if (clientId == null || clientId.isEmpty()) {
			return Auth0Pages.error(400, "invalid_request", "Missing required parameter: client_id");
		}
		Auth0Application app = this.tenant.application(clientId);
		if (app == null) {
			return Auth0Pages.error(400, "invalid_request", "Unknown client: " + clientId);
		}
		String redirectUri = params.get("redirect_uri");
		boolean redirectUriSent = redirectUri != null;
		if (!redirectUriSent && !app.callbackUrls().isEmpty()) {
			// Without redirect_uri Auth0 uses the first Allowed Callback URL.
			redirectUri = app.callbackUrls().get(0);
		}
		if (redirectUri == null || !app.callbackUrls().contains(redirectUri)) {
			// emulated-behaviour.md §A2 and §A11 fact 9: an error page, never a redirect
			// to an unknown URL.
			return Auth0Pages.error(400, "unauthorized_client", CALLBACK_MISMATCH);
		}
		String state = params.get("state");
		String responseType = params.get("response_type");
		if (responseType == null || responseType.isEmpty()) {
			return redirectError(redirectUri, "invalid_request", "Missing required parameter: response_type", state);
		}
		if (!responseType.equals("code")) {
			return redirectError(redirectUri, "unsupported_response_type",
					RESPONSE_TYPES.contains(responseType)
							? "The local Auth0 tenant only supports response_type=code (got: " + responseType + ")"
							: "Unsupported response type: " + responseType,
					state);
		}
		String responseMode = params.get("response_mode");
		if (responseMode != null && !responseMode.equals("query")) {
			return redirectError(redirectUri, "invalid_request",
					"The local Auth0 tenant only supports response_mode=query", state);
		}
		List<String> prompts = List.of(params.getOrDefault("prompt", "").trim().split(" +"));
		prompts = prompts.stream().filter((p) -> !p.isEmpty()).toList();
		for (String prompt : prompts) {
			if (!PROMPTS.contains(prompt)) {
				return redirectError(redirectUri, "invalid_request", "Invalid prompt: " + prompt, state);
			}
		}
		if (prompts.contains("none") && prompts.size() > 1) {
			return redirectError(redirectUri, "invalid_request", "prompt=none cannot be combined with other values",
					state);
		}
		Long maxAge = null;
		if (params.get("max_age") != null) {
			try {
				maxAge = Long.parseLong(params.get("max_age"));
			}
			catch (NumberFormatException ex) {
				maxAge = -1L;
			}
			if (maxAge < 0) {
				return redirectError(redirectUri, "invalid_request", "max_age must be a non-negative integer", state);
			}
		}
		String challenge = params.get("code_challenge");
		String method = params.get("code_challenge_method");
		if (challenge == null && method != null) {
			return redirectError(redirectUri, "invalid_request", "Missing required parameter: code_challenge", state);
		}
		if (challenge != null) {
			// emulated-behaviour.md §A2 CONFLICT (PKCE): plain is advertised but
			// rejected; S256 only.
			if (method == null || method.equals("plain")) {
				return redirectError(redirectUri, "invalid_request",
						"The code_challenge_method plain is not supported, use S256", state);
			}
			if (!method.equals("S256")) {
				return redirectError(redirectUri, "invalid_request", "Unsupported code_challenge_method: " + method,
						state);
			}
			if (!challenge.matches("[A-Za-z0-9_-]{43}")) {
				return redirectError(redirectUri, "invalid_request", "Invalid code_challenge", state);
			}
		}
		List<String> scopes = scopes(params.get("scope"));
		boolean withAuthTime = prompts.contains("login") || maxAge != null;
		AuthRequest request = new AuthRequest(clientId, redirectUri, redirectUriSent, state, params.get("nonce"),
				scopes, challenge, withAuthTime, params.get("login_hint"));

		Instant now = this.tenant.now();
		String sessionId = exchange.cookie(SESSION_COOKIE);
		Session session = this.tenant.sessions().get(sessionId);
		boolean tooOld = session != null && maxAge != null && session.authTime().plusSeconds(maxAge).isBefore(now);
		if (prompts.contains("none")) {
			if (session == null || tooOld) {
				return redirectError(redirectUri, "login_required", "Login required", state);
			}
			return issueCode(request, sessionId, session, List.of());
		}
		if (session != null && !tooOld && !prompts.contains("login")) {
			return issueCode(request, sessionId, session, List.of());
		}
		String txId = TX_PREFIX + Urls.random(24) + "."
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(clientId.getBytes(StandardCharsets.UTF_8));
		this.tenant.transactions().put(txId, request, now.plusSeconds(TRANSACTION_SECONDS));
		return Responses.redirect("/u/login?state=" + Urls.encode(txId));
	}

	ResponseDefinition loginPage(Exchange exchange) {
		String txId = exchange.query("state");
		AuthRequest request = this.tenant.transactions().get(txId);
		if (request == null) {
			return restartLogin(txId);
		}
		Auth0Application app = this.tenant.application(request.clientId());
		return Auth0Pages.login(200, this.tenant.tenantName(), app.name(), txId, request.loginHint(), null,
				this.tenant.users());
	}

	ResponseDefinition login(Exchange exchange) {
		String txId = exchange.form("state");
		AuthRequest request = this.tenant.transactions().get(txId);
		if (request == null) {
			return restartLogin(txId);
		}
		String username = exchange.form("username");
		if (username == null) {
			username = exchange.form("email");
		}
		String password = exchange.form("password");
		Auth0User user = this.tenant.userByEmail(username);
		boolean match = MessageDigest
			.isEqual(
					((user != null) ? user.password() : new String(DUMMY_PASSWORD, StandardCharsets.UTF_8))
						.getBytes(StandardCharsets.UTF_8),
					((password != null) ? password : "").getBytes(StandardCharsets.UTF_8));
		if (user == null || !match) {
			Auth0Application app = this.tenant.application(request.clientId());
			return Auth0Pages.login(400, this.tenant.tenantName(), app.name(), txId, username, WRONG_CREDENTIALS,
					this.tenant.users());
		}
		if (this.tenant.transactions().take(txId) == null) {
			return restartLogin(txId);
		}
		Instant now = this.tenant.now();
		this.tenant.sessions().remove(exchange.cookie(SESSION_COOKIE));
		String sessionId = Urls.random(32);
		Session session = new Session(user.userId(), Urls.alphanumeric(32), now, now);
		this.tenant.sessions().put(sessionId, session, now.plusSeconds(SESSION_IDLE_SECONDS));
		this.tenant.touchUpdatedAt(user, now);
		String cookie = SESSION_COOKIE + "=" + sessionId + "; Path=/; Max-Age=" + SESSION_ABSOLUTE_SECONDS
				+ "; HttpOnly; SameSite=Lax" + (this.tenant.secureCookies() ? "; Secure" : "");
		return issueCode(request, sessionId, session, List.of(cookie));
	}

	/** The {@code Set-Cookie} that ends the SSO session in the browser. */
	String clearSessionCookie() {
		return SESSION_COOKIE + "=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax"
				+ (this.tenant.secureCookies() ? "; Secure" : "");
	}

	/** The live session of this browser, or {@code null}. */
	Session currentSession(Exchange exchange) {
		return this.tenant.sessions().get(exchange.cookie(SESSION_COOKIE));
	}

	/** Ends this browser's session on the server; returns the cookie that clears it. */
	String endSession(Exchange exchange) {
		this.tenant.sessions().remove(exchange.cookie(SESSION_COOKIE));
		return clearSessionCookie();
	}

	private ResponseDefinition issueCode(AuthRequest request, String sessionId, Session session,
			List<String> setCookies) {
		Instant now = this.tenant.now();
		Instant idleEnd = now.plusSeconds(SESSION_IDLE_SECONDS);
		Instant absoluteEnd = session.created().plusSeconds(SESSION_ABSOLUTE_SECONDS);
		this.tenant.sessions().update(sessionId, (s) -> s, idleEnd.isBefore(absoluteEnd) ? idleEnd : absoluteEnd);
		String code = Urls.random(32);
		this.tenant.codes()
			.put(code, new IssuedCode(request, session.userId(), session.sid(),
					request.withAuthTime() ? session.authTime() : null), now.plusSeconds(CODE_SECONDS));
		Responses.Builder response = Responses.status(302)
			.header("Location", Urls.withParams(request.redirectUri(), "code", code, "state", request.state()));
		setCookies.forEach((cookie) -> response.header("Set-Cookie", cookie));
		return response.build();
	}

	/**
	 * A login page without its transaction (bookmarked, expired after 1 h, or already
	 * used): the Application Login URI with {@code iss} appended, else the error page
	 * (emulated-behaviour.md §A2, §A8).
	 */
	private ResponseDefinition restartLogin(String txId) {
		Auth0Application app = this.tenant.application(clientOf(txId));
		if (app != null && app.initiateLoginUri() != null) {
			return Responses.redirect(Urls.withParams(app.initiateLoginUri(), "iss", this.tenant.issuer()));
		}
		return Auth0Pages.error(400, "invalid_request", NO_TRANSACTION);
	}

	/** The client id carried in a transaction id, or {@code null}. */
	private static String clientOf(String txId) {
		if (txId == null || !txId.startsWith(TX_PREFIX) || txId.indexOf('.') < 0 || txId.length() > 1024) {
			return null;
		}
		try {
			return new String(Base64.getUrlDecoder().decode(txId.substring(txId.indexOf('.') + 1)),
					StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static ResponseDefinition redirectError(String redirectUri, String error, String description,
			String state) {
		return Responses
			.redirect(Urls.withParams(redirectUri, "error", error, "error_description", description, "state", state));
	}

	private static List<String> scopes(String scope) {
		List<String> scopes = new ArrayList<>();
		if (scope != null) {
			for (String s : scope.trim().split(" +")) {
				if (OIDC_SCOPES.contains(s) && !scopes.contains(s)) {
					scopes.add(s);
				}
			}
		}
		return List.copyOf(scopes);
	}

}

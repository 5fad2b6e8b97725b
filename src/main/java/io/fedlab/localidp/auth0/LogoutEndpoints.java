package io.fedlab.localidp.auth0;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;

import io.fedlab.localidp.http.Exchange;
import io.fedlab.localidp.http.Responses;

/**
 * {@code GET /v2/logout} (emulated-behaviour.md §A5) and RP-initiated
 * {@code /oidc/logout} (emulated-behaviour.md §A6). They differ on purpose:
 * {@code /v2/logout} ignores the query of {@code returnTo} when matching,
 * {@code /oidc/logout} compares {@code post_logout_redirect_uri} exactly.
 */
final class LogoutEndpoints {

	private static final String MANAGE = "https://manage.auth0.com/#/";

	private final Auth0Emulator tenant;

	private final LoginFlow login;

	LogoutEndpoints(Auth0Emulator tenant, LoginFlow login) {
		this.tenant = tenant;
		this.login = login;
	}

	ResponseDefinition v2Logout(Exchange exchange) {
		String returnTo = exchange.query("returnTo");
		String clientId = exchange.query("client_id");
		// The session ends first, even when returnTo is refused (emulated-behaviour.md
		// §A5 emulator
		// choice).
		String clearCookie = this.login.endSession(exchange);
		Auth0Application app = null;
		if (clientId != null) {
			app = this.tenant.application(clientId);
			if (app == null) {
				return Auth0Pages.error(400, "invalid_request", "Unknown client: " + clientId, List.of(clearCookie));
			}
		}
		if (returnTo == null) {
			if (app != null && !app.allowedLogoutUrls().isEmpty()) {
				return redirect(app.allowedLogoutUrls().get(0), clearCookie);
			}
			return Responses.status(200)
				.header("Content-Type", "text/plain;charset=UTF-8")
				.header("Set-Cookie", clearCookie)
				.body("OK")
				.build();
		}
		List<String> allowed = (app != null) ? app.allowedLogoutUrls()
				: this.tenant.settings().tenantAllowedLogoutUrls();
		if (!Urls.allowedIgnoringQuery(returnTo, allowed)) {
			String where = (app != null) ? MANAGE + "applications/" + app.clientId() + "/settings"
					: MANAGE + "tenant/advanced";
			return Auth0Pages.error(400, "invalid_request", "The \"returnTo\" querystring parameter \"" + returnTo
					+ "\" is not defined as a valid URL in \"Allowed Logout URLs\". To add a new URL, please do it here: "
					+ where, List.of(clearCookie));
		}
		// Matched without its query, redirected to in full (Cognito's
		// /logout?client_id=…).
		return redirect(returnTo, clearCookie);
	}

	ResponseDefinition oidcLogout(Exchange exchange) {
		boolean post = exchange.method().equalsIgnoreCase("POST");
		Map<String, String> params = post ? exchange.formParams() : exchange.queryParams();
		String idTokenHint = params.get("id_token_hint");
		String logoutHint = params.get("logout_hint");
		String redirectUri = params.get("post_logout_redirect_uri");
		String clientId = params.get("client_id");
		String state = params.get("state");

		Map<String, Object> claims = null;
		String hintAudience = null;
		String hintSid = null;
		if (idTokenHint != null) {
			claims = this.tenant.tokens().readIdToken(idTokenHint);
			if (claims == null) {
				return Auth0Pages.error(400, "invalid_request", "The id_token_hint parameter is not a valid ID token");
			}
			hintAudience = (claims.get("aud") instanceof String aud) ? aud : null;
			hintSid = (claims.get("sid") instanceof String sid) ? sid : null;
			if (clientId != null && !clientId.equals(hintAudience)) {
				return Auth0Pages.error(400, "invalid_request",
						"The client_id parameter does not match the audience of the id_token_hint");
			}
			if (logoutHint != null && !logoutHint.equals(hintSid)) {
				return Auth0Pages.error(400, "invalid_request",
						"The logout_hint parameter does not match the sid of the id_token_hint");
			}
		}
		String appId = (hintAudience != null) ? hintAudience : clientId;
		Auth0Application app = this.tenant.application(appId);
		if (appId != null && app == null) {
			return Auth0Pages.error(400, "invalid_request", "Unknown client: " + appId);
		}
		String target = redirectUri;
		if (redirectUri != null) {
			List<String> allowed = (app != null) ? app.allowedLogoutUrls()
					: this.tenant.settings().tenantAllowedLogoutUrls();
			// Exact match, query included (emulated-behaviour.md §A6, §A11 fact 8).
			if (!allowed.contains(redirectUri) || !Urls.isAbsoluteHttp(redirectUri)) {
				return Auth0Pages.error(400, "invalid_request", "The \"post_logout_redirect_uri\" parameter \""
						+ redirectUri + "\" is not defined as a valid URL in \"Allowed Logout URLs\".");
			}
		}
		else if (app != null && !app.allowedLogoutUrls().isEmpty()) {
			target = app.allowedLogoutUrls().get(0);
		}
		LoginFlow.Session session = this.login.currentSession(exchange);
		String sid = (hintSid != null) ? hintSid : logoutHint;
		boolean confirm = (idTokenHint == null && logoutHint == null)
				|| (session != null && !session.sid().equals(sid));
		if (confirm && !(post && "yes".equals(params.get("confirm")))) {
			Map<String, String> carry = new LinkedHashMap<>(params);
			carry.remove("confirm");
			return Auth0Pages.logoutConfirmation(this.tenant.tenantName(), carry);
		}
		String clearCookie = this.login.endSession(exchange);
		if (target == null) {
			return Auth0Pages.loggedOut(List.of(clearCookie));
		}
		return redirect(Urls.withParams(target, "state", state), clearCookie);
	}

	private static ResponseDefinition redirect(String location, String setCookie) {
		return Responses.status(302).header("Location", location).header("Set-Cookie", setCookie).build();
	}

}

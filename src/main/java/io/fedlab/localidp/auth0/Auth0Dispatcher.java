package io.fedlab.localidp.auth0;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;

import io.fedlab.localidp.http.Dispatcher;
import io.fedlab.localidp.http.Exchange;
import io.fedlab.localidp.http.MalformedRequest;
import io.fedlab.localidp.http.Responses;

/** Routes the local Auth0 tenant's endpoints. */
final class Auth0Dispatcher extends Dispatcher {

	private final Auth0Emulator tenant;

	Auth0Dispatcher(Auth0Emulator tenant) {
		this.tenant = tenant;
		LoginFlow login = new LoginFlow(tenant);
		TokenEndpoints tokens = new TokenEndpoints(tenant);
		LogoutEndpoints logout = new LogoutEndpoints(tenant, login);
		on("GET", "/.well-known/openid-configuration", this::discovery);
		on("GET", "/.well-known/jwks.json", this::jwks);
		on("GET", "/authorize", login::authorize);
		on("GET", "/u/login", login::loginPage);
		on("POST", "/u/login", login::login);
		on("POST", "/oauth/token", tokens::token);
		on("GET", "/userinfo", tokens::userInfo);
		on("POST", "/userinfo", tokens::userInfo);
		on("GET", "/v2/logout", logout::v2Logout);
		on("GET", "/oidc/logout", logout::oidcLogout);
		on("POST", "/oidc/logout", logout::oidcLogout);
	}

	@Override
	public String getName() {
		return "local-auth0";
	}

	/**
	 * Unreadable input: {@code 400 invalid_request} as JSON at the token and userinfo
	 * endpoints, Auth0's error page (400) on the browser pages, Express's plain-text
	 * {@code Bad Request} elsewhere (emulator choice: emulated-behaviour.md documents no
	 * shape for these).
	 */
	@Override
	public ResponseDefinition badRequest(String method, String path, MalformedRequest problem) {
		return switch (path) {
			case "/oauth/token", "/userinfo" -> TokenEndpoints.error(400, "invalid_request", problem.getMessage());
			case "/authorize", "/u/login", "/v2/logout", "/oidc/logout" ->
				Auth0Pages.error(400, "invalid_request", problem.getMessage());
			default ->
				Responses.status(400).header("Content-Type", "text/plain;charset=UTF-8").body("Bad Request").build();
		};
	}

	/**
	 * The discovery document of a 2025 tenant, members in the served order;
	 * {@code issuer} alone ends with a slash (emulated-behaviour.md §A1, §A11 fact 1).
	 */
	private ResponseDefinition discovery(Exchange exchange) {
		String base = this.tenant.base();
		Map<String, Object> doc = new LinkedHashMap<>();
		doc.put("issuer", this.tenant.issuer());
		doc.put("authorization_endpoint", base + "/authorize");
		doc.put("token_endpoint", base + "/oauth/token");
		doc.put("device_authorization_endpoint", base + "/oauth/device/code");
		doc.put("userinfo_endpoint", base + "/userinfo");
		doc.put("mfa_challenge_endpoint", base + "/mfa/challenge");
		doc.put("jwks_uri", base + "/.well-known/jwks.json");
		doc.put("registration_endpoint", base + "/oidc/register");
		doc.put("revocation_endpoint", base + "/oauth/revoke");
		doc.put("scopes_supported", List.of("openid", "profile", "offline_access", "name", "given_name", "family_name",
				"nickname", "email", "email_verified", "picture", "created_at", "identities", "phone", "address"));
		doc.put("response_types_supported", List.of("code", "token", "id_token", "code token", "code id_token",
				"token id_token", "code token id_token"));
		doc.put("code_challenge_methods_supported", List.of("S256", "plain"));
		doc.put("response_modes_supported", List.of("query", "fragment", "form_post"));
		doc.put("subject_types_supported", List.of("public"));
		doc.put("token_endpoint_auth_methods_supported",
				List.of("client_secret_basic", "client_secret_post", "private_key_jwt"));
		doc.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS256", "RS384", "PS256"));
		doc.put("claims_supported",
				List.of("aud", "auth_time", "created_at", "email", "email_verified", "exp", "family_name", "given_name",
						"iat", "identities", "iss", "name", "nickname", "phone_number", "picture", "sub"));
		doc.put("request_uri_parameter_supported", false);
		doc.put("request_parameter_supported", false);
		doc.put("id_token_signing_alg_values_supported", List.of("HS256", "RS256", "PS256"));
		// Present because new tenants have RP-initiated logout discovery on
		// (emulated-behaviour.md
		// §A1).
		doc.put("end_session_endpoint", base + "/oidc/logout");
		doc.put("dpop_signing_alg_values_supported", List.of("ES256"));
		return Responses.json(200, JSONObjectUtils.toJSONString(doc));
	}

	/**
	 * Current and next key, members in Auth0's order. {@code x5c} and {@code x5t} are
	 * omitted: the keys have no certificates, and no client here reads them.
	 */
	private ResponseDefinition jwks(Exchange exchange) {
		List<Object> keys = new ArrayList<>();
		for (RSAKey key : this.tenant.signingKeys().all()) {
			Map<String, Object> jwk = new LinkedHashMap<>();
			jwk.put("alg", "RS256");
			jwk.put("kty", "RSA");
			jwk.put("use", "sig");
			jwk.put("n", key.getModulus().toString());
			jwk.put("e", key.getPublicExponent().toString());
			jwk.put("kid", key.getKeyID());
			keys.add(jwk);
		}
		return Responses.json(200, JSONObjectUtils.toJSONString(Map.of("keys", keys)));
	}

	/**
	 * Express's 404, which Auth0 answers for any unknown path or method, e.g. the
	 * double-slash discovery URL a slash-ending {@code oidc_issuer} produces
	 * (emulated-behaviour.md §A1).
	 */
	@Override
	protected ResponseDefinition notFound(Exchange exchange) {
		return Responses.status(404)
			.header("Content-Type", "text/plain;charset=UTF-8")
			.body("Cannot " + exchange.method() + " " + exchange.path())
			.build();
	}

	@Override
	protected ResponseDefinition methodNotAllowed(Exchange exchange) {
		return notFound(exchange);
	}

}

package io.fedlab.localidp.cognito.oauth;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fedlab.localidp.cognito.state.AppClient;
import io.fedlab.localidp.cognito.state.IdentityProvider;
import io.fedlab.localidp.cognito.state.SchemaAttribute;
import io.fedlab.localidp.cognito.state.UserPool;

/**
 * Pools, app clients and the Auth0 identity provider as a provisioned local stack has
 * them, created directly in the store. Each method returns a value a test may tweak.
 */
final class TestCognitoPools {

	static final String APP_CALLBACK = "http://localhost:8080/login/oauth2/code/cognito";

	static final String APP_SIGNED_OUT = "http://localhost:8080/logged-out";

	private TestCognitoPools() {
	}

	/**
	 * A pool like the console's default: {@code email} required, usernames not
	 * case-sensitive.
	 */
	static UserPool.Settings pool(String region, String poolId) {
		Instant now = Instant.now();
		List<SchemaAttribute> schema = List.of(new SchemaAttribute("sub", "String", false, false, true, "1", "2048"),
				new SchemaAttribute("email", "String", false, true, true, "0", "2048"),
				new SchemaAttribute("email_verified", "Boolean", false, true, false, null, null),
				new SchemaAttribute("name", "String", false, true, false, "0", "2048"));
		return new UserPool.Settings(poolId, "fedlab",
				"arn:aws:cognito-idp:" + region + ":123456789012:userpool/" + poolId, now, now, schema, false,
				List.of("email"), List.of("email"), List.of(), "OFF", "INACTIVE", false, "ESSENTIALS", Map.of());
	}

	/**
	 * A confidential client allowed the code and implicit flows, signing in via Auth0.
	 */
	static AppClient client(String poolId, String clientId, String secret) {
		Instant now = Instant.now();
		return new AppClient(poolId, clientId, "fedlab-app", secret, now, now, List.of(APP_CALLBACK),
				List.of(APP_SIGNED_OUT), null, List.of("code", "implicit"), List.of("openid", "email", "profile"), true,
				List.of("Auth0"), List.of("ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"), 60, 60, 30,
				new AppClient.TokenValidityUnits("minutes", "minutes", "days"), List.of(), List.of(), true, "ENABLED",
				false, 0, 3);
	}

	static AppClient withRotation(AppClient c, int graceSeconds) {
		return new AppClient(c.userPoolId(), c.clientId(), c.clientName(), c.clientSecret(), c.creationDate(),
				c.lastModifiedDate(), c.callbackUrls(), c.logoutUrls(), c.defaultRedirectUri(), c.allowedOAuthFlows(),
				c.allowedOAuthScopes(), c.allowedOAuthFlowsUserPoolClient(), c.supportedIdentityProviders(),
				c.explicitAuthFlows(), c.accessTokenValidity(), c.idTokenValidity(), c.refreshTokenValidity(),
				c.tokenValidityUnits(), c.readAttributes(), c.writeAttributes(), c.enableTokenRevocation(),
				c.preventUserExistenceErrors(), true, graceSeconds, c.authSessionValidity());
	}

	static AppClient withoutRevocation(AppClient c) {
		return new AppClient(c.userPoolId(), c.clientId(), c.clientName(), c.clientSecret(), c.creationDate(),
				c.lastModifiedDate(), c.callbackUrls(), c.logoutUrls(), c.defaultRedirectUri(), c.allowedOAuthFlows(),
				c.allowedOAuthScopes(), c.allowedOAuthFlowsUserPoolClient(), c.supportedIdentityProviders(),
				c.explicitAuthFlows(), c.accessTokenValidity(), c.idTokenValidity(), c.refreshTokenValidity(),
				c.tokenValidityUnits(), c.readAttributes(), c.writeAttributes(), false, c.preventUserExistenceErrors(),
				c.refreshTokenRotation(), c.retryGracePeriodSeconds(), c.authSessionValidity());
	}

	/**
	 * The Auth0 OIDC provider as CreateIdentityProvider stores it: the request keys plus
	 * the endpoints it discovered from {@code oidc_issuer} (no trailing slash).
	 */
	static IdentityProvider auth0(String poolId, String auth0Base, String clientId, String clientSecret) {
		return auth0(poolId, auth0Base, auth0Base, clientId, clientSecret, defaultMapping());
	}

	static IdentityProvider auth0(String poolId, String auth0Base, String oidcIssuer, String clientId,
			String clientSecret, Map<String, String> mapping) {
		Map<String, String> details = new LinkedHashMap<>();
		details.put("client_id", clientId);
		details.put("client_secret", clientSecret);
		details.put("attributes_request_method", "GET");
		details.put("oidc_issuer", oidcIssuer);
		details.put("authorize_scopes", "openid email profile");
		details.put("authorize_url", auth0Base + "/authorize");
		details.put("token_url", auth0Base + "/oauth/token");
		details.put("attributes_url", auth0Base + "/userinfo");
		details.put("jwks_uri", auth0Base + "/.well-known/jwks.json");
		Instant now = Instant.now();
		return new IdentityProvider(poolId, "Auth0", "OIDC", Map.copyOf(details), mapping, List.of(), now, now);
	}

	static IdentityProvider withDetail(IdentityProvider idp, String key, String value) {
		Map<String, String> details = new LinkedHashMap<>(idp.providerDetails());
		if (value == null) {
			details.remove(key);
		}
		else {
			details.put(key, value);
		}
		return new IdentityProvider(idp.userPoolId(), idp.providerName(), idp.providerType(), details,
				idp.attributeMapping(), idp.idpIdentifiers(), idp.creationDate(), idp.lastModifiedDate());
	}

	static IdentityProvider withMapping(IdentityProvider idp, Map<String, String> mapping) {
		return new IdentityProvider(idp.userPoolId(), idp.providerName(), idp.providerType(), idp.providerDetails(),
				mapping, idp.idpIdentifiers(), idp.creationDate(), idp.lastModifiedDate());
	}

	/** sub to username, email and email_verified mapped (emulated-behaviour.md §C7.5). */
	static Map<String, String> defaultMapping() {
		return Map.of("username", "sub", "email", "email", "email_verified", "email_verified", "name", "name");
	}

}

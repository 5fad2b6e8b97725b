package io.fedlab.localidp.cognito.api;

import java.util.function.Function;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;

import io.fedlab.localidp.cognito.state.UserPool;
import io.fedlab.localidp.cognito.tokens.CognitoTokens;
import io.fedlab.localidp.cognito.tokens.PoolKeys;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The issuer host's documents (emulated-behaviour.md §C3): the discovery document with
 * its keys in alphabetical order and the pool-domain endpoints, and the JWKS with only
 * public members ({@code alg, e, kid, kty, n, use}).
 */
final class IssuerDocuments {

	private final CognitoTokens tokens;

	private final PoolKeys keys;

	private final Function<String, String> domainBaseUrl;

	IssuerDocuments(CognitoTokens tokens, PoolKeys keys, Function<String, String> domainBaseUrl) {
		this.tokens = tokens;
		this.keys = keys;
		this.domainBaseUrl = domainBaseUrl;
	}

	ObjectNode discovery(UserPool pool, boolean listEndSession) {
		String issuer = this.tokens.issuer(pool.id());
		// A pool without a domain shows "" for the domain-hosted endpoints (§C3, emulator
		// choice).
		String base = (pool.domain() != null) ? this.domainBaseUrl.apply(pool.domain()) : null;
		ObjectNode doc = Json.object();
		doc.put("authorization_endpoint", endpoint(base, "/oauth2/authorize"));
		if (listEndSession) {
			// Listed since about Feb 2024, though /logout is not RP-initiated logout
			// (fact 1).
			doc.put("end_session_endpoint", endpoint(base, "/logout"));
		}
		doc.set("id_token_signing_alg_values_supported", Json.array().add("RS256"));
		doc.put("issuer", issuer);
		doc.put("jwks_uri", issuer + "/.well-known/jwks.json");
		doc.set("response_types_supported", Json.array().add("code").add("token"));
		doc.put("revocation_endpoint", endpoint(base, "/oauth2/revoke"));
		doc.set("scopes_supported", Json.array().add("openid").add("email").add("phone").add("profile"));
		doc.set("subject_types_supported", Json.array().add("public"));
		doc.put("token_endpoint", endpoint(base, "/oauth2/token"));
		doc.set("token_endpoint_auth_methods_supported",
				Json.array().add("client_secret_basic").add("client_secret_post"));
		// Capital I (fact 3).
		doc.put("userinfo_endpoint", endpoint(base, "/oauth2/userInfo"));
		return doc;
	}

	ObjectNode jwks(UserPool pool) {
		ObjectNode doc = Json.object();
		ArrayNode array = doc.putArray("keys");
		for (JWK jwk : this.keys.publicJwks(pool.id()).getKeys()) {
			RSAKey key = jwk.toRSAKey().toPublicJWK();
			array.addObject()
				.put("alg", (key.getAlgorithm() != null) ? key.getAlgorithm().getName() : "RS256")
				.put("e", key.getPublicExponent().toString())
				.put("kid", key.getKeyID())
				.put("kty", "RSA")
				.put("n", key.getModulus().toString())
				.put("use", "sig");
		}
		return doc;
	}

	private static String endpoint(String base, String path) {
		return (base != null) ? base + path : "";
	}

}

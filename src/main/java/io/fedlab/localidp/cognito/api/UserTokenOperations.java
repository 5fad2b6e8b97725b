package io.fedlab.localidp.cognito.api;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.fedlab.localidp.cognito.state.AppClient;
import io.fedlab.localidp.cognito.state.CognitoStore;
import io.fedlab.localidp.cognito.state.PoolUser;
import io.fedlab.localidp.cognito.state.UserPool;
import io.fedlab.localidp.cognito.tokens.CognitoTokens;
import io.fedlab.localidp.cognito.tokens.InvalidTokenException;
import io.fedlab.localidp.cognito.tokens.RefreshTokenClaims;
import io.fedlab.localidp.cognito.tokens.VerifiedAccessToken;
import tools.jackson.databind.node.ObjectNode;

/**
 * GetUser, RevokeToken and GlobalSignOut: the unsigned operations, authorized by the
 * token in the body (emulated-behaviour.md §C5, §C6; fact 15). GetUser and GlobalSignOut
 * need an access token with {@code aws.cognito.signin.user.admin}.
 */
final class UserTokenOperations {

	static final String ADMIN_SCOPE = "aws.cognito.signin.user.admin";

	private final CognitoStore store;

	private final CognitoTokens tokens;

	UserTokenOperations(CognitoStore store, CognitoTokens tokens) {
		this.store = store;
		this.tokens = tokens;
	}

	void register(Map<String, Operation> operations) {
		operations.put("GetUser", this::getUser);
		operations.put("RevokeToken", this::revokeToken);
		operations.put("GlobalSignOut", this::globalSignOut);
	}

	ObjectNode getUser(ApiInput in) {
		VerifiedAccessToken token = verify(in);
		UserPool pool = this.store.pool(token.poolId());
		PoolUser user = (pool != null) ? pool.user(token.username()) : null;
		if (user == null) {
			throw ApiException.userNotFound();
		}
		if (!user.enabled()) {
			throw ApiException.notAuthorized("User is disabled.");
		}
		// identities travels as the JSON string stored on the user (boolean primary,
		// numeric dateCreated), unlike the ID token's all-strings array (fact 6).
		ObjectNode out = Json.object().put("Username", user.username());
		out.set("UserAttributes", Json.attributes(user.attributes(), null));
		return out;
	}

	ObjectNode globalSignOut(ApiInput in) {
		VerifiedAccessToken token = verify(in);
		this.store.globalSignOut(token.poolId(), token.username());
		return Json.object();
	}

	/**
	 * Revokes a refresh token and every token sharing its {@code origin_jti}. As at
	 * {@code /oauth2/revoke} (fact 14), a token that is unknown, expired or already
	 * revoked is not an error; an access or ID token is
	 * {@code UnsupportedTokenTypeException}.
	 */
	ObjectNode revokeToken(ApiInput in) {
		String token = in.string("Token", true, 1, 65536, ApiInput.TOKEN);
		String clientId = in.string("ClientId", true, 1, 128, ApiInput.CLIENT_ID);
		String secret = in.string("ClientSecret", false, 1, 64, null);
		AppClient client = findClient(clientId);
		if (client == null || !secretMatches(client, secret)) {
			// UNVERIFIED wording; the exception is the documented one for bad client
			// credentials.
			throw new ApiException("UnauthorizedException", "Invalid client credentials.");
		}
		if (!client.enableTokenRevocation()) {
			throw new ApiException("UnsupportedOperationException",
					"Token revocation is not enabled for this app client.");
		}
		if (token.chars().filter((c) -> c == '.').count() == 2) {
			throw new ApiException("UnsupportedTokenTypeException", "Unsupported token type.");
		}
		RefreshTokenClaims claims;
		try {
			claims = this.tokens.readRefreshToken(client.userPoolId(), token);
		}
		catch (InvalidTokenException ex) {
			return Json.object();
		}
		if (!clientId.equals(claims.clientId())) {
			// RFC 7009 §2.1: a client may only revoke its own tokens.
			throw new ApiException("UnauthorizedException", "The token was not issued to this client.");
		}
		this.store.revokeOrigin(claims.originJti(), clientId, this.tokens.now());
		return Json.object();
	}

	private VerifiedAccessToken verify(ApiInput in) {
		String raw = in.string("AccessToken", true, 1, 65536, ApiInput.TOKEN);
		VerifiedAccessToken token;
		try {
			token = this.tokens.verifyAccessToken(this.store, raw);
		}
		catch (InvalidTokenException ex) {
			// "Invalid Access Token", "Access Token has expired", "Access Token has been
			// revoked": the service's own wording.
			throw ApiException.notAuthorized(ex.getMessage());
		}
		if (!token.hasScope(ADMIN_SCOPE)) {
			throw ApiException.notAuthorized("Access Token does not have required scopes");
		}
		return token;
	}

	private AppClient findClient(String clientId) {
		for (UserPool pool : this.store.pools()) {
			AppClient client = pool.client(clientId);
			if (client != null) {
				return client;
			}
		}
		return null;
	}

	/** A client with a secret must send it; one without must not send any. */
	private static boolean secretMatches(AppClient client, String secret) {
		if (!client.hasSecret()) {
			return secret == null || secret.isEmpty();
		}
		return secret != null && MessageDigest.isEqual(client.clientSecret().getBytes(StandardCharsets.UTF_8),
				secret.getBytes(StandardCharsets.UTF_8));
	}

}

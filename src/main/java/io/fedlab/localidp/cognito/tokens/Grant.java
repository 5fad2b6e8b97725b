package io.fedlab.localidp.cognito.tokens;

import java.time.Instant;
import java.util.List;

import io.fedlab.localidp.cognito.state.AppClient;
import io.fedlab.localidp.cognito.state.PoolUser;
import io.fedlab.localidp.cognito.state.UserPool;

/**
 * What a set of Cognito tokens is issued for: a signed-in user of a pool, through an app
 * client, with the scopes granted. {@code originJti} names the refresh-token family
 * (revoking the refresh token revokes every token sharing it); {@code nonce} is copied
 * into the first ID token only.
 */
public record Grant(UserPool pool, AppClient client, PoolUser user, List<String> scopes, String nonce, Instant authTime,
		String originJti, String eventId) {

	public boolean hasScope(String scope) {
		return this.scopes.contains(scope);
	}

	public Grant withoutNonce() {
		return new Grant(this.pool, this.client, this.user, this.scopes, null, this.authTime, this.originJti,
				this.eventId);
	}

	public Grant withUser(PoolUser user) {
		return new Grant(this.pool, this.client, user, this.scopes, this.nonce, this.authTime, this.originJti,
				this.eventId);
	}

}

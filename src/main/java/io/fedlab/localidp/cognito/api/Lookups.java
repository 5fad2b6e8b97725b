package io.fedlab.localidp.cognito.api;

import java.util.Locale;

import io.fedlab.localidp.cognito.state.CognitoStore;
import io.fedlab.localidp.cognito.state.PoolUser;
import io.fedlab.localidp.cognito.state.UserPool;

/** Finding a pool or a user the way every SigV4 operation does, with the real errors. */
final class Lookups {

	private Lookups() {
	}

	/** The pool named by {@code UserPoolId}, or ResourceNotFoundException. */
	static UserPool pool(CognitoStore store, ApiInput input) {
		String id = input.string("UserPoolId", true, 1, 55, ApiInput.POOL_ID);
		UserPool pool = store.pool(id);
		if (pool == null) {
			// Measured on the live service (floci-io/floci#2951): the pool is named.
			throw ApiException.resourceNotFound("User pool " + id + " does not exist.");
		}
		return pool;
	}

	/**
	 * The user by username, case-insensitively in pools with {@code CaseSensitive=false},
	 * else by {@code sub} (AdminGetUser's documented fallback); {@code null} when none.
	 */
	static PoolUser user(UserPool pool, String username) {
		PoolUser user = pool.user(username);
		if (user != null) {
			return user;
		}
		if (!pool.settings().usernameCaseSensitive()) {
			String lower = username.toLowerCase(Locale.ROOT);
			for (PoolUser candidate : pool.users().values()) {
				if (candidate.username().toLowerCase(Locale.ROOT).equals(lower)) {
					return candidate;
				}
			}
		}
		return pool.userBySub(username);
	}

	static PoolUser requireUser(UserPool pool, ApiInput input) {
		String username = input.string("Username", true, 1, 128, ApiInput.USERNAME);
		PoolUser user = user(pool, username);
		if (user == null) {
			throw ApiException.userNotFound();
		}
		return user;
	}

}

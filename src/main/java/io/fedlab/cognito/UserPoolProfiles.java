package io.fedlab.cognito;

import java.time.Duration;

/**
 * Reads the signed-in user's profile from the user pool with the access token
 * ({@code GetUser}, an unsigned call authorized by the token's
 * {@code aws.cognito.signin.user.admin} scope; emulated-behaviour.md §C5, §C9 fact 15).
 */
public interface UserPoolProfiles {

	/**
	 * Fetch the profile of the user the access token belongs to.
	 * @param accessToken a Cognito access token carrying
	 * {@code aws.cognito.signin.user.admin}
	 * @return the profile
	 * @throws UserPoolProfileException when the call fails; it carries the error code
	 * only
	 */
	UserPoolProfile fetch(String accessToken);

	/**
	 * Drop a kept answer for this token, so that the next {@link #fetch} calls Cognito.
	 * @param accessToken the access token the answer was fetched with
	 */
	default void forget(String accessToken) {
	}

	/**
	 * How long an answer is kept before Cognito is asked again.
	 * @return zero when every fetch calls Cognito
	 */
	default Duration keptFor() {
		return Duration.ZERO;
	}

}

package io.fedlab.cognito;

import java.time.Instant;
import java.util.List;

/**
 * A user's profile as the user pool's {@code GetUser} returns it (emulated-behaviour.md
 * §C6).
 *
 * @param username the pool username ({@code auth0_auth0|…} for a federated user, case per
 * emulated-behaviour.md §C1.4)
 * @param attributes the user attributes, in the order Cognito sent them;
 * {@code identities} is a JSON string here (emulated-behaviour.md §C9 fact 6)
 * @param fetchedAt when Cognito answered, or {@code null} if not recorded
 */
public record UserPoolProfile(String username, List<Attribute> attributes, Instant fetchedAt) {

	public UserPoolProfile(String username, List<Attribute> attributes) {
		this(username, attributes, null);
	}

	/**
	 * The same profile, answered at {@code instant}.
	 * @param instant when Cognito answered
	 * @return a copy with that time
	 */
	public UserPoolProfile fetchedAt(Instant instant) {
		return new UserPoolProfile(this.username, this.attributes, instant);
	}

	/**
	 * One user attribute.
	 *
	 * @param name attribute name
	 * @param value attribute value (always a string in the API)
	 */
	public record Attribute(String name, String value) {

	}

}

package io.fedlab.localidp.cognito.state;

import java.time.Instant;

/**
 * A user-pool group, as {@code CreateGroup} returns it. {@code precedence} may be null.
 */
public record Group(String userPoolId, String groupName, String description, String roleArn, Integer precedence,
		Instant creationDate, Instant lastModifiedDate) {
}

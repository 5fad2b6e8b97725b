package io.fedlab.localidp.cognito.state;

import java.time.Instant;
import java.util.Map;

/**
 * A user of a pool. Federated users are named {@code <ProviderName>_<IdP sub>} and have
 * status {@code EXTERNAL_PROVIDER}. {@code attributes} holds every attribute as a string,
 * including {@code sub} and, for federated users, {@code identities} (a JSON string whose
 * {@code primary} is a boolean and {@code dateCreated} a number, as GetUser returns it).
 */
public record PoolUser(String username, Map<String, String> attributes, Instant userCreateDate,
		Instant userLastModifiedDate, boolean enabled, String userStatus) {

	public String sub() {
		return this.attributes.get("sub");
	}

	public String attribute(String name) {
		return this.attributes.get(name);
	}

}

package io.fedlab.localidp.cognito.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A user pool and everything that belongs to it. {@link #settings} is the pool's own
 * configuration; the children live in concurrent maps. Federated-user creation and group
 * membership changes go through {@link CognitoStore}, which keeps them consistent.
 */
public final class UserPool {

	/** The pool's own settings, replaced as a whole when they change. */
	public record Settings(String id, String name, String arn, Instant creationDate, Instant lastModifiedDate,
			List<SchemaAttribute> schemaAttributes, boolean usernameCaseSensitive, List<String> autoVerifiedAttributes,
			List<String> usernameAttributes, List<String> aliasAttributes, String mfaConfiguration,
			String deletionProtection, boolean allowAdminCreateUserOnly, String userPoolTier,
			Map<String, String> userPoolTags) {

		/** The names of the attributes marked required, in schema order. */
		public List<String> requiredAttributes() {
			return this.schemaAttributes.stream().filter(SchemaAttribute::required).map(SchemaAttribute::name).toList();
		}

	}

	private volatile Settings settings;

	private volatile String domain;

	final Map<String, AppClient> clients = new ConcurrentHashMap<>();

	final Map<String, IdentityProvider> identityProviders = new ConcurrentHashMap<>();

	final Map<String, PoolUser> users = new ConcurrentHashMap<>();

	final Map<String, Group> groups = new ConcurrentHashMap<>();

	/** Group name to the usernames in it. */
	final Map<String, Set<String>> members = new ConcurrentHashMap<>();

	UserPool(Settings settings) {
		this.settings = settings;
	}

	public String id() {
		return this.settings.id();
	}

	public Settings settings() {
		return this.settings;
	}

	void settings(Settings settings) {
		this.settings = settings;
	}

	/** The domain prefix attached to this pool, or {@code null}. */
	public String domain() {
		return this.domain;
	}

	void domain(String domain) {
		this.domain = domain;
	}

	public Map<String, AppClient> clients() {
		return Map.copyOf(this.clients);
	}

	public AppClient client(String clientId) {
		return (clientId != null) ? this.clients.get(clientId) : null;
	}

	public Map<String, IdentityProvider> identityProviders() {
		return Map.copyOf(this.identityProviders);
	}

	/**
	 * The identity provider with exactly this name (case-sensitive, as Cognito), or
	 * {@code null}.
	 */
	public IdentityProvider identityProvider(String name) {
		return (name != null) ? this.identityProviders.get(name) : null;
	}

	public Map<String, PoolUser> users() {
		return Map.copyOf(this.users);
	}

	public PoolUser user(String username) {
		return (username != null) ? this.users.get(username) : null;
	}

	public PoolUser userBySub(String sub) {
		return this.users.values().stream().filter((u) -> sub.equals(u.sub())).findFirst().orElse(null);
	}

	public Map<String, Group> groups() {
		return Map.copyOf(this.groups);
	}

	public Group group(String name) {
		return (name != null) ? this.groups.get(name) : null;
	}

	/**
	 * The groups a user belongs to, ordered by precedence (lowest first, nulls last) then
	 * name, as they appear in {@code cognito:groups}.
	 */
	public List<String> groupsOf(String username) {
		return this.members.entrySet()
			.stream()
			.filter((e) -> e.getValue().contains(username))
			.map((e) -> this.groups.get(e.getKey()))
			.filter(java.util.Objects::nonNull)
			.sorted(java.util.Comparator
				.comparing(Group::precedence, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
				.thenComparing(Group::groupName))
			.map(Group::groupName)
			.toList();
	}

}

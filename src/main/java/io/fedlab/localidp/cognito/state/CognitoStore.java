package io.fedlab.localidp.cognito.state;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything the local Cognito knows: user pools and their children, the domain each pool
 * is reachable at, and which tokens were revoked. Shared by the JSON API (which
 * provisions it) and the hosted UI / OAuth endpoints (which sign users in against it).
 */
public final class CognitoStore {

	private final String region;

	private final String accountId;

	private final IdGenerator ids;

	private final Map<String, UserPool> pools = new ConcurrentHashMap<>();

	/** Domain prefix to pool id. */
	private final Map<String, String> domains = new ConcurrentHashMap<>();

	/** Revoked refresh-token families, by {@code origin_jti}. */
	private final Set<String> revokedOrigins = ConcurrentHashMap.newKeySet();

	/** Pool id + username to the instant of the user's last GlobalSignOut. */
	private final Map<String, Instant> signedOutAt = new ConcurrentHashMap<>();

	/**
	 * Groups a federated user joins when first created, by pool id then email; an
	 * emulator convenience (the local pool puts alice in {@code admins}).
	 */
	private final Map<String, Map<String, List<String>>> groupsForNewUsers = new ConcurrentHashMap<>();

	public CognitoStore(String region, String accountId, IdGenerator ids) {
		this.region = region;
		this.accountId = accountId;
		this.ids = ids;
	}

	public String region() {
		return this.region;
	}

	public String accountId() {
		return this.accountId;
	}

	public IdGenerator ids() {
		return this.ids;
	}

	// Pools

	public UserPool createPool(UserPool.Settings settings) {
		UserPool pool = new UserPool(settings);
		this.pools.put(settings.id(), pool);
		return pool;
	}

	/** The pool, or {@code null}. */
	public UserPool pool(String id) {
		return (id != null) ? this.pools.get(id) : null;
	}

	public Collection<UserPool> pools() {
		return List.copyOf(this.pools.values());
	}

	public void updatePoolSettings(UserPool pool, UserPool.Settings settings) {
		pool.settings(settings);
	}

	// Domains

	/** Attaches a domain prefix; returns false when the prefix is taken by any pool. */
	public synchronized boolean attachDomain(UserPool pool, String prefix) {
		if (this.domains.containsKey(prefix) || pool.domain() != null) {
			return false;
		}
		this.domains.put(prefix, pool.id());
		pool.domain(prefix);
		return true;
	}

	/** The pool reachable at a domain prefix, or {@code null}. */
	public UserPool poolByDomain(String prefix) {
		String id = (prefix != null) ? this.domains.get(prefix) : null;
		return (id != null) ? this.pools.get(id) : null;
	}

	// Children

	public void putClient(UserPool pool, AppClient client) {
		pool.clients.put(client.clientId(), client);
	}

	public void putIdentityProvider(UserPool pool, IdentityProvider idp) {
		pool.identityProviders.put(idp.providerName(), idp);
	}

	public void putUser(UserPool pool, PoolUser user) {
		pool.users.put(user.username(), user);
	}

	public void putGroup(UserPool pool, Group group) {
		pool.groups.put(group.groupName(), group);
		pool.members.computeIfAbsent(group.groupName(), (g) -> ConcurrentHashMap.newKeySet());
	}

	/** Adds a user to an existing group; a no-op when already a member. */
	public void addUserToGroup(UserPool pool, String username, String groupName) {
		pool.members.computeIfAbsent(groupName, (g) -> ConcurrentHashMap.newKeySet()).add(username);
	}

	// Emulator convenience: groups for federated users created later

	public void addGroupForNewUser(String poolId, String email, String groupName) {
		this.groupsForNewUsers.computeIfAbsent(poolId, (p) -> new ConcurrentHashMap<>())
			.computeIfAbsent(email.toLowerCase(), (e) -> new java.util.concurrent.CopyOnWriteArrayList<>())
			.add(groupName);
	}

	/** The groups a newly created user with this email joins (possibly none). */
	public List<String> groupsForNewUser(String poolId, String email) {
		if (email == null) {
			return List.of();
		}
		return List
			.copyOf(this.groupsForNewUsers.getOrDefault(poolId, Map.of()).getOrDefault(email.toLowerCase(), List.of()));
	}

	// Revocation

	/**
	 * Revokes a refresh token and every token issued from it (same {@code origin_jti}).
	 */
	public void revokeOrigin(String originJti) {
		this.revokedOrigins.add(originJti);
	}

	public boolean isOriginRevoked(String originJti) {
		return originJti != null && this.revokedOrigins.contains(originJti);
	}

	/** Invalidates every token the user holds that was issued before now. */
	public void globalSignOut(String poolId, String username) {
		this.signedOutAt.put(poolId + "/" + username, Instant.now());
	}

	/**
	 * Whether a token issued at {@code issuedAt} predates the user's last GlobalSignOut.
	 */
	public boolean isSignedOut(String poolId, String username, Instant issuedAt) {
		Instant at = this.signedOutAt.get(poolId + "/" + username);
		return at != null && !issuedAt.isAfter(at);
	}

	/** The pool ids, for tests and diagnostics. */
	public Set<String> poolIds() {
		return new HashSet<>(this.pools.keySet());
	}

}

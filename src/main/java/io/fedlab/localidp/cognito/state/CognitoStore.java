package io.fedlab.localidp.cognito.state;

import java.time.Duration;
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

	/**
	 * The longest refresh-token validity Cognito accepts, 10 years (emulated-behaviour.md
	 * §C4.4).
	 */
	private static final long MAX_VALIDITY_SECONDS = 3650L * 86400;

	/** Expired revocations are swept at most this often, so a revocation stays O(1). */
	private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

	private final String region;

	private final String accountId;

	private final IdGenerator ids;

	private final Map<String, UserPool> pools = new ConcurrentHashMap<>();

	/** Domain prefix to pool id. */
	private final Map<String, String> domains = new ConcurrentHashMap<>();

	/**
	 * Revoked refresh-token families, by {@code origin_jti}, to the instant by which
	 * every token of the family has expired: after it the entry can go, since an expired
	 * token is refused anyway and a revoked family never gets new tokens.
	 */
	private final Map<String, Instant> revokedOrigins = new ConcurrentHashMap<>();

	/**
	 * By app client id, the longest validity (seconds) of any token the client has ever
	 * issued under its settings: a token keeps the {@code exp} it was issued with, so a
	 * validity shortened later must not shorten how long a revocation is remembered.
	 */
	private final Map<String, Long> longestValidity = new ConcurrentHashMap<>();

	/** When {@link #revokedOrigins} is next swept for families that have all expired. */
	private volatile Instant nextSweep = Instant.MIN;

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
		this.longestValidity.merge(client.clientId(), longestValidity(client), Math::max);
		pool.clients.put(client.clientId(), client);
	}

	private static long longestValidity(AppClient client) {
		return Math.max(client.refreshTokenSeconds(), Math.max(client.accessTokenSeconds(), client.idTokenSeconds()));
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
	 * Revokes a refresh token and every token issued from it (same {@code origin_jti}) by
	 * {@code clientId}, at {@code now}. Every token of the family was issued before
	 * {@code now} (a revoked family cannot be refreshed) with a validity no longer than
	 * the longest the client has had, so the revocation is remembered that long and then
	 * forgotten: the set stays bounded by the revocations of one validity period.
	 */
	public void revokeOrigin(String originJti, String clientId, Instant now) {
		long seconds = this.longestValidity.getOrDefault(clientId, MAX_VALIDITY_SECONDS);
		this.revokedOrigins.merge(originJti, now.plusSeconds(seconds), (a, b) -> a.isAfter(b) ? a : b);
		if (!now.isBefore(this.nextSweep)) {
			this.nextSweep = now.plus(SWEEP_INTERVAL);
			this.revokedOrigins.values().removeIf((until) -> !now.isBefore(until));
		}
	}

	public boolean isOriginRevoked(String originJti) {
		return originJti != null && this.revokedOrigins.containsKey(originJti);
	}

	/** How many revoked families are remembered, for tests and diagnostics. */
	public int revokedOriginCount() {
		return this.revokedOrigins.size();
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

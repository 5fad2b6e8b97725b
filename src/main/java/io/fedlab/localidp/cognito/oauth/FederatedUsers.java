package io.fedlab.localidp.cognito.oauth;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.fedlab.localidp.cognito.state.AppClient;
import io.fedlab.localidp.cognito.state.CognitoStore;
import io.fedlab.localidp.cognito.state.Group;
import io.fedlab.localidp.cognito.state.IdentityProvider;
import io.fedlab.localidp.cognito.state.PoolUser;
import io.fedlab.localidp.cognito.state.SchemaAttribute;
import io.fedlab.localidp.cognito.state.UserPool;

/**
 * Turns a validated IdP identity into a pool user, as emulated-behaviour.md §C1.4 steps
 * 5–6 describe: attributes mapped from ID-token claims and userInfo, required attributes
 * enforced, the user {@code <ProviderName>_<sub>} created (status
 * {@code EXTERNAL_PROVIDER}, fresh {@code sub}, {@code identities}, auto group) or
 * updated at every sign-in.
 */
final class FederatedUsers {

	static final String EXTERNAL_PROVIDER = "EXTERNAL_PROVIDER";

	private final CognitoStore store;

	private final HostedUiOptions options;

	private final Clock clock;

	FederatedUsers(CognitoStore store, HostedUiOptions options, Clock clock) {
		this.store = store;
		this.options = options;
		this.clock = clock;
	}

	/**
	 * Creates or updates the federated user; {@code claims} are the ID-token claims with
	 * the userInfo members laid over them.
	 */
	PoolUser signIn(UserPool pool, AppClient client, IdentityProvider idp, Map<String, Object> claims)
			throws FederationException {
		Map<String, String> mapping = (idp.attributeMapping() != null) ? idp.attributeMapping() : Map.of();
		// The default mapping is sub -> username (emulated-behaviour.md §C1.4 step 5).
		String userId = text(claims.get(mapping.getOrDefault("username", "sub")));
		if (userId == null) {
			throw FederationException.invalidRequest("attributes required: [username]");
		}
		String username = username(pool, idp.providerName(), userId);
		Map<String, String> mapped = new LinkedHashMap<>();
		mapping.forEach((attribute, claim) -> {
			if (attribute.equals("username") || attribute.equals("sub") || attribute.equals("identities")) {
				return;
			}
			String value = text(claims.get(claim));
			// A claim missing from this sign-in does not delete the stored value.
			if (value != null) {
				mapped.put(attribute, value);
			}
		});
		synchronized (pool) {
			PoolUser existing = pool.user(username);
			if (existing == null && this.options.rejectFederatedWhenAdminCreateOnly()
					&& pool.settings().allowAdminCreateUserOnly()) {
				throw FederationException.invalidRequest("Login not allowed");
			}
			if (existing != null && !existing.enabled()) {
				throw FederationException.invalidRequest("User is disabled.");
			}
			Map<String, String> attributes = new LinkedHashMap<>();
			if (existing != null) {
				attributes.putAll(existing.attributes());
			}
			else {
				attributes.put("sub", UUID.randomUUID().toString());
			}
			checkWritable(pool, client, mapped, existing != null);
			attributes.putAll(mapped);
			List<String> missing = new ArrayList<>();
			for (String required : pool.settings().requiredAttributes()) {
				String value = attributes.get(required);
				if (!required.equals("sub") && (value == null || value.isEmpty())) {
					missing.add(required);
				}
			}
			if (!missing.isEmpty()) {
				// "attributes required: [given_name, family_name]" (emulated-behaviour.md
				// §C1.4).
				throw FederationException.invalidRequest("attributes required: " + missing);
			}
			Instant now = this.clock.instant();
			if (existing == null) {
				attributes.put("identities", identities(idp, userId, now));
				PoolUser user = new PoolUser(username, Map.copyOf(attributes), now, now, true, EXTERNAL_PROVIDER);
				this.store.putUser(pool, user);
				joinGroups(pool, idp, user, now);
				return user;
			}
			PoolUser user = new PoolUser(username, Map.copyOf(attributes), existing.userCreateDate(), now, true,
					existing.userStatus());
			this.store.putUser(pool, user);
			return user;
		}
	}

	/**
	 * {@code <ProviderName>_<IdP sub>}, wholly lowercased when the pool is not
	 * case-sensitive (emulated-behaviour.md §C1.4, CONFLICT case; emulator choice).
	 */
	String username(UserPool pool, String providerName, String userId) {
		String username = providerName + "_" + userId;
		Boolean lower = this.options.lowercaseFederatedUsernames();
		boolean lowercase = (lower != null) ? lower : !pool.settings().usernameCaseSensitive();
		return lowercase ? username.toLowerCase(Locale.ROOT) : username;
	}

	/**
	 * Every mapped attribute is rewritten at each sign-in, so it must exist, be mutable
	 * (once the user exists) and be writable by the app client (emulated-behaviour.md
	 * §C1.4 step 6).
	 */
	private static void checkWritable(UserPool pool, AppClient client, Map<String, String> mapped, boolean update)
			throws FederationException {
		List<SchemaAttribute> schema = pool.settings().schemaAttributes();
		for (String name : mapped.keySet()) {
			SchemaAttribute attribute = (schema != null) ? schema.stream()
				.filter((a) -> a.name().equals(name) || ("custom:" + a.name()).equals(name))
				.findFirst()
				.orElse(null) : null;
			if (attribute == null && schema != null && !schema.isEmpty() && name.startsWith("custom:")) {
				throw FederationException
					.invalidRequest("Invalid user attributes: " + name + ": Attribute does not exist in the schema.");
			}
			boolean immutable = attribute != null && !attribute.mutable();
			List<String> writable = client.writeAttributes();
			boolean notWritable = writable != null && !writable.isEmpty() && !writable.contains(name)
					&& !name.endsWith("_verified");
			if ((update && immutable) || notWritable) {
				throw FederationException
					.invalidRequest("Invalid user attributes: " + name + ": Attribute cannot be updated.");
			}
		}
	}

	private void joinGroups(UserPool pool, IdentityProvider idp, PoolUser user, Instant now) {
		// The auto group <poolId>_<ProviderName>, created bare at the first federated
		// sign-in (emulated-behaviour.md §C1.4, emulator choice).
		String auto = pool.id() + "_" + idp.providerName();
		if (pool.group(auto) == null) {
			this.store.putGroup(pool, new Group(pool.id(), auto, null, null, null, now, now));
		}
		this.store.addUserToGroup(pool, user.username(), auto);
		for (String group : this.store.groupsForNewUser(pool.id(), user.attribute("email"))) {
			this.store.addUserToGroup(pool, user.username(), group);
		}
	}

	/**
	 * The profile's {@code identities}: a JSON string whose {@code primary} is a boolean
	 * and {@code dateCreated} a number (emulated-behaviour.md §C1.4, §C9 fact 6).
	 */
	static String identities(IdentityProvider idp, String userId, Instant now) {
		Map<String, Object> identity = new LinkedHashMap<>();
		identity.put("userId", userId);
		identity.put("providerName", idp.providerName());
		identity.put("providerType", idp.providerType());
		identity.put("issuer", null);
		identity.put("primary", true);
		identity.put("dateCreated", now.toEpochMilli());
		return Json.write(List.of(identity));
	}

	/** A claim as Cognito stores it: attributes are always strings. */
	static String text(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof String s) {
			return s.isEmpty() ? null : s;
		}
		if (value instanceof Date date) {
			return Long.toString(date.toInstant().getEpochSecond());
		}
		if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
			return Long.toString(number.longValue());
		}
		if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
			return Json.write(value);
		}
		return value.toString();
	}

}

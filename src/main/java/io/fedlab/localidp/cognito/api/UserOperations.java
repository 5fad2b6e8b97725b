package io.fedlab.localidp.cognito.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.fedlab.localidp.cognito.state.CognitoStore;
import io.fedlab.localidp.cognito.state.Group;
import io.fedlab.localidp.cognito.state.PoolUser;
import io.fedlab.localidp.cognito.state.UserPool;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * AdminGetUser, ListUsers, CreateGroup, GetGroup, ListGroups, AdminAddUserToGroup and
 * AdminListGroupsForUser (emulated-behaviour.md §C6 "Users and groups"). Note the member
 * names: ListUsers writes {@code Attributes}, AdminGetUser {@code UserAttributes}.
 */
final class UserOperations {

	private static final Pattern GROUP_NAME = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");

	private static final Pattern ROLE_ARN = Pattern.compile(
			"arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?");

	private final CognitoStore store;

	private final Clock clock;

	UserOperations(CognitoStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	void register(Map<String, Operation> operations) {
		operations.put("AdminGetUser", this::adminGetUser);
		operations.put("ListUsers", this::listUsers);
		operations.put("CreateGroup", this::createGroup);
		operations.put("GetGroup", this::getGroup);
		operations.put("ListGroups", this::listGroups);
		operations.put("AdminAddUserToGroup", this::adminAddUserToGroup);
		operations.put("AdminListGroupsForUser", this::adminListGroupsForUser);
	}

	ObjectNode adminGetUser(ApiInput in) {
		UserPool pool = Lookups.pool(this.store, in);
		PoolUser user = Lookups.requireUser(pool, in);
		ObjectNode out = Json.object().put("Username", user.username());
		out.set("UserAttributes", Json.attributes(user.attributes(), null));
		out.put("UserCreateDate", Json.epoch(user.userCreateDate()))
			.put("UserLastModifiedDate", Json.epoch(user.userLastModifiedDate()))
			.put("Enabled", user.enabled())
			.put("UserStatus", user.userStatus());
		return out;
	}

	ObjectNode listUsers(ApiInput in) {
		UserPool pool = Lookups.pool(this.store, in);
		List<String> only = in.strings("AttributesToGet");
		int limit = orElse(in.integer("Limit", 0, 60), 60);
		String token = in.string("PaginationToken", false, 1, 65536, null);
		UserFilter filter = UserFilter.parse(in.string("Filter", false, 0, 256, null));
		boolean caseSensitive = pool.settings().usernameCaseSensitive();
		List<PoolUser> matching = pool.users()
			.values()
			.stream()
			.filter((u) -> filter == null || filter.matches(u, caseSensitive))
			.toList();
		// A Limit of 0 is allowed by the model; it is treated as the default page size.
		Paging.Page<PoolUser> page = Paging.page(matching, PoolUser::username, (limit == 0) ? 60 : limit, token);
		ObjectNode out = Json.object();
		ArrayNode users = out.putArray("Users");
		for (PoolUser user : page.items()) {
			ObjectNode item = users.addObject().put("Username", user.username());
			item.set("Attributes", Json.attributes(user.attributes(), only));
			item.put("UserCreateDate", Json.epoch(user.userCreateDate()))
				.put("UserLastModifiedDate", Json.epoch(user.userLastModifiedDate()))
				.put("Enabled", user.enabled())
				.put("UserStatus", user.userStatus());
		}
		if (page.nextToken() != null) {
			out.put("PaginationToken", page.nextToken());
		}
		return out;
	}

	ObjectNode createGroup(ApiInput in) {
		String name = in.string("GroupName", true, 1, 128, GROUP_NAME);
		UserPool pool = Lookups.pool(this.store, in);
		String description = in.string("Description", false, 0, 2048, null);
		String roleArn = in.string("RoleArn", false, 20, 2048, ROLE_ARN);
		Integer precedence = in.integer("Precedence", 0, Integer.MAX_VALUE);
		synchronized (pool) {
			if (pool.group(name) != null) {
				throw new ApiException("GroupExistsException", "A group with the name " + name + " already exists.");
			}
			Instant now = Instant.ofEpochMilli(this.clock.millis());
			Group group = new Group(pool.id(), name, description, roleArn, precedence, now, now);
			this.store.putGroup(pool, group);
			ObjectNode out = Json.object();
			out.set("Group", group(group));
			return out;
		}
	}

	ObjectNode getGroup(ApiInput in) {
		String name = in.string("GroupName", true, 1, 128, GROUP_NAME);
		UserPool pool = Lookups.pool(this.store, in);
		ObjectNode out = Json.object();
		out.set("Group", group(requireGroup(pool, name)));
		return out;
	}

	ObjectNode listGroups(ApiInput in) {
		UserPool pool = Lookups.pool(this.store, in);
		int limit = orElse(in.integer("Limit", 0, 60), 60);
		String token = in.string("NextToken", false, 1, 65536, null);
		return groups(List.copyOf(pool.groups().values()), limit, token);
	}

	ObjectNode adminAddUserToGroup(ApiInput in) {
		UserPool pool = Lookups.pool(this.store, in);
		String name = in.string("GroupName", true, 1, 128, GROUP_NAME);
		PoolUser user = Lookups.requireUser(pool, in);
		requireGroup(pool, name);
		this.store.addUserToGroup(pool, user.username(), name);
		// No output shape: 200 with an empty object.
		return Json.object();
	}

	ObjectNode adminListGroupsForUser(ApiInput in) {
		UserPool pool = Lookups.pool(this.store, in);
		PoolUser user = Lookups.requireUser(pool, in);
		int limit = orElse(in.integer("Limit", 0, 60), 60);
		String token = in.string("NextToken", false, 1, 65536, null);
		List<Group> groups = pool.groupsOf(user.username()).stream().map(pool::group).toList();
		return groups(groups, limit, token);
	}

	private static ObjectNode groups(List<Group> groups, int limit, String token) {
		Paging.Page<Group> page = Paging.page(groups, Group::groupName, (limit == 0) ? 60 : limit, token);
		ObjectNode out = Json.object();
		ArrayNode array = out.putArray("Groups");
		page.items().forEach((g) -> array.add(group(g)));
		if (page.nextToken() != null) {
			out.put("NextToken", page.nextToken());
		}
		return out;
	}

	private static Group requireGroup(UserPool pool, String name) {
		Group group = pool.group(name);
		if (group == null) {
			throw ApiException.resourceNotFound("Group not found.");
		}
		return group;
	}

	/**
	 * GroupType; optional members are omitted when unset (Precedence defaults to null).
	 */
	private static ObjectNode group(Group g) {
		ObjectNode node = Json.object().put("GroupName", g.groupName()).put("UserPoolId", g.userPoolId());
		if (g.description() != null) {
			node.put("Description", g.description());
		}
		if (g.roleArn() != null) {
			node.put("RoleArn", g.roleArn());
		}
		if (g.precedence() != null) {
			node.put("Precedence", g.precedence());
		}
		node.put("LastModifiedDate", Json.epoch(g.lastModifiedDate()))
			.put("CreationDate", Json.epoch(g.creationDate()));
		return node;
	}

	private static <T> T orElse(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

}

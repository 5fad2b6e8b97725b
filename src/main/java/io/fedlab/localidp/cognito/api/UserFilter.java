package io.fedlab.localidp.cognito.api;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fedlab.localidp.cognito.state.PoolUser;

/**
 * ListUsers' {@code Filter}: {@code AttributeName Filter-Type "AttributeValue"} with
 * {@code =} (exact) or {@code ^=} (prefix), one searchable attribute, inner quotes
 * backslash-escaped; empty means every user (emulated-behaviour.md §C6). {@code username}
 * and {@code status} compare case-sensitively, {@code cognito:user_status}
 * case-insensitively; custom attributes are not searchable.
 */
record UserFilter(String attribute, boolean prefix, String value) {

	private static final Pattern GRAMMAR = Pattern
		.compile("\\s*([A-Za-z0-9_:]+)\\s*(\\^=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*");

	private static final Set<String> SEARCHABLE = Set.of("username", "email", "phone_number", "name", "given_name",
			"family_name", "preferred_username", "cognito:user_status", "status", "sub");

	/** The filter, or {@code null} for "every user". */
	static UserFilter parse(String filter) {
		if (filter == null || filter.isBlank()) {
			return null;
		}
		Matcher m = GRAMMAR.matcher(filter);
		if (!m.matches()) {
			throw ApiException.invalidParameter("Error while parsing filter.");
		}
		String attribute = m.group(1);
		if (!SEARCHABLE.contains(attribute)) {
			// UNVERIFIED wording; the searchable list is documented [api].
			throw ApiException.invalidParameter("Invalid search attribute: " + attribute);
		}
		String value = m.group(3).replaceAll("\\\\(.)", "$1");
		return new UserFilter(attribute, m.group(2).equals("^="), value);
	}

	boolean matches(PoolUser user, boolean usernameCaseSensitive) {
		return switch (this.attribute) {
			case "username" -> compare(user.username(), !usernameCaseSensitive);
			case "status" -> compare(user.enabled() ? "Enabled" : "Disabled", false);
			case "cognito:user_status" -> compare(user.userStatus(), true);
			default -> compare(user.attribute(this.attribute), false);
		};
	}

	private boolean compare(String actual, boolean ignoreCase) {
		if (actual == null) {
			return false;
		}
		String a = ignoreCase ? actual.toLowerCase(Locale.ROOT) : actual;
		String v = ignoreCase ? this.value.toLowerCase(Locale.ROOT) : this.value;
		return this.prefix ? a.startsWith(v) : a.equals(v);
	}

}

package io.fedlab.localidp.cognito.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One operation's input shape, with typed, validated accessors. A member of the wrong
 * JSON type is a {@code SerializationException}; a missing required member or a value
 * outside its service-model constraints is an {@code InvalidParameterException} worded
 * like the real service's validation errors. Unknown members are ignored, as AWS does.
 */
final class ApiInput {

	/** Members whose values never appear in error messages. */
	private static final Set<String> SENSITIVE = Set.of("ClientSecret", "AccessToken", "Token", "client_secret");

	static final Pattern POOL_ID = Pattern.compile("[\\w-]+_[0-9a-zA-Z]+");

	static final Pattern CLIENT_ID = Pattern.compile("[\\w+]+");

	static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");

	static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9-_=.]+");

	private final ObjectNode node;

	private ApiInput(ObjectNode node) {
		this.node = node;
	}

	/** The request body as an input shape; an empty body counts as {@code {}}. */
	static ApiInput parse(String body) {
		if (body == null || body.isBlank()) {
			return new ApiInput(Json.object());
		}
		JsonNode parsed = Json.parse(body);
		if (parsed == null) {
			throw ApiException.serialization("Unable to parse the request body as JSON");
		}
		if (!parsed.isObject()) {
			throw ApiException.serialization("Start of structure or map expected");
		}
		return new ApiInput((ObjectNode) parsed);
	}

	boolean has(String member) {
		JsonNode value = this.node.get(member);
		return value != null && !value.isNull();
	}

	/** A string member, or {@code null} when absent. */
	String string(String member) {
		JsonNode value = this.node.get(member);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw typeMismatch(member, "string");
		}
		return value.stringValue();
	}

	String requiredString(String member) {
		String value = string(member);
		if (value == null) {
			throw ApiException.validation(member, null, false, "Member must not be null");
		}
		return value;
	}

	/**
	 * A string member checked against its length range and pattern; {@code null} when
	 * absent and not required.
	 */
	String string(String member, boolean required, int min, int max, Pattern pattern) {
		String value = required ? requiredString(member) : string(member);
		if (value != null) {
			check(member, value, min, max, pattern);
		}
		return value;
	}

	static void check(String member, String value, int min, int max, Pattern pattern) {
		boolean sensitive = SENSITIVE.contains(member);
		int length = value.codePointCount(0, value.length());
		if (length < min) {
			throw ApiException.validation(member, value, sensitive,
					"Member must have length greater than or equal to " + min);
		}
		if (length > max) {
			throw ApiException.validation(member, value, sensitive,
					"Member must have length less than or equal to " + max);
		}
		if (pattern != null && !pattern.matcher(value).matches()) {
			throw ApiException.validation(member, value, sensitive,
					"Member must satisfy regular expression pattern: " + pattern.pattern());
		}
	}

	/** A string member that must be one of {@code allowed}. */
	String enumValue(String member, boolean required, List<String> allowed) {
		String value = required ? requiredString(member) : string(member);
		if (value != null && !allowed.contains(value)) {
			throw ApiException.validation(member, value, false,
					"Member must satisfy enum value set: " + allowed.toString());
		}
		return value;
	}

	/** An integer member within range, or {@code null} when absent. */
	Integer integer(String member, long min, long max) {
		JsonNode value = this.node.get(member);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt()) {
			throw typeMismatch(member, "integer");
		}
		int number = value.intValue();
		if (number < min) {
			throw ApiException.validation(member, Integer.toString(number), false,
					"Member must have value greater than or equal to " + min);
		}
		if (number > max) {
			throw ApiException.validation(member, Integer.toString(number), false,
					"Member must have value less than or equal to " + max);
		}
		return number;
	}

	Integer requiredInteger(String member, long min, long max) {
		Integer value = integer(member, min, max);
		if (value == null) {
			throw ApiException.validation(member, null, false, "Member must not be null");
		}
		return value;
	}

	/** A boolean member, or {@code null} when absent. */
	Boolean bool(String member) {
		JsonNode value = this.node.get(member);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isBoolean()) {
			throw typeMismatch(member, "boolean");
		}
		return value.booleanValue();
	}

	boolean bool(String member, boolean fallback) {
		Boolean value = bool(member);
		return (value != null) ? value : fallback;
	}

	/** A list of strings, or {@code null} when absent. */
	List<String> strings(String member) {
		JsonNode value = this.node.get(member);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isArray()) {
			throw typeMismatch(member, "list");
		}
		List<String> out = new ArrayList<>();
		for (JsonNode item : value.values()) {
			if (!item.isString()) {
				throw typeMismatch(member, "list of strings");
			}
			out.add(item.stringValue());
		}
		return Collections.unmodifiableList(out);
	}

	/** A string-to-string map, or {@code null} when absent. */
	Map<String, String> stringMap(String member) {
		JsonNode value = this.node.get(member);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isObject()) {
			throw typeMismatch(member, "map");
		}
		Map<String, String> out = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : value.properties()) {
			if (!entry.getValue().isString()) {
				throw typeMismatch(member, "map of strings");
			}
			out.put(entry.getKey(), entry.getValue().stringValue());
		}
		return out;
	}

	/** A nested structure, or {@code null} when absent. */
	ApiInput object(String member) {
		JsonNode value = this.node.get(member);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isObject()) {
			throw typeMismatch(member, "structure");
		}
		return new ApiInput((ObjectNode) value);
	}

	/** A list of structures, or {@code null} when absent. */
	List<ApiInput> objects(String member) {
		JsonNode value = this.node.get(member);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isArray()) {
			throw typeMismatch(member, "list");
		}
		List<ApiInput> out = new ArrayList<>();
		for (JsonNode item : value.values()) {
			if (!item.isObject()) {
				throw typeMismatch(member, "list of structures");
			}
			out.add(new ApiInput((ObjectNode) item));
		}
		return out;
	}

	/** The raw member, to echo a configuration block back unchanged; may be null. */
	ObjectNode rawObject(String member) {
		JsonNode value = this.node.get(member);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isObject()) {
			throw typeMismatch(member, "structure");
		}
		return (ObjectNode) value.deepCopy();
	}

	private static ApiException typeMismatch(String member, String expected) {
		return ApiException.serialization("Unexpected value type for member " + member + ": expected " + expected);
	}

}

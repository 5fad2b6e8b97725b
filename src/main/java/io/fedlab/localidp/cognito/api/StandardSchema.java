package io.fedlab.localidp.cognito.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fedlab.localidp.cognito.state.SchemaAttribute;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The standard attributes every new user pool has, in the order DescribeUserPool lists
 * them, and how a CreateUserPool {@code Schema} changes them (emulated-behaviour.md §C6:
 * constraint values are strings).
 */
final class StandardSchema {

	private static final Set<String> BOOLEANS = Set.of("email_verified", "phone_number_verified");

	private static final List<String> NAMES = List.of("sub", "name", "given_name", "family_name", "middle_name",
			"nickname", "preferred_username", "profile", "picture", "website", "email", "email_verified", "gender",
			"birthdate", "zoneinfo", "locale", "phone_number", "phone_number_verified", "address", "updated_at",
			"identities");

	private StandardSchema() {
	}

	static boolean isStandard(String name) {
		return NAMES.contains(name);
	}

	static List<SchemaAttribute> defaults() {
		List<SchemaAttribute> out = new ArrayList<>();
		for (String name : NAMES) {
			out.add(standard(name));
		}
		return out;
	}

	private static SchemaAttribute standard(String name) {
		return switch (name) {
			case "sub" -> new SchemaAttribute(name, "String", false, false, true, "1", "2048");
			case "birthdate" -> new SchemaAttribute(name, "String", false, true, false, "10", "10");
			// Number constraints travel in the min/max fields (MinValue/MaxValue).
			case "updated_at" -> new SchemaAttribute(name, "Number", false, true, false, "0", null);
			case "identities" -> new SchemaAttribute(name, "String", false, true, false, null, null);
			default -> BOOLEANS.contains(name) ? new SchemaAttribute(name, "Boolean", false, true, false, null, null)
					: new SchemaAttribute(name, "String", false, true, false, "0", "2048");
		};
	}

	/**
	 * The pool's schema: the standard attributes, changed by the request's entries of the
	 * same name, followed by its custom attributes ({@code custom:<Name>}).
	 */
	static List<SchemaAttribute> build(List<ApiInput> requested) {
		Map<String, SchemaAttribute> schema = new LinkedHashMap<>();
		defaults().forEach((a) -> schema.put(a.name(), a));
		if (requested == null) {
			return List.copyOf(schema.values());
		}
		if (requested.size() > 50) {
			throw ApiException.validation("Schema", null, true, "Member must have length less than or equal to 50");
		}
		for (ApiInput entry : requested) {
			String name = entry.string("Name", true, 1, 20,
					java.util.regex.Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+"));
			String type = entry.enumValue("AttributeDataType", false,
					List.of("String", "Number", "DateTime", "Boolean"));
			boolean developerOnly = entry.bool("DeveloperOnlyAttribute", false);
			ApiInput strings = entry.object("StringAttributeConstraints");
			ApiInput numbers = entry.object("NumberAttributeConstraints");
			ApiInput constraints = (numbers != null) ? numbers : strings;
			String minKey = (numbers != null) ? "MinValue" : "MinLength";
			String maxKey = (numbers != null) ? "MaxValue" : "MaxLength";
			SchemaAttribute base = schema.get(name);
			if (base != null) {
				if (name.equals("sub")) {
					continue;
				}
				schema.put(name,
						new SchemaAttribute(name, base.attributeDataType(), false,
								entry.bool("Mutable", base.mutable()), entry.bool("Required", base.required()),
								(constraints != null) ? orElse(constraints.string(minKey), base.minLength())
										: base.minLength(),
								(constraints != null) ? orElse(constraints.string(maxKey), base.maxLength())
										: base.maxLength()));
				continue;
			}
			if (entry.bool("Required", false)) {
				throw ApiException.invalidParameter("Required custom attributes are not supported currently.");
			}
			String fullName = (developerOnly ? "dev:custom:" : "custom:") + name;
			schema.put(fullName, new SchemaAttribute(fullName, (type != null) ? type : "String", developerOnly,
					entry.bool("Mutable", true), false, (constraints != null) ? constraints.string(minKey) : null,
					(constraints != null) ? constraints.string(maxKey) : null));
		}
		return List.copyOf(schema.values());
	}

	private static String orElse(String value, String fallback) {
		return (value != null) ? value : fallback;
	}

	/** {@code SchemaAttributes} as DescribeUserPool writes it. */
	static ArrayNode toJson(List<SchemaAttribute> schema) {
		ArrayNode array = Json.array();
		for (SchemaAttribute attribute : schema) {
			ObjectNode entry = array.addObject()
				.put("Name", attribute.name())
				.put("AttributeDataType", attribute.attributeDataType())
				.put("DeveloperOnlyAttribute", attribute.developerOnlyAttribute())
				.put("Mutable", attribute.mutable())
				.put("Required", attribute.required());
			switch (attribute.attributeDataType()) {
				case "Number" -> {
					ObjectNode c = entry.putObject("NumberAttributeConstraints");
					putIf(c, "MinValue", attribute.minLength());
					putIf(c, "MaxValue", attribute.maxLength());
				}
				case "String" -> {
					ObjectNode c = entry.putObject("StringAttributeConstraints");
					putIf(c, "MinLength", attribute.minLength());
					putIf(c, "MaxLength", attribute.maxLength());
				}
				default -> {
				}
			}
		}
		return array;
	}

	private static void putIf(ObjectNode node, String name, String value) {
		if (value != null) {
			node.put(name, value);
		}
	}

}

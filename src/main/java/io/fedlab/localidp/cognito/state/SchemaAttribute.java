package io.fedlab.localidp.cognito.state;

/**
 * One entry of a pool's {@code SchemaAttributes}. Constraint values are strings in the
 * API, as in Cognito.
 */
public record SchemaAttribute(String name, String attributeDataType, boolean developerOnlyAttribute, boolean mutable,
		boolean required, String minLength, String maxLength) {
}

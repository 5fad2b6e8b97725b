package io.fedlab.localidp.cognito.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one place the Cognito API reads and writes JSON (Jackson 3). Objects keep insertion
 * order, so every shape is written in the order the real service uses.
 */
final class Json {

	// Timestamps are BigDecimals (epoch seconds with a fraction, emulated-behaviour.md
	// §C5); written
	// plain, never as 1.7E+9.
	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
		.build();

	private Json() {
	}

	static ObjectNode object() {
		return MAPPER.createObjectNode();
	}

	static ArrayNode array() {
		return MAPPER.createArrayNode();
	}

	/** Parses a JSON text; {@code null} when it is not well-formed JSON. */
	static JsonNode parse(String text) {
		try {
			return MAPPER.readTree(text);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	static String write(JsonNode node) {
		return MAPPER.writeValueAsString(node);
	}

	/**
	 * Epoch seconds with millisecond fraction, as the API writes {@code CreationDate}:
	 * {@code 1471871472.647}.
	 */
	static BigDecimal epoch(Instant instant) {
		return BigDecimal.valueOf(instant.toEpochMilli(), 3);
	}

	static ArrayNode strings(Collection<String> values) {
		ArrayNode array = array();
		values.forEach(array::add);
		return array;
	}

	static ObjectNode stringMap(Map<String, String> values) {
		ObjectNode object = object();
		values.forEach(object::put);
		return object;
	}

	/** {@code [{"Name":…,"Value":…}]}, the API's AttributeType list. */
	static ArrayNode attributes(Map<String, String> attributes, Collection<String> only) {
		ArrayNode array = array();
		attributes.forEach((name, value) -> {
			if (only == null || only.contains(name)) {
				array.addObject().put("Name", name).put("Value", value);
			}
		});
		return array;
	}

}

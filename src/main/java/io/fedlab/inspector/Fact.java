package io.fedlab.inspector;

import java.io.Serial;
import java.io.Serializable;

/**
 * One detail of a hop: a protocol parameter or a check, with its value already masked
 * ({@link Mask}).
 *
 * @param name the parameter, header or check name
 * @param value the masked value
 */
record Fact(String name, String value) implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

}

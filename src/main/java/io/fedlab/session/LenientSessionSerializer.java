package io.fedlab.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.exc.InvalidTypeIdException;

import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.data.redis.serializer.SerializationException;

/**
 * Reads a session attribute that cannot be read (a type outside the allow list, a class
 * changed by a new release, corrupt data) as absent, so the user is asked to sign in
 * again instead of getting an error on every request of that session; likewise for one
 * that cannot be written. The log names the failure, never the data: it can hold tokens
 * (ASVS 16.2.5).
 */
final class LenientSessionSerializer implements RedisSerializer<Object> {

	private static final Logger logger = LoggerFactory.getLogger(LenientSessionSerializer.class);

	private final RedisSerializer<Object> json;

	LenientSessionSerializer(RedisSerializer<Object> json) {
		this.json = json;
	}

	/**
	 * An attribute that cannot be written as JSON is not stored (read back, it is
	 * absent), instead of failing the request when the session is saved; the log names
	 * its type so that it can be made JSON-friendly and allowed in {@link SessionJson}.
	 */
	@Override
	public byte[] serialize(Object value) {
		try {
			return this.json.serialize(value);
		}
		catch (SerializationException ex) {
			logger.warn("A session attribute of type {} could not be written to Redis as JSON; it is not stored",
					value.getClass().getName());
			return new byte[0];
		}
	}

	@Override
	public Object deserialize(byte[] bytes) {
		try {
			return this.json.deserialize(bytes);
		}
		catch (SerializationException ex) {
			// the type id is a class name, safe to log; a message could quote the data
			String reason = (ex.getCause() instanceof InvalidTypeIdException typeId)
					? "type " + typeId.getTypeId() + " not allowed"
					: ((ex.getCause() != null) ? ex.getCause() : ex).getClass().getSimpleName();
			logger.warn("A session attribute in Redis could not be read ({}); it is treated as absent", reason);
			return null;
		}
	}

}

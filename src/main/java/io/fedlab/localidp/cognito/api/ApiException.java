package io.fedlab.localidp.cognito.api;

/**
 * A Cognito API error: the exception name sent as {@code __type} and
 * {@code x-amzn-ErrorType}, and a message safe to show (never a token or secret).
 * Everything is HTTP 400 except {@code InternalErrorException} (500), the only
 * {@code fault} shape of the service model (emulated-behaviour.md §C5, emulator choice).
 */
final class ApiException extends RuntimeException {

	/** Values longer than this are named in messages without being quoted. */
	static final int MAX_ECHOED_VALUE = 2048;

	private final String type;

	private final int status;

	ApiException(String type, String message) {
		this(type, message, 400);
	}

	ApiException(String type, String message, int status) {
		super(message, null, false, false);
		this.type = type;
		this.status = status;
	}

	String type() {
		return this.type;
	}

	int status() {
		return this.status;
	}

	static ApiException invalidParameter(String message) {
		return new ApiException("InvalidParameterException", message);
	}

	static ApiException resourceNotFound(String message) {
		return new ApiException("ResourceNotFoundException", message);
	}

	static ApiException notAuthorized(String message) {
		return new ApiException("NotAuthorizedException", message);
	}

	static ApiException userNotFound() {
		return new ApiException("UserNotFoundException", "User does not exist.");
	}

	static ApiException serialization(String message) {
		return new ApiException("SerializationException", message);
	}

	/**
	 * A service-model constraint failure, worded as the AWS front end words it: "1
	 * validation error detected: Value 'x' at 'userPoolId' failed to satisfy constraint:
	 * Member must …". Sensitive members (secrets, tokens) are named without their value,
	 * as AWS does.
	 */
	static ApiException validation(String member, String value, boolean sensitive, String constraint) {
		// A value longer than any constraint of the model (2048) is not echoed (emulator
		// choice).
		boolean hidden = sensitive || (value != null && value.length() > MAX_ECHOED_VALUE);
		String shown = hidden ? "" : ((value == null) ? "null " : "'" + value + "' ");
		return invalidParameter("1 validation error detected: Value " + shown + "at '" + lowerFirst(member)
				+ "' failed to satisfy constraint: " + constraint);
	}

	private static String lowerFirst(String member) {
		return member.isEmpty() ? member : Character.toLowerCase(member.charAt(0)) + member.substring(1);
	}

}

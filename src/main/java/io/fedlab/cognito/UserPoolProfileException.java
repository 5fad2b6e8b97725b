package io.fedlab.cognito;

/**
 * {@code GetUser} failed. Carries the service's error code (e.g.
 * {@code NotAuthorizedException}) or a local reason, never the token or the raw service
 * message.
 */
public class UserPoolProfileException extends RuntimeException {

	private final String errorCode;

	/**
	 * Create a new instance.
	 * @param errorCode the error code or local reason
	 */
	public UserPoolProfileException(String errorCode) {
		super("GetUser failed: " + errorCode);
		this.errorCode = errorCode;
	}

	/**
	 * The error code.
	 * @return the error code
	 */
	public String errorCode() {
		return this.errorCode;
	}

}

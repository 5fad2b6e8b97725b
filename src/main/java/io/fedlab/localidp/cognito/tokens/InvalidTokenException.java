package io.fedlab.localidp.cognito.tokens;

/**
 * A token that is malformed, forged, expired, revoked or of the wrong kind. The message
 * is safe to show.
 */
public final class InvalidTokenException extends Exception {

	public InvalidTokenException(String message) {
		super(message, null, false, false);
	}

}

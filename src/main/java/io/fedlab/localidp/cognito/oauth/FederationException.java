package io.fedlab.localidp.cognito.oauth;

/**
 * A federated sign-in that failed in a way Cognito reports to the app's callback as
 * {@code ?error=…&error_description=…} (emulated-behaviour.md §C1.4). The description
 * never holds a code, token or secret.
 */
final class FederationException extends Exception {

	private final String error;

	FederationException(String error, String description) {
		super(description, null, false, false);
		this.error = error;
	}

	static FederationException invalidRequest(String description) {
		return new FederationException("invalid_request", description);
	}

	String error() {
		return this.error;
	}

	String description() {
		return getMessage();
	}

}

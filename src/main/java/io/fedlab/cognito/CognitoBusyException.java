package io.fedlab.cognito;

import java.io.IOException;
import java.io.Serial;

/**
 * A call to Cognito refused before it was made:
 * {@code app.back-channel.max-concurrent-calls} calls are already waiting. An
 * {@link IOException}, so HTTP clients report it like any other failure to reach Cognito.
 */
public final class CognitoBusyException extends IOException {

	@Serial
	private static final long serialVersionUID = 1L;

	public CognitoBusyException(int limit) {
		super("Too many calls to Cognito in progress (limit " + limit + ")");
	}

}

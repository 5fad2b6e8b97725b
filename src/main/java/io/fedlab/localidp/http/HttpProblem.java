package io.fedlab.localidp.http;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;

/**
 * Thrown by an emulator handler to answer with a prepared error response (a documented
 * error page or JSON error), unwinding the handler.
 */
public final class HttpProblem extends RuntimeException {

	private final transient ResponseDefinition response;

	public HttpProblem(ResponseDefinition response) {
		super(null, null, false, false);
		this.response = response;
	}

	public ResponseDefinition response() {
		return this.response;
	}

}

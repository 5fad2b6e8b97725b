package io.fedlab.system;

import java.util.List;

/**
 * Thrown at start-up when required settings are missing or malformed;
 * {@link InvalidSettingsFailureAnalyzer} turns it into one clear message.
 */
class InvalidSettingsException extends IllegalStateException {

	private final List<String> problems;

	InvalidSettingsException(List<String> problems) {
		super("Invalid settings: " + String.join("; ", problems));
		this.problems = List.copyOf(problems);
	}

	List<String> problems() {
		return this.problems;
	}

}

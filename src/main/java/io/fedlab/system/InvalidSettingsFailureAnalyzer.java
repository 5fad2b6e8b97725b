package io.fedlab.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * One clear message for missing or malformed settings.
 */
class InvalidSettingsFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettingsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingsException cause) {
		StringBuilder description = new StringBuilder("fedlab cannot start: required settings are missing or invalid:");
		cause.problems()
			.forEach((problem) -> description.append(System.lineSeparator()).append("  - ").append(problem));
		String action = "Set them as environment variables (see the table in docs/configuration.md) when running with "
				+ "--spring.profiles.active=aws, or run without that profile to use the local Cognito and Auth0 "
				+ "emulators (local.enabled=true).";
		return new FailureAnalysis(description.toString(), action, cause);
	}

}

package io.fedlab.provisioning;

import java.util.List;

/** A configuration that cannot be used, with one line per problem. */
public class SetupConfigException extends RuntimeException {

	private final List<String> problems;

	public SetupConfigException(String message) {
		super(message);
		this.problems = List.of(message);
	}

	public SetupConfigException(String source, List<String> problems) {
		super("Invalid configuration " + source + ":\n  - " + String.join("\n  - ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return this.problems;
	}

}

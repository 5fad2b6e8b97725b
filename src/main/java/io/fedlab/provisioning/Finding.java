package io.fedlab.provisioning;

/**
 * One check of {@link Doctor}.
 *
 * @param id a stable identifier, e.g. {@code client.callback-urls}
 * @param status the outcome
 * @param message what was found, with the values involved (never a secret)
 * @param fix what to do about it; null for {@link Status#PASS}
 */
public record Finding(String id, Status status, String message, String fix) {

	/** The outcome of a check. */
	public enum Status {

		/** As expected. */
		PASS,
		/** Broken: sign-in or sign-out will fail. */
		FAIL,
		/** Works, but is risky or unusual. */
		WARN,
		/** Cannot be checked from here; a person must look. */
		MANUAL

	}

	static Finding pass(String id, String message) {
		return new Finding(id, Status.PASS, message, null);
	}

	static Finding fail(String id, String message, String fix) {
		return new Finding(id, Status.FAIL, message, fix);
	}

	static Finding warn(String id, String message, String fix) {
		return new Finding(id, Status.WARN, message, fix);
	}

	static Finding manual(String id, String message, String fix) {
		return new Finding(id, Status.MANUAL, message, fix);
	}

}

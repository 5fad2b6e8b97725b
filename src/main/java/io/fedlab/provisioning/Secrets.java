package io.fedlab.provisioning;

/** How secrets appear in any text this package produces: never. */
final class Secrets {

	static final String MASK = "******";

	private Secrets() {
	}

	static String mask(String secret) {
		return (secret == null || secret.isEmpty()) ? "(none)" : MASK;
	}

}

package io.fedlab.localidp.cognito.state;

import java.security.SecureRandom;
import java.util.Random;

/**
 * Makes the identifiers Cognito makes, in their real shapes: pool ids
 * ({@code us-east-1_AbC123xyZ}), 26-character client ids, 52-character client secrets.
 *
 * <p>
 * Seeded from the emulators' data folder, so a restarted local stack hands out the same
 * pool id, client id and secret in the same order, and the app's configuration, bookmarks
 * and sessions stay valid. Without a seed, identifiers are random.
 */
public final class IdGenerator {

	private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

	private final Random random;

	private IdGenerator(Random random) {
		this.random = random;
	}

	public static IdGenerator seeded(long seed) {
		// Deterministic by design (see the class comment); the seed itself is a random
		// secret.
		return new IdGenerator(new Random(seed));
	}

	public static IdGenerator random() {
		return new IdGenerator(new SecureRandom());
	}

	public synchronized String poolId(String region) {
		return region + "_" + pick(ALNUM, 9);
	}

	public synchronized String clientId() {
		return pick(LOWER_ALNUM, 26);
	}

	public synchronized String clientSecret() {
		return pick(LOWER_ALNUM, 52);
	}

	private String pick(String alphabet, int length) {
		StringBuilder out = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			out.append(alphabet.charAt(this.random.nextInt(alphabet.length())));
		}
		return out.toString();
	}

}

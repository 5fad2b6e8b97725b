package io.fedlab.localidp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Random;
import java.util.Set;

/**
 * The local stack's seed: a random number made at first start and kept in the data
 * folder. Every identifier and secret of the local stack (pool id, client ids and
 * secrets, Auth0 user ids) derives from it, so a restart gives the same configuration
 * while two data folders never share secrets.
 */
final class LocalSecrets {

	private static final String ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

	private final long seed;

	private final Random random;

	private LocalSecrets(long seed) {
		this.seed = seed;
		this.random = new Random(seed ^ 0x5DEECE66DL);
	}

	/** Loads the seed from {@code <dataDir>/seed}, creating it on first use. */
	static LocalSecrets load(Path dataDir) {
		Path file = dataDir.resolve("seed");
		try {
			Files.createDirectories(dataDir);
			if (Files.isRegularFile(file)) {
				return new LocalSecrets(Long.parseLong(Files.readString(file).trim()));
			}
			long seed = new SecureRandom().nextLong();
			Files.writeString(file, Long.toString(seed), StandardCharsets.UTF_8);
			try {
				Files.setPosixFilePermissions(file,
						Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
			}
			catch (UnsupportedOperationException ex) {
				// Not a POSIX file system: the folder's permissions apply.
			}
			return new LocalSecrets(seed);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the local seed in " + dataDir, ex);
		}
		catch (NumberFormatException ex) {
			throw new IllegalStateException("The local seed file " + file + " is damaged; delete it to start afresh",
					ex);
		}
	}

	long seed() {
		return this.seed;
	}

	/** The seed as text, for the Auth0 user-id derivation. */
	String seedText() {
		return Long.toHexString(this.seed);
	}

	/** The next derived value of {@code length} lowercase alphanumerics. */
	synchronized String next(int length) {
		StringBuilder out = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			out.append(ALNUM.charAt(this.random.nextInt(ALNUM.length())));
		}
		return out.toString();
	}

}

package io.fedlab.localidp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.fedlab.localidp.http.FreePorts;

/**
 * Local stacks for tests: free ports, a fresh data folder, nothing listening at the app
 * URL.
 */
public final class TestLocalStacks {

	private TestLocalStacks() {
	}

	/** Settings on free ports with a fresh data folder. */
	public static LocalStackSettings settings() {
		try {
			Path dataDir = Files.createTempDirectory("fedlab-test-");
			return new LocalStackSettings(true, "localhost", "127.0.0.1", 0, 0, 0, "us-east-1", "fedlab-local",
					"fedlab-local", dataDir, null, "admins", null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A started stack provisioned for an app at a free port where nothing listens. */
	public static LocalStack start() {
		return LocalStack.start(settings(), "http://localhost:" + FreePorts.resolve(0), (line) -> {
		});
	}

}

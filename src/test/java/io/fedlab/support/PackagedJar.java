package io.fedlab.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The jar that {@code package} builds, for tests that run it as a process. */
public final class PackagedJar {

	private PackagedJar() {
	}

	/** The one {@code target/fedlab-*.jar} below {@code root}. */
	public static Path in(Path root) throws IOException {
		try (var jars = Files.newDirectoryStream(root.resolve("target"), "fedlab-*.jar")) {
			List<Path> found = new ArrayList<>();
			jars.forEach(found::add);
			assertThat(found).as("the jar `package` builds").hasSize(1);
			return found.get(0);
		}
	}

}

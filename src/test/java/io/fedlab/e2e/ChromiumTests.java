package io.fedlab.e2e;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ChromiumTests {

	@Test
	void missingWhenBrowserAbsentThenOneLineNamingItAndTheInstallCommand(@TempDir Path dir) {
		String line = Chromium.missing(dir.resolve("chromium"), Path.of("/bin/sh"));

		assertThat(line).contains(dir.resolve("chromium").toString())
			.doesNotContain("/bin/sh")
			.contains("sudo apt-get install chromium chromium-driver")
			.doesNotContain("\n");
	}

	@Test
	void missingWhenBothInstalledThenNull() {
		assertThat(Chromium.missing(Path.of("/bin/sh"), Path.of("/bin/sh"))).isNull();
	}

	@Test
	void mustRunWhenCiTrueThenMissingBrowserFailsInsteadOfSkipping() {
		assertThat(Chromium.mustRun(Map.of("CI", "true"))).isTrue();
		assertThat(Chromium.mustRun(Map.of("CI", "false"))).isFalse();
		assertThat(Chromium.mustRun(Map.of())).isFalse();
	}

}

package io.fedlab.localidp.auth0;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class Auth0EmulatorTests {

	@TempDir
	Path dataDir;

	@Test
	void constructorWhenDataDirReusedThenSameKeysAndAccessTokensSurviveRestart() {
		Auth0Emulator first = new Auth0Emulator(settings(this.dataDir), Clock.systemUTC());
		String token = first.tokens()
			.accessToken("auth0|0123456789abcdef01234567", "c", List.of("openid"), "sid", Instant.now());

		Auth0Emulator second = new Auth0Emulator(settings(this.dataDir), Clock.systemUTC());

		assertThat(second.signingKeys().current().getKeyID()).isEqualTo(first.signingKeys().current().getKeyID());
		assertThat(second.tokens().readAccessToken(token, Instant.now())).isNotNull();
		assertThat(this.dataDir.resolve("auth0-signing.jwks.json")).exists();
	}

	@Test
	void rotateSigningKeyWhenCalledThenNextBecomesCurrent() {
		Auth0Emulator emulator = new Auth0Emulator(settings(null), Clock.systemUTC());
		String next = emulator.signingKeys().get(1).getKeyID();

		emulator.rotateSigningKey();

		assertThat(emulator.signingKeys().current().getKeyID()).isEqualTo(next);
		assertThat(emulator.signingKeys().all()).hasSize(2);
	}

	@Test
	void settingsWhenIssuerLacksTrailingSlashThenRefused() {
		// auth0.md §1, §11.1: the issuer ends with '/'.
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Auth0Settings("http://localhost:9240", null, List.of(), List.of(), List.of()));
	}

	@Test
	void dispatcherNameIsLocalAuth0() {
		assertThat(new Auth0Emulator(settings(null), Clock.systemUTC()).dispatcher().getName())
			.isEqualTo("local-auth0");
	}

	@Test
	void applicationToStringWhenPrintedThenSecretAbsent() {
		Auth0Application app = new Auth0Application("a", "id", "top-secret", "client_secret_post", List.of(), List.of(),
				null);

		assertThat(app.toString()).doesNotContain("top-secret");
	}

	private static Auth0Settings settings(Path dataDir) {
		return new Auth0Settings("http://localhost:9240/", dataDir, List.of(), Auth0Users.defaults("s"), List.of());
	}

}

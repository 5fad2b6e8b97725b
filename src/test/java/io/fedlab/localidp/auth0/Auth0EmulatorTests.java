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
		// emulated-behaviour.md §A1, §A11 fact 1: the issuer ends with '/'.
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Auth0Settings("http://localhost:9240", null, List.of(), List.of(), List.of()));
	}

	@Test
	void dispatcherNameIsLocalAuth0() {
		assertThat(new Auth0Emulator(settings(null), Clock.systemUTC()).dispatcher().getName())
			.isEqualTo("local-auth0");
	}

	@Test
	void applicationWhenLoginUriPlainHttpOnPublicHostThenRefused() {
		// emulated-behaviour.md §A11 fact 10: the Application Login URI must be https.
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Auth0Application("a", "id", "s", "client_secret_post", List.of(), List.of(),
					"http://app.example/login"))
			.withMessageContaining("must be https");
		assertThat(Auth0Application.acceptsLoginUri("https://app.example/login?x=1")).isTrue();
		assertThat(Auth0Application.acceptsLoginUri("app.example/login")).isFalse();
		assertThat(Auth0Application.acceptsLoginUri("myapp://login")).isFalse();
	}

	@Test
	void applicationWhenLoginUriOnLoopbackHostThenAcceptedAsTheLocalDeviation() {
		// emulated-behaviour.md §A11 fact 10 says "not localhost"; the local app lives
		// there, so this tenant
		// takes loopback hosts (docs/reference-facts.md).
		for (String uri : List.of("http://localhost:8080/oauth2/authorization/cognito", "http://127.0.0.1:8080/login",
				"http://[::1]:8080/login", "https://localhost/login")) {
			assertThat(Auth0Application.acceptsLoginUri(uri)).as(uri).isTrue();
			assertThat(new Auth0Application("a", "id", "s", "client_secret_post", List.of(), List.of(), uri)
				.initiateLoginUri()).isEqualTo(uri);
		}
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

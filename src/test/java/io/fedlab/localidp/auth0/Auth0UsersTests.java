package io.fedlab.localidp.auth0;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class Auth0UsersTests {

	@TempDir
	Path dir;

	@Test
	void defaultsWhenCreatedThenAliceAndBobWithTheirPasswords() {
		List<Auth0User> users = Auth0Users.defaults("seed");

		assertThat(users).extracting(Auth0User::email, Auth0User::password, Auth0User::name, Auth0User::nickname)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("alice@example.com", "wonderland", "Alice Liddell", "alice"),
					org.assertj.core.groups.Tuple.tuple("bob@example.com", "builder", "Bob Builder", "bob"));
		assertThat(users).allSatisfy((u) -> assertThat(u.emailVerified()).isTrue());
	}

	@Test
	void userIdWhenSameSeedAndEmailThenStableAuth0Format() {
		// emulated-behaviour.md §A7: sub is auth0|<24 hex>; it must survive restarts
		// (emulated-behaviour.md §C7
		// item 9: a new sub is a new Cognito user).
		String first = Auth0Users.defaults("seed").get(0).userId();

		assertThat(first).matches("auth0\\|[0-9a-f]{24}");
		assertThat(Auth0Users.defaults("seed").get(0).userId()).isEqualTo(first);
		assertThat(Auth0Users.defaults("other-seed").get(0).userId()).isNotEqualTo(first);
		assertThat(Auth0Users.defaults("seed").get(1).userId()).isNotEqualTo(first);
	}

	@Test
	void loadWhenFileHasUsersThenInFileOrderWithDefaults() throws IOException {
		Path file = write("""
				# local users
				users.zed.email=Zed@Example.com
				users.zed.password=p\\=ss word
				users.zed.email-verified=false
				users.amy.email=amy@example.com
				users.amy.password=secret
				users.amy.name=Amy Pond
				users.amy.nickname=pond
				""");

		List<Auth0User> users = Auth0Users.load(file, "seed");

		assertThat(users).hasSize(2);
		Auth0User zed = users.get(0);
		assertThat(zed.email()).isEqualTo("Zed@Example.com");
		assertThat(zed.password()).isEqualTo("p=ss word");
		// emulated-behaviour.md §A4: database users' name defaults to the email, nickname
		// to its local
		// part.
		assertThat(zed.name()).isEqualTo("Zed@Example.com");
		assertThat(zed.nickname()).isEqualTo("Zed");
		assertThat(zed.emailVerified()).isFalse();
		assertThat(zed.userId()).isEqualTo(Auth0Users.userId("seed", "zed@example.com"));
		Auth0User amy = users.get(1);
		assertThat(amy.name()).isEqualTo("Amy Pond");
		assertThat(amy.nickname()).isEqualTo("pond");
		assertThat(amy.emailVerified()).isTrue();
	}

	@Test
	void loadWhenSameEmailAsDefaultsThenSameUserId() throws IOException {
		Path file = write("users.a.email=alice@example.com\nusers.a.password=x\n");

		assertThat(Auth0Users.load(file, "s").get(0).userId()).isEqualTo(Auth0Users.defaults("s").get(0).userId());
	}

	@Test
	void loadWhenKeyUnknownThenErrorNamesIt() throws IOException {
		Path file = write("users.a.email=a@example.com\nusers.a.password=x\nusers.a.passwd=y\n");

		assertThatIllegalArgumentException().isThrownBy(() -> Auth0Users.load(file, "s"))
			.withMessageContaining("users.a.passwd");
	}

	@Test
	void loadWhenPasswordMissingThenError() throws IOException {
		Path file = write("users.a.email=a@example.com\n");

		assertThatIllegalArgumentException().isThrownBy(() -> Auth0Users.load(file, "s"))
			.withMessageContaining("users.a.password");
	}

	@Test
	void loadWhenEmailRepeatedIgnoringCaseThenError() throws IOException {
		Path file = write("users.a.email=a@example.com\nusers.a.password=x\n"
				+ "users.b.email=A@example.com\nusers.b.password=y\n");

		assertThatIllegalArgumentException().isThrownBy(() -> Auth0Users.load(file, "s"))
			.withMessageContaining("share the email");
	}

	@Test
	void loadWhenEmailVerifiedNotBooleanThenError() throws IOException {
		Path file = write("users.a.email=a@example.com\nusers.a.password=x\nusers.a.email-verified=yes\n");

		assertThatIllegalArgumentException().isThrownBy(() -> Auth0Users.load(file, "s"))
			.withMessageContaining("email-verified");
	}

	@Test
	void toStringWhenPrintedThenPasswordAbsent() {
		assertThat(Auth0Users.defaults("s").get(0).toString()).doesNotContain("wonderland");
	}

	private Path write(String content) throws IOException {
		Path file = this.dir.resolve("users.properties");
		Files.writeString(file, content);
		return file;
	}

}

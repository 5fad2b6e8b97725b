package io.fedlab.localidp.cognito.api;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fedlab.localidp.cognito.state.PoolUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** ListUsers' Filter grammar (emulated-behaviour.md §C6). */
class UserFilterTests {

	private static final PoolUser REDDY = new PoolUser("Auth0_auth0|abc",
			Map.of("sub", "1234", "family_name", "Red\"dy", "email", "jane@example.com"), Instant.EPOCH, Instant.EPOCH,
			true, "EXTERNAL_PROVIDER");

	@Test
	void parseWhenEmptyThenEveryUser() {
		assertThat(UserFilter.parse("")).isNull();
		assertThat(UserFilter.parse(null)).isNull();
	}

	@Test
	void matchesWhenInnerQuoteBackslashEscapedThenUnescapedValueCompared() {
		assertThat(UserFilter.parse("family_name = \"Red\\\"dy\"").matches(REDDY, true)).isTrue();
		assertThat(UserFilter.parse("family_name=\"Reddy\"").matches(REDDY, true)).isFalse();
	}

	@Test
	void matchesWhenPrefixOperatorThenStartsWith() {
		assertThat(UserFilter.parse("email ^= \"jane@\"").matches(REDDY, true)).isTrue();
		assertThat(UserFilter.parse("email = \"jane@\"").matches(REDDY, true)).isFalse();
	}

	@Test
	void matchesWhenUsernameThenCaseSensitiveUnlessPoolIsNot() {
		UserFilter lower = UserFilter.parse("username = \"auth0_auth0|abc\"");

		assertThat(lower.matches(REDDY, true)).isFalse();
		assertThat(lower.matches(REDDY, false)).isTrue();
	}

	@Test
	void matchesWhenUserStatusThenCaseInsensitiveAndStatusCaseSensitive() {
		assertThat(UserFilter.parse("cognito:user_status = \"external_provider\"").matches(REDDY, true)).isTrue();
		assertThat(UserFilter.parse("status = \"Enabled\"").matches(REDDY, true)).isTrue();
		assertThat(UserFilter.parse("status = \"enabled\"").matches(REDDY, true)).isFalse();
	}

	@Test
	void parseWhenCustomAttributeThenNotSearchable() {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> UserFilter.parse("custom:tenant = \"x\""))
			.satisfies((e) -> assertThat(e.type()).isEqualTo("InvalidParameterException"));
	}

	@Test
	void parseWhenValueUnquotedThenParseError() {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> UserFilter.parse("email = jane"))
			.withMessage("Error while parsing filter.");
	}

}

package io.fedlab.localidp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EmulatorsOnlyArgsTests {

	@Test
	void springArgsWhenOnlyGivenEitherWayThenLocalOnlyPropertyAndOtherArgsKept() {
		assertThat(EmulatorsOnly.springArgs(new String[] { "--only", "Cognito", "--local.auth0-port=0" }))
			.containsExactly("--local.only=cognito", "--local.auth0-port=0");
		assertThat(EmulatorsOnly.springArgs(new String[] { "--only=auth0" })).containsExactly("--local.only=auth0");
		assertThat(EmulatorsOnly.springArgs(new String[0])).isEmpty();
	}

	@Test
	void emulatorsWhenBlankThenAllAndWhenUnknownThenMessageListsChoices() {
		assertThat(LocalStack.Emulators.parse(null)).isEqualTo(LocalStack.Emulators.ALL);
		assertThat(LocalStack.Emulators.parse(" ")).isEqualTo(LocalStack.Emulators.ALL);
		assertThat(LocalStack.Emulators.parse("AUTH0")).isEqualTo(LocalStack.Emulators.AUTH0);
		assertThatIllegalArgumentException().isThrownBy(() -> LocalStack.Emulators.parse("okta"))
			.withMessageContaining("use all, cognito or auth0");
	}

}

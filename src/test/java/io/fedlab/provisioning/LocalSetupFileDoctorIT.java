package io.fedlab.provisioning;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.fedlab.localidp.LocalStack;
import io.fedlab.localidp.TestLocalStacks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's {@code doctor --config config/setup.local.yml --endpoint-url …} against
 * the local stack passes every check: the file declares exactly what the stack provisions
 * at start-up. The stack's free ports reach the file through setup's documented
 * environment overrides; the credentials are any, as the README says.
 */
class LocalSetupFileDoctorIT {

	@Test
	void doctorWhenLocalSetupFileCheckedAgainstTheLocalStackThenEveryCheckPasses() {
		try (LocalStack stack = LocalStack.start(TestLocalStacks.settings(), "http://localhost:8080", (line) -> {
		})) {
			Map<String, String> env = Map.of("FEDLAB_DOMAIN_URL", stack.settings().hostedUiUrl(), "FEDLAB_AUTH0_ISSUER",
					stack.settings().auth0Domain(), "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local");
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ByteArrayOutputStream err = new ByteArrayOutputStream();

			int code = ProvisioningCommand.run(
					new String[] { "doctor", "--config", "config/setup.local.yml", "--endpoint-url",
							stack.settings().cognitoApiUrl() },
					new PrintStream(out, true, StandardCharsets.UTF_8),
					new PrintStream(err, true, StandardCharsets.UTF_8), env);

			String report = out.toString(StandardCharsets.UTF_8);
			assertThat(code).as(report + err.toString(StandardCharsets.UTF_8)).isZero();
			assertThat(report)
				.contains(
						"user pool " + stack.appProperties().get("app.cognito.user-pool-id") + " (fedlab-local) exists")
				.contains("app client fedlab (" + stack.appProperties().get("app.cognito.client-id") + ") exists")
				.containsPattern("\\d+ passed, 0 failed");
		}
	}

}

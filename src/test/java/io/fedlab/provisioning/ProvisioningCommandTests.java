package io.fedlab.provisioning;

import java.net.URI;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

import static org.assertj.core.api.Assertions.assertThat;

class ProvisioningCommandTests {

	private static AwsServiceException service(String code, String message) {
		return AwsServiceException.builder()
			.awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
			.statusCode(400)
			.build();
	}

	@Test
	void describeWhenNoCredentialsThenSaysHowToProvideThem() {
		SdkClientException ex = SdkClientException.create(
				"Unable to load credentials from any of the providers in the chain AwsCredentialsProviderChain(...)");

		assertThat(ProvisioningCommand.describe(ex, "ListUserPools", null)).startsWith("no AWS credentials found")
			.contains("AWS_PROFILE", "AWS_ACCESS_KEY_ID");
	}

	@Test
	void describeWhenNotAuthorizedThenNamesThePermission() {
		assertThat(ProvisioningCommand.describe(service("NotAuthorizedException", "nope"), "CreateUserPool", null))
			.isEqualTo("access denied for CreateUserPool (NotAuthorizedException: nope); the credentials need the"
					+ " IAM permission cognito-idp:CreateUserPool (see docs/provisioning.md)");
	}

	@Test
	void describeWhenResourceNotFoundThenSaysNotFound() {
		assertThat(ProvisioningCommand.describe(service("ResourceNotFoundException", "User pool x does not exist."),
				"DescribeUserPool", null))
			.isEqualTo("not found during DescribeUserPool: User pool x does not exist.");
	}

	@Test
	void describeWhenConnectionRefusedThenNamesTheEndpoint() {
		SdkClientException ex = SdkClientException.builder()
			.message("Unable to execute HTTP request: Connection refused")
			.cause(new java.net.ConnectException("Connection refused"))
			.build();

		assertThat(ProvisioningCommand.describe(ex, "ListUserPools", URI.create("http://localhost:9229")))
			.startsWith("cannot reach the Cognito endpoint http://localhost:9229 (ConnectException)");
	}

	@Test
	void handlesWhenSetupOrDoctorThenTrueOtherwiseFalse() {
		assertThat(ProvisioningCommand.handles(new String[] { "setup" })).isTrue();
		assertThat(ProvisioningCommand.handles(new String[] { "doctor", "--json" })).isTrue();
		assertThat(ProvisioningCommand.handles(new String[] { "--server.port=8081" })).isFalse();
		assertThat(ProvisioningCommand.handles(new String[0])).isFalse();
	}

}

package io.fedlab.localidp;

import java.util.function.Consumer;

import io.fedlab.localidp.auth0.Auth0Application;

/**
 * Provisions the local Cognito for the app through {@code io.fedlab.provisioning.Setup}, over
 * HTTP with the AWS SDK, exactly as a real pool is provisioned.
 */
final class LocalProvisioning {

	private LocalProvisioning() {
	}

	/** What the app needs from the provisioned pool; {@link #toString()} masks the secret. */
	record Result(String userPoolId, String clientId, String clientSecret, String auth0ClientId) {

		@Override
		public String toString() {
			return "Result[userPoolId=" + this.userPoolId + ", clientId=" + this.clientId + ", clientSecret=****, auth0ClientId="
					+ this.auth0ClientId + "]";
		}

	}

	static Result provision(LocalStackSettings settings, Auth0Application auth0App, String appBaseUrl,
			Consumer<String> log) {
		throw new IllegalStateException("wired when provisioning lands");
	}

}

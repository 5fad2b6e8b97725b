package io.fedlab.localidp;

import java.net.URI;
import java.util.List;
import java.util.function.Consumer;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

import io.fedlab.localidp.auth0.Auth0Application;
import io.fedlab.provisioning.CognitoClients;
import io.fedlab.provisioning.Setup;
import io.fedlab.provisioning.SetupConfig;
import io.fedlab.provisioning.SetupResult;

/**
 * Provisions the local Cognito for the app through {@link Setup}, over HTTP with the AWS
 * SDK, exactly as a real pool is provisioned: the pool (email required, usernames
 * case-insensitive as the console creates them), its domain, the {@code Auth0} identity
 * provider pointing at the local Auth0 (issuer without the slash, userinfo by GET), the
 * app client and the admins group.
 */
final class LocalProvisioning {

	private LocalProvisioning() {
	}

	/**
	 * What the app needs from the provisioned pool; {@link #toString()} masks the
	 * secrets.
	 */
	record Result(String userPoolId, String clientId, String clientSecret, String auth0ClientId) {

		@Override
		public String toString() {
			return "Result[userPoolId=" + this.userPoolId + ", clientId=" + this.clientId
					+ ", clientSecret=****, auth0ClientId=" + this.auth0ClientId + "]";
		}

	}

	static SetupConfig config(LocalStackSettings settings, Auth0Application auth0App, String appBaseUrl) {
		return SetupConfig.builder()
			.poolName(settings.poolName())
			.region(settings.region())
			.domainPrefix(settings.domainPrefix())
			.domainUrl(settings.hostedUiUrl())
			.requiredAttributes(List.of("email"))
			.usernameCaseSensitive(false)
			.identityProviderName("Auth0")
			.auth0ClientId(auth0App.clientId())
			.auth0ClientSecret(auth0App.clientSecret())
			.attributesRequestMethod("GET")
			.oidcIssuer(settings.auth0Domain())
			.clientName("fedlab")
			.callbackUrls(List.of(appBaseUrl + "/login/oauth2/code/cognito"))
			.logoutUrls(List.of(appBaseUrl + "/logged-out"))
			.group(settings.adminsGroup(), "May open the admin page", 1)
			.appOrigin(appBaseUrl)
			.build();
	}

	static Result provision(LocalStackSettings settings, Auth0Application auth0App, String appBaseUrl,
			Consumer<String> log) {
		SetupConfig config = config(settings, auth0App, appBaseUrl);
		try (CognitoIdentityProviderClient client = CognitoClients.local(URI.create(settings.cognitoApiUrl()),
				settings.region())) {
			SetupResult result = new Setup(client, log).apply(config, false);
			return new Result(result.userPoolId(), result.clientId(), result.clientSecret(), auth0App.clientId());
		}
	}

}

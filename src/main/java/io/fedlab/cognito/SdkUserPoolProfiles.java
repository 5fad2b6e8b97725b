package io.fedlab.cognito;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClientBuilder;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserResponse;

import org.springframework.beans.factory.DisposableBean;

/**
 * {@link UserPoolProfiles} with the AWS SDK for Java v2. {@code GetUser} is
 * {@code smithy.api#noAuth}, so the client uses anonymous credentials and sends no SigV4
 * (cognito.md §5). The client is private to this class rather than a bean, so the
 * provisioning code can have its own signed client without an ambiguity.
 */
final class SdkUserPoolProfiles implements UserPoolProfiles, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(SdkUserPoolProfiles.class);

	private static final Pattern SAFE_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

	private final CognitoIdentityProviderClient client;

	SdkUserPoolProfiles(CognitoProperties properties) {
		CognitoIdentityProviderClientBuilder builder = CognitoIdentityProviderClient.builder()
			.region(Region.of(properties.region()))
			.credentialsProvider(AnonymousCredentialsProvider.create())
			.httpClient(UrlConnectionHttpClient.builder()
				.connectionTimeout(Duration.ofSeconds(3))
				.socketTimeout(Duration.ofSeconds(5))
				.build())
			.overrideConfiguration((override) -> override.apiCallTimeout(Duration.ofSeconds(10)));
		if (properties.apiEndpoint() != null && !properties.apiEndpoint().toString().isEmpty()) {
			builder.endpointOverride(properties.apiEndpoint());
		}
		this.client = builder.build();
	}

	SdkUserPoolProfiles(CognitoIdentityProviderClient client) {
		this.client = client;
	}

	@Override
	public UserPoolProfile fetch(String accessToken) {
		try {
			GetUserResponse response = this.client.getUser((request) -> request.accessToken(accessToken));
			List<UserPoolProfile.Attribute> attributes = response.userAttributes()
				.stream()
				.map((attribute) -> new UserPoolProfile.Attribute(attribute.name(), attribute.value()))
				.toList();
			return new UserPoolProfile(response.username(), attributes);
		}
		catch (CognitoIdentityProviderException ex) {
			String code = (ex.awsErrorDetails() != null) ? ex.awsErrorDetails().errorCode() : null;
			code = (code != null && SAFE_CODE.matcher(code).matches()) ? code : "HTTP " + ex.statusCode();
			// Error code only: the service message is not ours to echo (rp-security.md
			// §4.2 item 10)
			logger.warn("GetUser failed: {}", code);
			throw new UserPoolProfileException(code);
		}
		catch (SdkClientException ex) {
			logger.warn("GetUser failed: the Cognito API could not be reached ({})", ex.getClass().getSimpleName());
			throw new UserPoolProfileException("unreachable");
		}
	}

	@Override
	public void destroy() {
		this.client.close();
	}

}

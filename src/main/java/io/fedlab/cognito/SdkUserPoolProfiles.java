package io.fedlab.cognito;

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
 * (emulated-behaviour.md §C5). The client is private to this class rather than a bean, so
 * the provisioning code can have its own signed client without an ambiguity.
 */
final class SdkUserPoolProfiles implements UserPoolProfiles, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(SdkUserPoolProfiles.class);

	private static final Pattern SAFE_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

	private final CognitoIdentityProviderClient client;

	private final CognitoCalls calls;

	SdkUserPoolProfiles(CognitoProperties properties, CognitoCalls calls) {
		this.calls = calls;
		BackChannelProperties limits = calls.settings();
		CognitoIdentityProviderClientBuilder builder = CognitoIdentityProviderClient.builder()
			.region(Region.of(properties.region()))
			.credentialsProvider(AnonymousCredentialsProvider.create())
			.httpClient(UrlConnectionHttpClient.builder()
				.connectionTimeout(limits.connectTimeout())
				.socketTimeout(limits.readTimeout())
				.build())
			// the whole call, retries included, within one connect and read timeout
			.overrideConfiguration((override) -> override.apiCallTimeout(limits.callTimeout()));
		if (properties.apiEndpoint() != null && !properties.apiEndpoint().toString().isEmpty()) {
			builder.endpointOverride(properties.apiEndpoint());
		}
		this.client = builder.build();
	}

	SdkUserPoolProfiles(CognitoIdentityProviderClient client, CognitoCalls calls) {
		this.client = client;
		this.calls = calls;
	}

	@Override
	public UserPoolProfile fetch(String accessToken) {
		try {
			GetUserResponse response = this.calls
				.call(() -> this.client.getUser((request) -> request.accessToken(accessToken)));
			List<UserPoolProfile.Attribute> attributes = response.userAttributes()
				.stream()
				.map((attribute) -> new UserPoolProfile.Attribute(attribute.name(), attribute.value()))
				.toList();
			return new UserPoolProfile(response.username(), attributes);
		}
		catch (CognitoIdentityProviderException ex) {
			String code = (ex.awsErrorDetails() != null) ? ex.awsErrorDetails().errorCode() : null;
			code = (code != null && SAFE_CODE.matcher(code).matches()) ? code : "HTTP " + ex.statusCode();
			// Error code only: the service message is not ours to echo
			// (emulated-behaviour.md
			// §R3 item 10)
			logger.warn("GetUser failed: {}", code);
			throw new UserPoolProfileException(code);
		}
		catch (CognitoBusyException ex) {
			logger.warn("GetUser not attempted: too many calls to Cognito in progress");
			throw new UserPoolProfileException("busy");
		}
		catch (SdkClientException ex) {
			CallFailure failure = CallFailure.of(ex).orElse(CallFailure.UNREACHABLE);
			logger.warn("GetUser failed: the Cognito API {}", (failure == CallFailure.TIMEOUT)
					? "did not answer within " + this.calls.settings().callTimeout() : "could not be reached");
			throw new UserPoolProfileException((failure == CallFailure.TIMEOUT) ? "timeout" : "unreachable");
		}
	}

	@Override
	public void destroy() {
		this.client.close();
	}

}

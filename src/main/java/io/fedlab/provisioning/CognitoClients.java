package io.fedlab.provisioning;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClientBuilder;

/**
 * Builds the SDK clients {@code setup} and {@code doctor} use. The HTTP client is chosen
 * explicitly: the service module also brings Apache and Netty at runtime, and the SDK
 * refuses to pick one on its own.
 */
public final class CognitoClients {

	/**
	 * Dummy credentials for the local emulator, which checks the header, not the
	 * signature (emulated-behaviour.md §C5).
	 */
	static final AwsBasicCredentials LOCAL_CREDENTIALS = AwsBasicCredentials.create("fedlab-local",
			"fedlab-local-secret");

	private CognitoClients() {
	}

	/**
	 * A client for real Cognito (or any endpoint) with the SDK's default credentials
	 * chain (environment, system properties, profile, SSO, container, instance) and the
	 * standard retry mode, which retries throttling ({@code TooManyRequestsException})
	 * with backoff.
	 * @param region the AWS region, e.g. {@code eu-west-1}
	 * @param endpointOverride another endpoint (the local emulator), or null
	 */
	public static CognitoIdentityProviderClient create(String region, URI endpointOverride) {
		return create(region, endpointOverride, List.of());
	}

	static CognitoIdentityProviderClient create(String region, URI endpointOverride,
			List<ExecutionInterceptor> interceptors) {
		CognitoIdentityProviderClientBuilder builder = base(region, interceptors)
			.credentialsProvider(DefaultCredentialsProvider.builder().build());
		if (endpointOverride != null) {
			builder.endpointOverride(endpointOverride);
		}
		return builder.build();
	}

	/** A client for the local Cognito emulator, with static dummy credentials. */
	public static CognitoIdentityProviderClient local(URI endpoint, String region) {
		return local(endpoint, region, List.of());
	}

	/**
	 * A local client whose calls also pass through the given interceptors (the tests
	 * count write calls with one).
	 */
	static CognitoIdentityProviderClient local(URI endpoint, String region, List<ExecutionInterceptor> interceptors) {
		return base(region, interceptors).credentialsProvider(StaticCredentialsProvider.create(LOCAL_CREDENTIALS))
			.endpointOverride(endpoint)
			.build();
	}

	static CognitoIdentityProviderClientBuilder base(String region) {
		return base(region, List.of());
	}

	private static CognitoIdentityProviderClientBuilder base(String region, List<ExecutionInterceptor> interceptors) {
		return CognitoIdentityProviderClient.builder()
			.region(Region.of(region))
			.httpClientBuilder(UrlConnectionHttpClient.builder()
				.connectionTimeout(Duration.ofSeconds(10))
				.socketTimeout(Duration.ofSeconds(30)))
			.overrideConfiguration((o) -> {
				o.retryStrategy(RetryMode.STANDARD);
				interceptors.forEach(o::addExecutionInterceptor);
			});
	}

}

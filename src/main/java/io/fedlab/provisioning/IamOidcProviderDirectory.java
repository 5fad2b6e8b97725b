package io.fedlab.provisioning;

import java.time.Duration;
import java.util.List;

import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.OpenIDConnectProviderListEntry;

/**
 * Lists the account's IAM OIDC identity providers with one read-only call,
 * {@code iam:ListOpenIDConnectProviders}. IAM is global, so the client's region is
 * {@code aws-global}.
 */
final class IamOidcProviderDirectory implements OidcProviderDirectory, AutoCloseable {

	private final IamClient iam;

	IamOidcProviderDirectory(IamClient iam) {
		this.iam = iam;
	}

	/** A directory for the real account, with the SDK's default credentials chain. */
	static IamOidcProviderDirectory aws() {
		return new IamOidcProviderDirectory(IamClient.builder()
			.region(Region.AWS_GLOBAL)
			.httpClientBuilder(UrlConnectionHttpClient.builder()
				.connectionTimeout(Duration.ofSeconds(10))
				.socketTimeout(Duration.ofSeconds(30)))
			.credentialsProvider(DefaultCredentialsProvider.builder().build())
			.build());
	}

	@Override
	public List<String> providerArns() {
		return this.iam.listOpenIDConnectProviders()
			.openIDConnectProviderList()
			.stream()
			.map(OpenIDConnectProviderListEntry::arn)
			.toList();
	}

	@Override
	public void close() {
		this.iam.close();
	}

}

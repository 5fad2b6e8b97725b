package io.fedlab.provisioning;

import java.util.List;

/**
 * The account's IAM OIDC identity providers, which {@link Doctor} looks at only to say
 * that this flow does not use them (emulated-behaviour.md §S2).
 */
@FunctionalInterface
public interface OidcProviderDirectory {

	/**
	 * The ARNs of the account's IAM OIDC identity providers
	 * ({@code arn:aws:iam::<account>:oidc-provider/<host>[/<path>]}).
	 * @return the ARNs; empty when there are none
	 * @throws RuntimeException when they cannot be listed (no permission, no network)
	 */
	List<String> providerArns();

	/**
	 * The host an IAM OIDC identity provider ARN names.
	 * @param arn the provider's ARN
	 * @return its host, lowercase, or null when the ARN is not an OIDC provider's
	 */
	static String host(String arn) {
		int at = (arn != null) ? arn.indexOf(":oidc-provider/") : -1;
		if (at < 0) {
			return null;
		}
		String url = arn.substring(at + ":oidc-provider/".length());
		int slash = url.indexOf('/');
		String host = (slash >= 0) ? url.substring(0, slash) : url;
		return host.isEmpty() ? null : host.toLowerCase(java.util.Locale.ROOT);
	}

}

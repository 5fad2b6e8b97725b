package io.fedlab.localidp.cognito.oauth;

import java.time.Duration;

/**
 * The "Emulator choice" switches of the local Cognito pool domain, for behaviour the
 * reference marks UNVERIFIED or CONFLICT (emulated-behaviour.md §C1.2 to §C1.7, §C7).
 * {@link #defaults()} is what the local stack runs with.
 *
 * @param sendNonceUpstream send a random {@code nonce} to the IdP and check it in the IdP
 * ID token (emulated-behaviour.md §C1.3, CONFLICT nonce)
 * @param pkceUpstream send an S256 PKCE challenge to the IdP (emulated-behaviour.md
 * §C1.3, UNVERIFIED)
 * @param strictScopes reject well-formed scopes the client may not use with
 * {@code invalid_scope} instead of dropping them (emulated-behaviour.md §C1.2, CONFLICT)
 * @param lowercaseFederatedUsernames {@code null} = lowercase the federated username when
 * the pool is not case-sensitive; {@code TRUE}/{@code FALSE} force it
 * (emulated-behaviour.md §C1.4)
 * @param invalidClient401 answer {@code invalid_client} with 401 instead of 400 at the
 * token endpoint (emulated-behaviour.md §C1.6, UNVERIFIED)
 * @param userInfoPost accept POST at {@code /oauth2/userInfo} (emulated-behaviour.md
 * §C1.7)
 * @param userInfoErrorBody send a JSON body with userInfo errors, not only the
 * {@code WWW-Authenticate} header (emulated-behaviour.md §C1.7)
 * @param issuerCompareWithDiscovery compare the IdP {@code iss} with the discovery
 * document's {@code issuer} rather than with the configured {@code oidc_issuer}
 * (emulated-behaviour.md §C7.3)
 * @param rejectFederatedWhenAdminCreateOnly refuse federated sign-in ("Login not
 * allowed") in pools with {@code AllowAdminCreateUserOnly} (emulated-behaviour.md §C7.7,
 * UNVERIFIED)
 * @param backChannelTimeout the timeout of each call to the IdP
 */
public record HostedUiOptions(boolean sendNonceUpstream, boolean pkceUpstream, boolean strictScopes,
		Boolean lowercaseFederatedUsernames, boolean invalidClient401, boolean userInfoPost, boolean userInfoErrorBody,
		boolean issuerCompareWithDiscovery, boolean rejectFederatedWhenAdminCreateOnly, Duration backChannelTimeout) {

	public static HostedUiOptions defaults() {
		return new HostedUiOptions(true, false, false, null, false, false, true, true, false, Duration.ofSeconds(5));
	}

	public HostedUiOptions withSendNonceUpstream(boolean value) {
		return new HostedUiOptions(value, this.pkceUpstream, this.strictScopes, this.lowercaseFederatedUsernames,
				this.invalidClient401, this.userInfoPost, this.userInfoErrorBody, this.issuerCompareWithDiscovery,
				this.rejectFederatedWhenAdminCreateOnly, this.backChannelTimeout);
	}

	public HostedUiOptions withPkceUpstream(boolean value) {
		return new HostedUiOptions(this.sendNonceUpstream, value, this.strictScopes, this.lowercaseFederatedUsernames,
				this.invalidClient401, this.userInfoPost, this.userInfoErrorBody, this.issuerCompareWithDiscovery,
				this.rejectFederatedWhenAdminCreateOnly, this.backChannelTimeout);
	}

	public HostedUiOptions withStrictScopes(boolean value) {
		return new HostedUiOptions(this.sendNonceUpstream, this.pkceUpstream, value, this.lowercaseFederatedUsernames,
				this.invalidClient401, this.userInfoPost, this.userInfoErrorBody, this.issuerCompareWithDiscovery,
				this.rejectFederatedWhenAdminCreateOnly, this.backChannelTimeout);
	}

	public HostedUiOptions withLowercaseFederatedUsernames(Boolean value) {
		return new HostedUiOptions(this.sendNonceUpstream, this.pkceUpstream, this.strictScopes, value,
				this.invalidClient401, this.userInfoPost, this.userInfoErrorBody, this.issuerCompareWithDiscovery,
				this.rejectFederatedWhenAdminCreateOnly, this.backChannelTimeout);
	}

	public HostedUiOptions withInvalidClient401(boolean value) {
		return new HostedUiOptions(this.sendNonceUpstream, this.pkceUpstream, this.strictScopes,
				this.lowercaseFederatedUsernames, value, this.userInfoPost, this.userInfoErrorBody,
				this.issuerCompareWithDiscovery, this.rejectFederatedWhenAdminCreateOnly, this.backChannelTimeout);
	}

	public HostedUiOptions withUserInfoPost(boolean value) {
		return new HostedUiOptions(this.sendNonceUpstream, this.pkceUpstream, this.strictScopes,
				this.lowercaseFederatedUsernames, this.invalidClient401, value, this.userInfoErrorBody,
				this.issuerCompareWithDiscovery, this.rejectFederatedWhenAdminCreateOnly, this.backChannelTimeout);
	}

	public HostedUiOptions withIssuerCompareWithDiscovery(boolean value) {
		return new HostedUiOptions(this.sendNonceUpstream, this.pkceUpstream, this.strictScopes,
				this.lowercaseFederatedUsernames, this.invalidClient401, this.userInfoPost, this.userInfoErrorBody,
				value, this.rejectFederatedWhenAdminCreateOnly, this.backChannelTimeout);
	}

	public HostedUiOptions withBackChannelTimeout(Duration value) {
		return new HostedUiOptions(this.sendNonceUpstream, this.pkceUpstream, this.strictScopes,
				this.lowercaseFederatedUsernames, this.invalidClient401, this.userInfoPost, this.userInfoErrorBody,
				this.issuerCompareWithDiscovery, this.rejectFederatedWhenAdminCreateOnly, value);
	}

}

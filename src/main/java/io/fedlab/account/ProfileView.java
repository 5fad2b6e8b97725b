package io.fedlab.account;

import java.util.List;

import io.fedlab.cognito.UserPoolProfile;

/**
 * What the profile page shows; templates never see an {@code OidcUser} or a token object.
 *
 * @param username {@code cognito:username}
 * @param sub the Cognito {@code sub} (the user's key: ASVS 10.5.2)
 * @param email the e-mail address, or {@code null}
 * @param emailVerified whether it is verified, or {@code null} if the claim is absent
 * @param groups {@code cognito:groups}
 * @param identities the parsed {@code identities} claim
 * @param tokens the ID, access and refresh tokens, in that order (those present)
 * @param userPool the {@code GetUser} result, or {@code null}
 * @param userPoolError the {@code GetUser} error code, or {@code null}
 * @param tokensError why the tokens could not be read: Cognito's error code, or
 * {@code timeout}, {@code unreachable} or {@code busy} when it did not answer; or
 * {@code null}
 */
record ProfileView(String username, String sub, String email, Boolean emailVerified, List<String> groups,
		List<IdentityView> identities, List<TokenView> tokens, UserPoolProfile userPool, String userPoolError,
		String tokensError) {

	/**
	 * Whether the tokens could not be read because Cognito did not answer their refresh
	 * (an outage), rather than refused it.
	 * @return {@code true} for {@code timeout}, {@code unreachable} or {@code busy}
	 */
	public boolean tokensUnanswered() {
		return "timeout".equals(this.tokensError) || "unreachable".equals(this.tokensError)
				|| "busy".equals(this.tokensError);
	}

	/**
	 * One entry of the {@code identities} claim: the link between the pool user and the
	 * federated identity.
	 *
	 * @param providerName e.g. {@code Auth0}
	 * @param providerType e.g. {@code OIDC}
	 * @param userId the user's id at the provider (the Auth0 {@code sub})
	 * @param primary whether this is the primary identity
	 * @param linked when the identity was linked, readable, or {@code null}
	 */
	record IdentityView(String providerName, String providerType, String userId, boolean primary, String linked) {

	}

}

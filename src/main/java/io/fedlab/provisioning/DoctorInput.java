package io.fedlab.provisioning;

import java.util.List;

/**
 * What {@link Doctor} checks against: the live identifiers and what the app expects.
 *
 * @param userPoolId the pool id
 * @param issuerOverride the pool's issuer when it is not
 * {@code https://cognito-idp.<region>.amazonaws.com/<poolId>} (or
 * {@code <endpoint>/<poolId>} with an endpoint override); null to compute it
 * @param clientId the app client id
 * @param callbackUrls the app's redirect URIs, exactly as the app sends them
 * @param signOutUrls the app's {@code logout_uri} values, exactly as the app sends them
 * @param identityProviderName the {@code identity_provider} value the app sends
 * (case-sensitive)
 * @param expectedIssuer the issuer the app is configured with; null: the pool's issuer
 * @param domainUrl the pool domain's base URL as configured ({@code pool.domain-url},
 * {@code FEDLAB_DOMAIN_URL}); null: the one Cognito's discovery lists, else the standard
 * {@code https://<prefix>.auth.<region>.amazoncognito.com}
 */
public record DoctorInput(String userPoolId, String issuerOverride, String clientId, List<String> callbackUrls,
		List<String> signOutUrls, String identityProviderName, String expectedIssuer, String domainUrl) {

	/**
	 * Expectations without a configured pool domain URL.
	 */
	public DoctorInput(String userPoolId, String issuerOverride, String clientId, List<String> callbackUrls,
			List<String> signOutUrls, String identityProviderName, String expectedIssuer) {
		this(userPoolId, issuerOverride, clientId, callbackUrls, signOutUrls, identityProviderName, expectedIssuer,
				null);
	}

	public DoctorInput {
		callbackUrls = (callbackUrls != null) ? List.copyOf(callbackUrls) : List.of();
		signOutUrls = (signOutUrls != null) ? List.copyOf(signOutUrls) : List.of();
		identityProviderName = (identityProviderName != null) ? identityProviderName : "Auth0";
	}

	/**
	 * The expectations a setup configuration implies, for a pool and client found by id.
	 */
	public static DoctorInput from(SetupConfig config, String userPoolId, String clientId) {
		return new DoctorInput(userPoolId, null, clientId, config.appClient().callbackUrls(),
				config.appClient().logoutUrls(), config.identityProvider().name(), config.app().expectedIssuer(),
				config.pool().domainUrl());
	}

}

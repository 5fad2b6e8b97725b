package io.fedlab.localidp.cognito.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A federated identity provider of a user pool (for us, the OIDC provider {@code Auth0}).
 * {@code providerDetails} holds the request keys ({@code client_id},
 * {@code client_secret}, {@code attributes_request_method}, {@code oidc_issuer},
 * {@code authorize_scopes}) plus the endpoints discovered from the issuer.
 * {@code attributeMapping} maps pool attribute to IdP claim.
 */
public record IdentityProvider(String userPoolId, String providerName, String providerType,
		Map<String, String> providerDetails, Map<String, String> attributeMapping, List<String> idpIdentifiers,
		Instant creationDate, Instant lastModifiedDate) {

	public String detail(String key) {
		return this.providerDetails.get(key);
	}

}

package io.fedlab.provisioning;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUserPoolClientsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUserPoolsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;

/** Read-only look-ups shared by {@link Setup} and {@link Doctor}. */
final class CognitoLookups {

	private CognitoLookups() {
	}

	/** The ids of every pool with this exact name (ListUserPools, all pages). */
	static List<String> poolIdsNamed(CognitoIdentityProviderClient client, String name) {
		List<String> ids = new ArrayList<>();
		String next = null;
		do {
			String token = next;
			ListUserPoolsResponse page = client.listUserPools((r) -> r.maxResults(60).nextToken(token));
			for (UserPoolDescriptionType pool : page.userPools()) {
				if (name.equals(pool.name())) {
					ids.add(pool.id());
				}
			}
			next = page.nextToken();
		}
		while (next != null && !next.isEmpty());
		return ids;
	}

	/** The pool id for a name, null when none; ambiguous names are refused. */
	static String poolIdNamed(CognitoIdentityProviderClient client, String name) {
		List<String> ids = poolIdsNamed(client, name);
		if (ids.size() > 1) {
			throw new ProvisioningException("Several user pools are named '" + name + "' " + ids
					+ ": give the pool id explicitly or rename all but one");
		}
		return ids.isEmpty() ? null : ids.get(0);
	}

	/**
	 * The ids of every app client with this exact name (ListUserPoolClients, all pages).
	 */
	static List<String> clientIdsNamed(CognitoIdentityProviderClient client, String poolId, String name) {
		List<String> ids = new ArrayList<>();
		String next = null;
		do {
			String token = next;
			ListUserPoolClientsResponse page = client
				.listUserPoolClients((r) -> r.userPoolId(poolId).maxResults(60).nextToken(token));
			for (UserPoolClientDescription description : page.userPoolClients()) {
				if (name.equals(description.clientName())) {
					ids.add(description.clientId());
				}
			}
			next = page.nextToken();
		}
		while (next != null && !next.isEmpty());
		return ids;
	}

	/** The identity provider, or null when the pool has none under this exact name. */
	static IdentityProviderType identityProvider(CognitoIdentityProviderClient client, String poolId, String name) {
		try {
			return client.describeIdentityProvider((r) -> r.userPoolId(poolId).providerName(name)).identityProvider();
		}
		catch (ResourceNotFoundException ex) {
			return null;
		}
	}

	/**
	 * The issuer of a pool as the client sees it: the classic
	 * {@code https://cognito-idp.<region>.amazonaws.com/<poolId>} (emulated-behaviour.md
	 * §C3), or {@code <endpoint>/<poolId>} when the client talks to another endpoint (the
	 * local emulator serves the JSON API and the issuer on one host).
	 */
	static String issuer(CognitoIdentityProviderClient client, String poolId) {
		URI endpoint = client.serviceClientConfiguration().endpointOverride().orElse(null);
		// An AWS endpoint (FIPS, VPC) still has the classic issuer; any other plays the
		// issuer host.
		if (endpoint != null && (endpoint.getHost() == null || !endpoint.getHost().endsWith(".amazonaws.com"))) {
			String base = endpoint.toString();
			return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/" + poolId;
		}
		return "https://cognito-idp." + client.serviceClientConfiguration().region().id() + ".amazonaws.com/" + poolId;
	}

	static boolean usesEndpointOverride(CognitoIdentityProviderClient client) {
		return client.serviceClientConfiguration().endpointOverride().isPresent();
	}

}

package io.fedlab.localidp.cognito.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.fedlab.localidp.cognito.state.CognitoStore;
import io.fedlab.localidp.cognito.state.IdentityProvider;
import io.fedlab.localidp.cognito.state.UserPool;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * CreateIdentityProvider, UpdateIdentityProvider, DescribeIdentityProvider and
 * ListIdentityProviders (emulated-behaviour.md §C6 "Identity providers"). For OIDC
 * providers the endpoints are discovered from
 * {@code <oidc_issuer>/.well-known/openid-configuration} unless all four are given, and
 * stored beside the request keys with the read-only
 * {@code attributes_url_add_attributes: "false"}.
 */
final class IdentityProviderOperations {

	/** 1..32; no {@code _} or whitespace outside the second character. */
	private static final Pattern PROVIDER_NAME = Pattern
		.compile("[^_\\p{Z}][\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}][^_\\p{Z}]+");

	private static final Pattern IDP_IDENTIFIER = Pattern.compile("[\\w\\s+=.@-]+");

	private static final List<String> TYPES = List.of("SAML", "Facebook", "Google", "LoginWithAmazon",
			"SignInWithApple", "OIDC");

	private static final List<String> ENDPOINT_KEYS = List.of("authorize_url", "token_url", "attributes_url",
			"jwks_uri");

	private final CognitoStore store;

	private final Clock clock;

	private final OidcDiscovery discovery;

	IdentityProviderOperations(CognitoStore store, Clock clock, OidcDiscovery discovery) {
		this.store = store;
		this.clock = clock;
		this.discovery = discovery;
	}

	void register(Map<String, Operation> operations) {
		operations.put("CreateIdentityProvider", this::create);
		operations.put("UpdateIdentityProvider", this::update);
		operations.put("DescribeIdentityProvider", this::describe);
		operations.put("ListIdentityProviders", this::list);
	}

	ObjectNode create(ApiInput in) {
		UserPool pool = Lookups.pool(this.store, in);
		String name = in.string("ProviderName", true, 1, 32, PROVIDER_NAME);
		String type = in.enumValue("ProviderType", true, TYPES);
		Map<String, String> details = in.stringMap("ProviderDetails");
		if (details == null) {
			throw ApiException.validation("ProviderDetails", null, false, "Member must not be null");
		}
		if (!type.equals("OIDC") && !type.equals("SAML") && !name.equals(type)) {
			// aws/aws-cli#3179: a social provider must be named after its type.
			throw ApiException.invalidParameter("Provider " + name + " cannot be of type " + type + ".");
		}
		if (pool.identityProvider(name) != null) {
			// The message CloudTrail shows (cloudformation-coverage-roadmap#1287).
			throw new ApiException("DuplicateProviderException", name + " already exists in user pool " + pool.id());
		}
		List<String> identifiers = identifiers(in);
		Map<String, String> stored = type.equals("OIDC") ? oidcDetails(details, null) : new TreeMap<>(details);
		Instant now = Instant.ofEpochMilli(this.clock.millis());
		IdentityProvider idp = new IdentityProvider(pool.id(), name, type, stored,
				mapping(type, in.stringMap("AttributeMapping")), identifiers, now, now);
		this.store.putIdentityProvider(pool, idp);
		return wrap(idp);
	}

	ObjectNode update(ApiInput in) {
		UserPool pool = Lookups.pool(this.store, in);
		IdentityProvider existing = require(pool, in);
		Map<String, String> details = in.stringMap("ProviderDetails");
		Map<String, String> stored = existing.providerDetails();
		if (details != null) {
			stored = existing.providerType().equals("OIDC") ? oidcDetails(details, existing.providerDetails())
					: new TreeMap<>(details);
		}
		Map<String, String> mapping = in.has("AttributeMapping")
				? mapping(existing.providerType(), in.stringMap("AttributeMapping")) : existing.attributeMapping();
		List<String> identifiers = in.has("IdpIdentifiers") ? identifiers(in) : existing.idpIdentifiers();
		IdentityProvider idp = new IdentityProvider(pool.id(), existing.providerName(), existing.providerType(), stored,
				mapping, identifiers, existing.creationDate(), Instant.ofEpochMilli(this.clock.millis()));
		this.store.putIdentityProvider(pool, idp);
		return wrap(idp);
	}

	ObjectNode describe(ApiInput in) {
		UserPool pool = Lookups.pool(this.store, in);
		return wrap(require(pool, in));
	}

	ObjectNode list(ApiInput in) {
		UserPool pool = Lookups.pool(this.store, in);
		int max = orElse(in.integer("MaxResults", 1, 60), 60);
		String token = in.string("NextToken", false, 1, 65536, null);
		Paging.Page<IdentityProvider> page = Paging.page(List.copyOf(pool.identityProviders().values()),
				(p) -> String.format("%020d/%s", p.creationDate().toEpochMilli(), p.providerName()), max, token);
		ObjectNode out = Json.object();
		ArrayNode providers = out.putArray("Providers");
		for (IdentityProvider idp : page.items()) {
			providers.addObject()
				.put("ProviderName", idp.providerName())
				.put("ProviderType", idp.providerType())
				.put("LastModifiedDate", Json.epoch(idp.lastModifiedDate()))
				.put("CreationDate", Json.epoch(idp.creationDate()));
		}
		if (page.nextToken() != null) {
			out.put("NextToken", page.nextToken());
		}
		return out;
	}

	private static IdentityProvider require(UserPool pool, ApiInput in) {
		String name = in.string("ProviderName", true, 1, 32, ApiInput.USERNAME);
		IdentityProvider idp = pool.identityProvider(name);
		if (idp == null) {
			throw ApiException.resourceNotFound("Identity provider " + name + " does not exist.");
		}
		return idp;
	}

	/**
	 * Validates OIDC request keys and adds the endpoints: the ones given win, the rest
	 * come from discovery; sorted by key, as the documented example shows them.
	 */
	private Map<String, String> oidcDetails(Map<String, String> given, Map<String, String> previous) {
		Map<String, String> details = new TreeMap<>(given);
		details.remove("attributes_url_add_attributes");
		if (previous != null && !details.containsKey("client_secret") && previous.containsKey("client_secret")) {
			details.put("client_secret", previous.get("client_secret"));
		}
		for (String key : List.of("client_id", "attributes_request_method", "oidc_issuer", "authorize_scopes")) {
			String value = details.get(key);
			if (value == null || value.isBlank()) {
				throw ApiException.invalidParameter("ProviderDetails of an OIDC provider must contain " + key + ".");
			}
		}
		String method = details.get("attributes_request_method");
		if (!method.equals("GET") && !method.equals("POST")) {
			throw ApiException.invalidParameter("attributes_request_method must be GET or POST.");
		}
		if (!Arrays.asList(details.get("authorize_scopes").trim().split("\\s+")).contains("openid")) {
			throw ApiException.invalidParameter("authorize_scopes must include openid.");
		}
		String issuer = details.get("oidc_issuer");
		checkUrl("oidc_issuer", issuer);
		boolean allGiven = ENDPOINT_KEYS.stream().allMatch(details::containsKey);
		if (!allGiven) {
			Map<String, String> discovered = this.discovery.discover(issuer);
			discovered.forEach(details::putIfAbsent);
			for (String key : ENDPOINT_KEYS) {
				if (!details.containsKey(key)) {
					throw ApiException.invalidParameter("The discovery document of " + issuer + " does not list the "
							+ key + " endpoint; give " + key + " in ProviderDetails.");
				}
			}
		}
		for (String key : ENDPOINT_KEYS) {
			checkUrl(key, details.get(key));
		}
		details.put("attributes_url_add_attributes", "false");
		return details;
	}

	/**
	 * HTTPS on the default port, as Cognito requires of the issuer and its endpoints
	 * [oidcidp]; plain http on any port is accepted for loopback hosts only, where the
	 * local emulators run.
	 */
	private static void checkUrl(String key, String url) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			throw ApiException.invalidParameter(key + " is not a valid URL.");
		}
		if (uri.getScheme() == null || uri.getHost() == null) {
			throw ApiException.invalidParameter(key + " is not a valid URL.");
		}
		if (UrlRules.isLoopbackHost(uri.getHost())
				&& (uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
			return;
		}
		if (!uri.getScheme().equals("https")) {
			throw ApiException.invalidParameter(key + " must start with https://.");
		}
		if (uri.getPort() != -1 && uri.getPort() != 443 && uri.getPort() != 80) {
			throw ApiException.invalidParameter(key + " must use port 443 or 80.");
		}
	}

	/** OIDC providers always map username from sub unless told otherwise. */
	private static Map<String, String> mapping(String type, Map<String, String> given) {
		Map<String, String> mapping = new LinkedHashMap<>();
		if (given != null) {
			given.forEach((attribute, claim) -> {
				ApiInput.check("AttributeMapping", attribute, 1, 32, ApiInput.USERNAME);
				mapping.put(attribute, claim);
			});
		}
		if (type.equals("OIDC")) {
			mapping.putIfAbsent("username", "sub");
		}
		return new TreeMap<>(mapping);
	}

	private static List<String> identifiers(ApiInput in) {
		List<String> identifiers = in.strings("IdpIdentifiers");
		if (identifiers == null) {
			return List.of();
		}
		if (identifiers.size() > 50) {
			throw ApiException.validation("IdpIdentifiers", null, true,
					"Member must have length less than or equal to 50");
		}
		identifiers.forEach((id) -> ApiInput.check("IdpIdentifiers", id, 1, 40, IDP_IDENTIFIER));
		return identifiers;
	}

	private static ObjectNode wrap(IdentityProvider idp) {
		ObjectNode out = Json.object();
		ObjectNode provider = out.putObject("IdentityProvider");
		provider.put("UserPoolId", idp.userPoolId())
			.put("ProviderName", idp.providerName())
			.put("ProviderType", idp.providerType());
		provider.set("ProviderDetails", Json.stringMap(idp.providerDetails()));
		provider.set("AttributeMapping", Json.stringMap(idp.attributeMapping()));
		if (!idp.idpIdentifiers().isEmpty()) {
			provider.set("IdpIdentifiers", Json.strings(idp.idpIdentifiers()));
		}
		provider.put("LastModifiedDate", Json.epoch(idp.lastModifiedDate()))
			.put("CreationDate", Json.epoch(idp.creationDate()));
		return out;
	}

	private static <T> T orElse(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

}

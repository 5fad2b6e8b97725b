package io.fedlab.provisioning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DomainDescriptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListGroupsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RefreshTokenRotationType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TimeUnitsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TokenValidityUnitsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UpdateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;

/**
 * Creates or updates a user pool federated to Auth0 so that it matches a
 * {@link SetupConfig}, idempotently: every resource is found by name first, created when
 * missing, and updated only in the fields that drifted. Nothing is ever deleted. A run
 * with nothing to change makes only read calls.
 *
 * <p>
 * {@code UpdateUserPoolClient}, {@code UpdateIdentityProvider} and {@code UpdateGroup}
 * reset every field they are not sent (emulated-behaviour.md §C6), so each update sends
 * the desired fields together with the current values of every field the configuration
 * does not manage.
 */
public final class Setup {

	static final String POOL = "user pool";

	static final String DOMAIN = "domain";

	static final String IDP = "identity provider";

	static final String CLIENT = "app client";

	static final String GROUP = "group";

	/** Keys of {@code ProviderDetails} that {@code setup} manages. */
	static final List<String> MANAGED_DETAILS = List.of("client_id", "client_secret", "attributes_request_method",
			"oidc_issuer", "authorize_scopes");

	/**
	 * Keys that {@code DescribeIdentityProvider} adds from discovery. Sending them back
	 * would turn discovered endpoints into manual ones (and pin stale URLs after an
	 * issuer change), so updates leave them out and Cognito discovers again from
	 * {@code oidc_issuer}; {@code attributes_url_add_attributes} is read-only
	 * (emulated-behaviour.md §C6).
	 */
	static final Set<String> DISCOVERED_DETAILS = Set.of("authorize_url", "token_url", "attributes_url", "jwks_uri",
			"attributes_url_add_attributes");

	private final CognitoIdentityProviderClient client;

	private final Consumer<String> progress;

	/**
	 * @param client the SDK client (see {@link CognitoClients})
	 * @param progress receives one line per step
	 */
	public Setup(CognitoIdentityProviderClient client, Consumer<String> progress) {
		this.client = Objects.requireNonNull(client, "client cannot be null");
		this.progress = (progress != null) ? progress : (line) -> {
		};
	}

	/**
	 * Brings the pool in line with the configuration.
	 * @param config the desired state
	 * @param dryRun only read, and report what would change
	 * @return identifiers and one {@link ResourceChange} per resource
	 * @throws SetupConfigException when the configuration is incomplete
	 */
	public SetupResult apply(SetupConfig config, boolean dryRun) {
		List<String> problems = config.problems();
		if (!problems.isEmpty()) {
			throw new SetupConfigException("for setup", problems);
		}
		String prefix = dryRun ? "[dry run] " : "";
		List<ResourceChange> changes = new ArrayList<>();

		step(prefix + "Looking for user pool '" + config.pool().name() + "'");
		String poolId = CognitoLookups.poolIdNamed(this.client, config.pool().name());
		UserPoolType pool = null;
		if (poolId == null) {
			changes.add(report(dryRun, ResourceChange.created(POOL, config.pool().name())));
			if (!dryRun) {
				pool = this.client
					.createUserPool((r) -> r.poolName(config.pool().name())
						.schema(schema(config.pool().requiredAttributes()))
						.usernameConfiguration((u) -> u.caseSensitive(config.pool().usernameCaseSensitive())))
					.userPool();
				poolId = pool.id();
			}
		}
		else {
			String id = poolId;
			pool = this.client.describeUserPool((r) -> r.userPoolId(id)).userPool();
			changes.add(report(dryRun, comparePool(pool, config.pool())));
		}

		changes.add(report(dryRun, domain(config, pool, poolId, dryRun, prefix)));
		changes.add(report(dryRun, identityProvider(config.identityProvider(), poolId, dryRun, prefix)));
		ClientOutcome client = appClient(config, poolId, dryRun, prefix);
		changes.addAll(client.changes().stream().map((c) -> report(dryRun, c)).toList());
		for (ResourceChange change : groups(config.groups(), poolId, dryRun, prefix)) {
			changes.add(report(dryRun, change));
		}

		String issuer = (poolId != null) ? CognitoLookups.issuer(this.client, poolId) : null;
		return new SetupResult(poolId, issuer, config.pool().resolvedDomainUrl(), client.clientId(),
				client.clientSecret(), changes);
	}

	// Pool

	private static List<SchemaAttributeType> schema(List<String> requiredAttributes) {
		List<SchemaAttributeType> schema = new ArrayList<>();
		for (String name : requiredAttributes) {
			if (!name.equals("sub")) {
				schema.add(SchemaAttributeType.builder()
					.name(name)
					.attributeDataType(dataType(name))
					.mutable(true)
					.required(true)
					.build());
			}
		}
		return schema;
	}

	/** The data type of a standard attribute (the API wants it in the schema entry). */
	private static AttributeDataType dataType(String attribute) {
		return switch (attribute) {
			case "email_verified", "phone_number_verified" -> AttributeDataType.BOOLEAN;
			case "updated_at" -> AttributeDataType.NUMBER;
			default -> AttributeDataType.STRING;
		};
	}

	/**
	 * Required attributes and username case sensitivity are fixed when a pool is created
	 * (emulated-behaviour.md §C7.6): a difference is reported, never "fixed".
	 */
	static ResourceChange comparePool(UserPoolType pool, SetupConfig.Pool desired) {
		List<String> conflicts = new ArrayList<>();
		Set<String> current = requiredAttributes(pool);
		Set<String> wanted = new TreeSet<>(desired.requiredAttributes());
		wanted.remove("sub");
		if (!current.equals(wanted)) {
			conflicts.add("the pool requires " + current + " but the configuration asks for " + wanted
					+ "; required attributes cannot change after a pool is created: align pool.required-attributes"
					+ " with the pool, or give pool.name a new name to create a new pool");
		}
		boolean caseSensitive = (pool.usernameConfiguration() == null
				|| pool.usernameConfiguration().caseSensitive() == null) ? true
						: pool.usernameConfiguration().caseSensitive();
		if (caseSensitive != desired.usernameCaseSensitive()) {
			conflicts.add("usernames are case-" + (caseSensitive ? "sensitive" : "insensitive")
					+ " in this pool and that is fixed at creation: set pool.username-case-sensitive: "
					+ caseSensitive);
		}
		return conflicts.isEmpty() ? ResourceChange.unchanged(POOL, pool.name())
				: ResourceChange.conflict(POOL, pool.name(), String.join("; ", conflicts));
	}

	static Set<String> requiredAttributes(UserPoolType pool) {
		Set<String> required = new TreeSet<>();
		for (SchemaAttributeType attribute : pool.schemaAttributes()) {
			if (Boolean.TRUE.equals(attribute.required()) && !"sub".equals(attribute.name())) {
				required.add(attribute.name());
			}
		}
		return required;
	}

	// Domain

	private ResourceChange domain(SetupConfig config, UserPoolType pool, String poolId, boolean dryRun, String prefix) {
		String domain = config.pool().domainPrefix();
		step(prefix + "Checking domain '" + domain + "'");
		DomainDescriptionType description = this.client.describeUserPoolDomain((r) -> r.domain(domain))
			.domainDescription();
		// An unknown domain is 200 {"DomainDescription":{}}, not an error
		// (emulated-behaviour.md
		// §C6).
		boolean exists = description != null && description.userPoolId() != null;
		if (exists) {
			if (!description.userPoolId().equals(poolId)) {
				return ResourceChange.conflict(DOMAIN, domain, "the prefix belongs to user pool "
						+ description.userPoolId() + "; choose another pool.domain-prefix");
			}
			if (description.status() != null && !"ACTIVE".equals(description.statusAsString())) {
				step(prefix + "Domain '" + domain + "' is " + description.statusAsString()
						+ "; prefix domains take up to a minute to become ACTIVE");
			}
			return ResourceChange.unchanged(DOMAIN, domain);
		}
		if (pool != null && pool.domain() != null && !pool.domain().isEmpty() && !pool.domain().equals(domain)) {
			return ResourceChange.conflict(DOMAIN, domain, "the pool already has the domain '" + pool.domain()
					+ "' and a pool has only one prefix domain; set pool.domain-prefix: " + pool.domain());
		}
		if (!dryRun) {
			this.client.createUserPoolDomain((r) -> r.domain(domain).userPoolId(poolId));
		}
		return ResourceChange.created(DOMAIN, domain);
	}

	// Identity provider

	private ResourceChange identityProvider(SetupConfig.IdentityProvider desired, String poolId, boolean dryRun,
			String prefix) {
		step(prefix + "Looking for identity provider '" + desired.name() + "'");
		IdentityProviderType current = (poolId != null)
				? CognitoLookups.identityProvider(this.client, poolId, desired.name()) : null;
		Map<String, String> details = desiredDetails(desired);
		if (current == null) {
			if (!dryRun) {
				this.client.createIdentityProvider((r) -> r.userPoolId(poolId)
					.providerName(desired.name())
					.providerType(SetupConfig.IdentityProvider.TYPE)
					.providerDetails(details)
					.attributeMapping(desired.attributeMapping()));
			}
			return ResourceChange.created(IDP, desired.name());
		}
		if (!SetupConfig.IdentityProvider.TYPE.equals(current.providerTypeAsString())) {
			return ResourceChange.conflict(IDP, desired.name(), "it is of type " + current.providerTypeAsString()
					+ ", not OIDC, and a provider's type cannot change; use another identity-provider.name");
		}
		List<String> changed = new ArrayList<>();
		Map<String, String> currentDetails = current.providerDetails();
		for (String key : MANAGED_DETAILS) {
			if (!sameDetail(key, details.get(key), currentDetails.get(key))) {
				changed.add("ProviderDetails." + key);
			}
		}
		Map<String, String> currentMapping = current.attributeMapping();
		for (Map.Entry<String, String> entry : desired.attributeMapping().entrySet()) {
			if (!entry.getValue().equals(currentMapping.get(entry.getKey()))) {
				changed.add("AttributeMapping." + entry.getKey());
			}
		}
		if (changed.isEmpty()) {
			return ResourceChange.unchanged(IDP, desired.name());
		}
		if (!dryRun) {
			Map<String, String> mergedDetails = new LinkedHashMap<>(currentDetails);
			if (mergedDetails.containsKey("oidc_issuer")) {
				DISCOVERED_DETAILS.forEach(mergedDetails::remove);
			}
			mergedDetails.remove("attributes_url_add_attributes");
			mergedDetails.putAll(details);
			// Mappings the configuration does not mention are kept: setup never removes.
			Map<String, String> mergedMapping = new LinkedHashMap<>(currentMapping);
			mergedMapping.putAll(desired.attributeMapping());
			this.client.updateIdentityProvider((r) -> {
				r.userPoolId(poolId)
					.providerName(desired.name())
					.providerDetails(mergedDetails)
					.attributeMapping(mergedMapping);
				if (current.hasIdpIdentifiers()) {
					r.idpIdentifiers(current.idpIdentifiers());
				}
			});
		}
		return ResourceChange.updated(IDP, desired.name(), changed);
	}

	static Map<String, String> desiredDetails(SetupConfig.IdentityProvider desired) {
		Map<String, String> details = new LinkedHashMap<>();
		details.put("client_id", desired.clientId());
		details.put("client_secret", desired.clientSecret());
		details.put("attributes_request_method", desired.attributesRequestMethod());
		details.put("oidc_issuer", desired.oidcIssuer());
		details.put("authorize_scopes", desired.authorizeScopes());
		return details;
	}

	private static boolean sameDetail(String key, String desired, String current) {
		if (current == null) {
			return false;
		}
		if (key.equals("authorize_scopes")) {
			return new HashSet<>(List.of(desired.trim().split("\\s+")))
				.equals(new HashSet<>(List.of(current.trim().split("\\s+"))));
		}
		return desired.equals(current);
	}

	// App client

	private record ClientOutcome(String clientId, String clientSecret, List<ResourceChange> changes) {
	}

	private ClientOutcome appClient(SetupConfig config, String poolId, boolean dryRun, String prefix) {
		SetupConfig.AppClient desired = config.appClient();
		step(prefix + "Looking for app client '" + desired.name() + "'");
		List<String> ids = (poolId != null) ? CognitoLookups.clientIdsNamed(this.client, poolId, desired.name())
				: List.of();
		if (ids.size() > 1) {
			return new ClientOutcome(null, null, List.of(ResourceChange.conflict(CLIENT, desired.name(),
					"several app clients " + ids + " have this name; rename all but one")));
		}
		if (ids.isEmpty()) {
			if (dryRun) {
				return new ClientOutcome(null, null, List.of(ResourceChange.created(CLIENT, desired.name())));
			}
			UserPoolClientType created = this.client.createUserPoolClient(createRequest(config, poolId))
				.userPoolClient();
			return new ClientOutcome(created.clientId(), created.clientSecret(),
					List.of(ResourceChange.created(CLIENT, desired.name())));
		}
		String clientId = ids.get(0);
		UserPoolClientType current = this.client.describeUserPoolClient((r) -> r.userPoolId(poolId).clientId(clientId))
			.userPoolClient();
		List<ResourceChange> changes = new ArrayList<>();
		List<String> changed = clientDrift(config, current);
		if (changed.isEmpty()) {
			changes.add(ResourceChange.unchanged(CLIENT, desired.name()));
		}
		else {
			if (!dryRun) {
				this.client.updateUserPoolClient(updateRequest(config, current));
			}
			changes.add(ResourceChange.updated(CLIENT, desired.name(), changed));
		}
		boolean hasSecret = current.clientSecret() != null && !current.clientSecret().isEmpty();
		if (hasSecret != desired.generateSecret()) {
			changes.add(ResourceChange.conflict(CLIENT, desired.name() + " (secret)",
					"the client " + (hasSecret ? "has" : "has no") + " secret and that is fixed at creation; set"
							+ " app-client.generate-secret: " + hasSecret + ", or give app-client.name a new name"));
		}
		return new ClientOutcome(clientId, current.clientSecret(), changes);
	}

	/** The API names of the client fields that differ from the configuration. */
	static List<String> clientDrift(SetupConfig config, UserPoolClientType current) {
		SetupConfig.AppClient desired = config.appClient();
		List<String> changed = new ArrayList<>();
		if (!sameSet(desired.callbackUrls(), current.callbackURLs())) {
			changed.add("CallbackURLs");
		}
		if (!sameSet(desired.logoutUrls(), current.logoutURLs())) {
			changed.add("LogoutURLs");
		}
		if (!sameSet(List.of("code"), current.allowedOAuthFlowsAsStrings())) {
			changed.add("AllowedOAuthFlows");
		}
		if (!sameSet(desired.scopes(), current.allowedOAuthScopes())) {
			changed.add("AllowedOAuthScopes");
		}
		if (!Boolean.TRUE.equals(current.allowedOAuthFlowsUserPoolClient())) {
			changed.add("AllowedOAuthFlowsUserPoolClient");
		}
		if (!sameSet(config.supportedIdentityProviders(), current.supportedIdentityProviders())) {
			changed.add("SupportedIdentityProviders");
		}
		TokenValidityUnitsType units = current.tokenValidityUnits();
		if (seconds(current.accessTokenValidity(), (units != null) ? units.accessTokenAsString() : null,
				3600) != desired.tokenValidity().accessToken().toSeconds()) {
			changed.add("AccessTokenValidity");
		}
		if (seconds(current.idTokenValidity(), (units != null) ? units.idTokenAsString() : null,
				3600) != desired.tokenValidity().idToken().toSeconds()) {
			changed.add("IdTokenValidity");
		}
		if (refreshSeconds(current) != desired.tokenValidity().refreshToken().toSeconds()) {
			changed.add("RefreshTokenValidity");
		}
		if (!Objects.equals(desired.enableTokenRevocation(), current.enableTokenRevocation())
				&& !(desired.enableTokenRevocation() && current.enableTokenRevocation() == null)) {
			changed.add("EnableTokenRevocation");
		}
		if (desired.refreshTokenRotation() != null) {
			RefreshTokenRotationType rotation = current.refreshTokenRotation();
			boolean enabled = rotation != null && "ENABLED".equals(rotation.featureAsString());
			int grace = (rotation != null && rotation.retryGracePeriodSeconds() != null)
					? rotation.retryGracePeriodSeconds() : 0;
			int wantedGrace = (desired.retryGracePeriodSeconds() != null) ? desired.retryGracePeriodSeconds() : 0;
			if (enabled != desired.refreshTokenRotation() || (enabled && grace != wantedGrace)) {
				changed.add("RefreshTokenRotation");
			}
		}
		return changed;
	}

	private static boolean sameSet(List<String> desired, List<String> current) {
		return new HashSet<>(desired).equals(new HashSet<>((current != null) ? current : List.of()));
	}

	private static long refreshSeconds(UserPoolClientType client) {
		TokenValidityUnitsType units = client.tokenValidityUnits();
		Integer value = client.refreshTokenValidity();
		// 0 or absent means the default, 30 days.
		if (value == null || value == 0) {
			return Duration.ofDays(30).toSeconds();
		}
		return seconds(value, (units != null) ? units.refreshTokenAsString() : null, 86400);
	}

	private static long seconds(Integer value, String unit, long defaultUnitSeconds) {
		if (value == null) {
			return defaultUnitSeconds == 86400 ? Duration.ofDays(30).toSeconds() : 3600;
		}
		long unitSeconds = (unit == null) ? defaultUnitSeconds : switch (unit) {
			case "seconds" -> 1;
			case "minutes" -> 60;
			case "days" -> 86400;
			case "hours" -> 3600;
			default -> defaultUnitSeconds;
		};
		return value * unitSeconds;
	}

	/** A duration in the largest unit that expresses it exactly. */
	record Validity(int value, TimeUnitsType unit) {

		static Validity of(Duration duration) {
			long seconds = duration.toSeconds();
			if (seconds % 86400 == 0) {
				return new Validity((int) (seconds / 86400), TimeUnitsType.DAYS);
			}
			if (seconds % 3600 == 0) {
				return new Validity((int) (seconds / 3600), TimeUnitsType.HOURS);
			}
			if (seconds % 60 == 0) {
				return new Validity((int) (seconds / 60), TimeUnitsType.MINUTES);
			}
			return new Validity((int) seconds, TimeUnitsType.SECONDS);
		}

	}

	private static CreateUserPoolClientRequest createRequest(SetupConfig config, String poolId) {
		SetupConfig.AppClient desired = config.appClient();
		Validity access = Validity.of(desired.tokenValidity().accessToken());
		Validity id = Validity.of(desired.tokenValidity().idToken());
		Validity refresh = Validity.of(desired.tokenValidity().refreshToken());
		CreateUserPoolClientRequest.Builder request = CreateUserPoolClientRequest.builder()
			.userPoolId(poolId)
			.clientName(desired.name())
			.generateSecret(desired.generateSecret())
			.callbackURLs(desired.callbackUrls())
			.logoutURLs(desired.logoutUrls())
			.allowedOAuthFlows(OAuthFlowType.CODE)
			.allowedOAuthScopes(desired.scopes())
			// Defaults to false, and then callback URLs, scopes and flows do not apply
			// (emulated-behaviour.md §C6).
			.allowedOAuthFlowsUserPoolClient(true)
			.supportedIdentityProviders(config.supportedIdentityProviders())
			.accessTokenValidity(access.value())
			.idTokenValidity(id.value())
			.refreshTokenValidity(refresh.value())
			.tokenValidityUnits((u) -> u.accessToken(access.unit()).idToken(id.unit()).refreshToken(refresh.unit()))
			.enableTokenRevocation(desired.enableTokenRevocation());
		if (desired.refreshTokenRotation() != null) {
			request.refreshTokenRotation(rotation(desired));
		}
		return request.build();
	}

	private static RefreshTokenRotationType rotation(SetupConfig.AppClient desired) {
		RefreshTokenRotationType.Builder rotation = RefreshTokenRotationType.builder()
			.feature(desired.refreshTokenRotation() ? "ENABLED" : "DISABLED");
		if (desired.refreshTokenRotation()) {
			rotation.retryGracePeriodSeconds(
					(desired.retryGracePeriodSeconds() != null) ? desired.retryGracePeriodSeconds() : 0);
		}
		return rotation.build();
	}

	/**
	 * The full update: desired fields plus the current value of every field the
	 * configuration does not manage, because UpdateUserPoolClient resets what it is not
	 * sent (emulated-behaviour.md §C6, §C9 fact 15).
	 */
	static UpdateUserPoolClientRequest updateRequest(SetupConfig config, UserPoolClientType current) {
		SetupConfig.AppClient desired = config.appClient();
		Validity access = Validity.of(desired.tokenValidity().accessToken());
		Validity id = Validity.of(desired.tokenValidity().idToken());
		Validity refresh = Validity.of(desired.tokenValidity().refreshToken());
		UpdateUserPoolClientRequest.Builder request = UpdateUserPoolClientRequest.builder()
			.userPoolId(current.userPoolId())
			.clientId(current.clientId())
			.clientName(current.clientName())
			.callbackURLs(desired.callbackUrls())
			.logoutURLs(desired.logoutUrls())
			.allowedOAuthFlows(OAuthFlowType.CODE)
			.allowedOAuthScopes(desired.scopes())
			.allowedOAuthFlowsUserPoolClient(true)
			.supportedIdentityProviders(config.supportedIdentityProviders())
			.accessTokenValidity(access.value())
			.idTokenValidity(id.value())
			.refreshTokenValidity(refresh.value())
			.tokenValidityUnits((u) -> u.accessToken(access.unit()).idToken(id.unit()).refreshToken(refresh.unit()))
			.enableTokenRevocation(desired.enableTokenRevocation());
		// Kept as they are: setup does not manage them.
		if (current.hasExplicitAuthFlows()) {
			request.explicitAuthFlowsWithStrings(current.explicitAuthFlowsAsStrings());
		}
		if (current.hasReadAttributes()) {
			request.readAttributes(current.readAttributes());
		}
		if (current.hasWriteAttributes()) {
			request.writeAttributes(current.writeAttributes());
		}
		if (current.analyticsConfiguration() != null) {
			request.analyticsConfiguration(current.analyticsConfiguration());
		}
		if (current.preventUserExistenceErrors() != null) {
			request.preventUserExistenceErrors(current.preventUserExistenceErrorsAsString());
		}
		if (current.enablePropagateAdditionalUserContextData() != null) {
			request.enablePropagateAdditionalUserContextData(current.enablePropagateAdditionalUserContextData());
		}
		if (current.authSessionValidity() != null) {
			request.authSessionValidity(current.authSessionValidity());
		}
		// DefaultRedirectURI must be one of the CallbackURLs (emulated-behaviour.md §C2).
		if (current.defaultRedirectURI() != null && desired.callbackUrls().contains(current.defaultRedirectURI())) {
			request.defaultRedirectURI(current.defaultRedirectURI());
		}
		if (desired.refreshTokenRotation() != null) {
			request.refreshTokenRotation(rotation(desired));
		}
		else if (current.refreshTokenRotation() != null
				&& "ENABLED".equals(current.refreshTokenRotation().featureAsString())) {
			// Omitted means DISABLED: keep rotation on when someone switched it on.
			request.refreshTokenRotation(current.refreshTokenRotation());
		}
		return request.build();
	}

	// Groups

	private List<ResourceChange> groups(List<SetupConfig.Group> desired, String poolId, boolean dryRun, String prefix) {
		if (desired.isEmpty()) {
			return List.of();
		}
		step(prefix + "Checking groups");
		Map<String, GroupType> existing = new LinkedHashMap<>();
		if (poolId != null) {
			String next = null;
			do {
				String token = next;
				ListGroupsResponse page = this.client
					.listGroups((r) -> r.userPoolId(poolId).limit(60).nextToken(token));
				page.groups().forEach((g) -> existing.put(g.groupName(), g));
				next = page.nextToken();
			}
			while (next != null && !next.isEmpty());
		}
		List<ResourceChange> changes = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		for (SetupConfig.Group group : desired) {
			if (!seen.add(group.name())) {
				continue;
			}
			GroupType current = existing.get(group.name());
			if (current == null) {
				if (!dryRun) {
					this.client.createGroup((r) -> r.userPoolId(poolId)
						.groupName(group.name())
						.description(group.description())
						.precedence(group.precedence()));
				}
				changes.add(ResourceChange.created(GROUP, group.name()));
				continue;
			}
			List<String> changed = new ArrayList<>();
			if (group.description() != null && !group.description().equals(current.description())) {
				changed.add("Description");
			}
			if (group.precedence() != null && !group.precedence().equals(current.precedence())) {
				changed.add("Precedence");
			}
			if (changed.isEmpty()) {
				changes.add(ResourceChange.unchanged(GROUP, group.name()));
				continue;
			}
			if (!dryRun) {
				// UpdateGroup also resets omitted fields: keep the role and the unmanaged
				// ones.
				this.client.updateGroup((r) -> r.userPoolId(poolId)
					.groupName(group.name())
					.description((group.description() != null) ? group.description() : current.description())
					.precedence((group.precedence() != null) ? group.precedence() : current.precedence())
					.roleArn(current.roleArn()));
			}
			changes.add(ResourceChange.updated(GROUP, group.name(), changed));
		}
		return changes;
	}

	private ResourceChange report(boolean dryRun, ResourceChange change) {
		step("  " + change.describe(dryRun));
		return change;
	}

	private void step(String line) {
		this.progress.accept(line);
	}

}

package io.fedlab.localidp.cognito.api;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.fedlab.localidp.cognito.state.AppClient;
import io.fedlab.localidp.cognito.state.AppClient.TokenValidityUnits;
import io.fedlab.localidp.cognito.state.CognitoStore;
import io.fedlab.localidp.cognito.state.SchemaAttribute;
import io.fedlab.localidp.cognito.state.UserPool;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * CreateUserPoolClient, UpdateUserPoolClient, DescribeUserPoolClient and
 * ListUserPoolClients (emulated-behaviour.md §C6 "App clients"). UpdateUserPoolClient
 * resets every omitted field to its default, as AWS documents;
 * {@code AllowedOAuthFlowsUserPoolClient} defaults to false and
 * {@code EnableTokenRevocation} to true (fact 15).
 */
final class ClientOperations {

	private static final Pattern CLIENT_NAME = Pattern.compile("[\\w\\s+=,.@-]+");

	private static final Pattern SECRET = Pattern.compile("[\\w+]+");

	private static final List<String> FLOWS = List.of("code", "implicit", "client_credentials");

	private static final List<String> AUTH_FLOWS = List.of("ADMIN_NO_SRP_AUTH", "CUSTOM_AUTH_FLOW_ONLY",
			"USER_PASSWORD_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_CUSTOM_AUTH", "ALLOW_USER_PASSWORD_AUTH",
			"ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_AUTH");

	private static final List<String> DEFAULT_AUTH_FLOWS = List.of("ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH",
			"ALLOW_CUSTOM_AUTH");

	/** Scopes that exist without a resource server. */
	private static final Set<String> STANDARD_SCOPES = Set.of("phone", "email", "openid", "profile",
			"aws.cognito.signin.user.admin");

	private static final List<String> UNITS = List.of("seconds", "minutes", "hours", "days");

	private final CognitoStore store;

	private final Clock clock;

	ClientOperations(CognitoStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	void register(Map<String, Operation> operations) {
		operations.put("CreateUserPoolClient", this::create);
		operations.put("UpdateUserPoolClient", this::update);
		operations.put("DescribeUserPoolClient", this::describe);
		operations.put("ListUserPoolClients", this::list);
	}

	ObjectNode create(ApiInput in) {
		UserPool pool = Lookups.pool(this.store, in);
		String name = in.string("ClientName", true, 1, 128, CLIENT_NAME);
		boolean generate = in.bool("GenerateSecret", false);
		String custom = in.string("ClientSecret", false, 24, 64, SECRET);
		if (generate && custom != null) {
			throw ApiException.invalidParameter("ClientSecret cannot be specified when GenerateSecret is true.");
		}
		String secret = generate ? this.store.ids().clientSecret() : custom;
		Instant now = Instant.ofEpochMilli(this.clock.millis());
		AppClient client = configure(in, pool, this.store.ids().clientId(), name, secret, now, now, "creating");
		this.store.putClient(pool, client);
		return wrap(client);
	}

	ObjectNode update(ApiInput in) {
		UserPool pool = Lookups.pool(this.store, in);
		AppClient existing = requireClient(pool, in);
		String name = in.string("ClientName", false, 1, 128, CLIENT_NAME);
		// Every other omitted field goes back to its default; the name is kept (it has
		// no default), and so are the id, the secret and the creation date.
		AppClient client = configure(in, pool, existing.clientId(), (name != null) ? name : existing.clientName(),
				existing.clientSecret(), existing.creationDate(), Instant.ofEpochMilli(this.clock.millis()),
				"updating");
		this.store.putClient(pool, client);
		return wrap(client);
	}

	ObjectNode describe(ApiInput in) {
		UserPool pool = Lookups.pool(this.store, in);
		return wrap(requireClient(pool, in));
	}

	ObjectNode list(ApiInput in) {
		UserPool pool = Lookups.pool(this.store, in);
		int max = orElse(in.integer("MaxResults", 1, 60), 60);
		String token = in.string("NextToken", false, 1, 65536, null);
		Paging.Page<AppClient> page = Paging.page(List.copyOf(pool.clients().values()),
				(c) -> String.format("%020d/%s", c.creationDate().toEpochMilli(), c.clientId()), max, token);
		ObjectNode out = Json.object();
		ArrayNode clients = out.putArray("UserPoolClients");
		for (AppClient client : page.items()) {
			clients.addObject()
				.put("ClientId", client.clientId())
				.put("UserPoolId", client.userPoolId())
				.put("ClientName", client.clientName());
		}
		if (page.nextToken() != null) {
			out.put("NextToken", page.nextToken());
		}
		return out;
	}

	private static AppClient requireClient(UserPool pool, ApiInput in) {
		String clientId = in.string("ClientId", true, 1, 128, ApiInput.CLIENT_ID);
		AppClient client = pool.client(clientId);
		if (client == null) {
			// The wording of the real service (aws/aws-sdk-php#2183).
			throw ApiException.resourceNotFound("User pool client " + clientId + " does not exist.");
		}
		return client;
	}

	/** Every configurable field, read from the input or set to its default. */
	private AppClient configure(ApiInput in, UserPool pool, String clientId, String name, String secret,
			Instant created, Instant modified, String verb) {
		ApiInput unitsIn = in.object("TokenValidityUnits");
		TokenValidityUnits units = new TokenValidityUnits(unit(unitsIn, "AccessToken", "hours"),
				unit(unitsIn, "IdToken", "hours"), unit(unitsIn, "RefreshToken", "days"));
		int access = validity(in.integer("AccessTokenValidity", 1, 86400), units.accessToken(), 3600);
		int id = validity(in.integer("IdTokenValidity", 1, 86400), units.idToken(), 3600);
		int refresh = validity(in.integer("RefreshTokenValidity", 0, 315360000), units.refreshToken(), 30 * 86400);
		checkRange(access, units.accessToken(), 300, 86400);
		checkRange(id, units.idToken(), 300, 86400);
		if (refresh != 0) {
			checkRange(refresh, units.refreshToken(), 3600, 315360000);
		}
		List<String> callbacks = UrlRules.check(in, "CallbackURLs");
		List<String> logouts = UrlRules.check(in, "LogoutURLs");
		String defaultRedirect = in.string("DefaultRedirectURI", false, 1, 1024, UrlRules.URL);
		if (defaultRedirect != null && !callbacks.contains(defaultRedirect)) {
			throw ApiException.invalidParameter("DefaultRedirectURI must be one of the CallbackURLs.");
		}
		List<String> flows = enumList(in, "AllowedOAuthFlows", FLOWS);
		List<String> scopes = orEmpty(in.strings("AllowedOAuthScopes"));
		for (String scope : scopes) {
			ApiInput.check("AllowedOAuthScopes", scope, 1, 256, Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+"));
			if (!STANDARD_SCOPES.contains(scope)) {
				throw new ApiException("ScopeDoesNotExistException", "Invalid scope requested: " + scope);
			}
		}
		if (flows.contains("client_credentials") && flows.size() > 1) {
			throw new ApiException("InvalidOAuthFlowException",
					"client_credentials flow can not be selected if authorization code or implicit flow is selected.");
		}
		if (flows.contains("client_credentials") && secret == null) {
			throw new ApiException("InvalidOAuthFlowException",
					"client_credentials flow can not be selected if client does not have a client secret.");
		}
		if ((flows.contains("code") || flows.contains("implicit")) && callbacks.isEmpty()) {
			// CONFLICT with emulated-behaviour.md §C2, which says
			// InvalidParameterException: every
			// observed real answer names InvalidOAuthFlowException (anomalyco/sst#6272,
			// cisagov/crossfeed#440), with this exact message.
			throw new ApiException("InvalidOAuthFlowException",
					"CallbackUrls can not be empty when code flow or implicit flow is selected");
		}
		List<String> providers = orEmpty(in.strings("SupportedIdentityProviders"));
		for (String provider : providers) {
			ApiInput.check("SupportedIdentityProviders", provider, 1, 32, ApiInput.USERNAME);
			if (!provider.equals("COGNITO") && pool.identityProvider(provider) == null) {
				throw ApiException
					.invalidParameter("The provider " + provider + " does not exist for User Pool " + pool.id());
			}
		}
		List<String> authFlows = enumList(in, "ExplicitAuthFlows", AUTH_FLOWS);
		List<String> read = attributes(in, pool, "ReadAttributes", "read", verb);
		List<String> write = attributes(in, pool, "WriteAttributes", "write", verb);
		ApiInput rotation = in.object("RefreshTokenRotation");
		boolean rotate = false;
		int grace = 0;
		if (rotation != null) {
			rotate = "ENABLED".equals(rotation.enumValue("Feature", true, List.of("ENABLED", "DISABLED")));
			grace = orElse(rotation.integer("RetryGracePeriodSeconds", 0, 60), 0);
		}
		return new AppClient(pool.id(), clientId, name, secret, created, modified, callbacks, logouts, defaultRedirect,
				flows, scopes, in.bool("AllowedOAuthFlowsUserPoolClient", false), providers,
				in.has("ExplicitAuthFlows") ? authFlows : DEFAULT_AUTH_FLOWS, access, id, refresh, units, read, write,
				in.bool("EnableTokenRevocation", true),
				orElse(in.enumValue("PreventUserExistenceErrors", false, List.of("LEGACY", "ENABLED")), "LEGACY"),
				rotate, grace, orElse(in.integer("AuthSessionValidity", 3, 15), 3));
	}

	private static String unit(ApiInput units, String member, String fallback) {
		String value = (units != null) ? units.enumValue(member, false, UNITS) : null;
		return (value != null) ? value : fallback;
	}

	/** The validity as given, or the default lifetime counted in the unit. */
	private static int validity(Integer value, String unit, long defaultSeconds) {
		if (value != null) {
			return value;
		}
		return (int) Math.max(1, defaultSeconds / unitSeconds(unit));
	}

	private static void checkRange(int value, String unit, long minSeconds, long maxSeconds) {
		long seconds = value * unitSeconds(unit);
		if (seconds < minSeconds || seconds > maxSeconds) {
			throw ApiException.invalidParameter("Invalid range for token validity.");
		}
	}

	private static long unitSeconds(String unit) {
		return switch (unit) {
			case "seconds" -> 1;
			case "minutes" -> 60;
			case "days" -> 86400;
			default -> 3600;
		};
	}

	/** Read/write attributes must exist in the pool's schema; null when not given. */
	private static List<String> attributes(ApiInput in, UserPool pool, String member, String kind, String verb) {
		List<String> names = in.strings(member);
		if (names == null) {
			return null;
		}
		List<String> known = new ArrayList<>();
		for (SchemaAttribute attribute : pool.settings().schemaAttributes()) {
			known.add(attribute.name());
		}
		for (String name : names) {
			if (!known.contains(name)) {
				throw ApiException
					.invalidParameter("Invalid " + kind + " attributes specified while " + verb + " a client");
			}
		}
		return names;
	}

	private static List<String> enumList(ApiInput in, String member, List<String> allowed) {
		List<String> values = orEmpty(in.strings(member));
		for (String value : values) {
			if (!allowed.contains(value)) {
				throw ApiException.validation(member, values.toString(), false,
						"Member must satisfy constraint: [Member must satisfy enum value set: " + allowed + "]");
			}
		}
		return values;
	}

	/** The UserPoolClientType shape; empty lists are omitted, as the service does. */
	static ObjectNode wrap(AppClient c) {
		ObjectNode out = Json.object();
		ObjectNode client = out.putObject("UserPoolClient");
		client.put("UserPoolId", c.userPoolId()).put("ClientName", c.clientName()).put("ClientId", c.clientId());
		if (c.clientSecret() != null) {
			client.put("ClientSecret", c.clientSecret());
		}
		client.put("LastModifiedDate", Json.epoch(c.lastModifiedDate()))
			.put("CreationDate", Json.epoch(c.creationDate()))
			.put("RefreshTokenValidity", c.refreshTokenValidity())
			.put("AccessTokenValidity", c.accessTokenValidity())
			.put("IdTokenValidity", c.idTokenValidity());
		client.putObject("TokenValidityUnits")
			.put("AccessToken", c.tokenValidityUnits().accessToken())
			.put("IdToken", c.tokenValidityUnits().idToken())
			.put("RefreshToken", c.tokenValidityUnits().refreshToken());
		if (c.readAttributes() != null) {
			client.set("ReadAttributes", Json.strings(c.readAttributes()));
		}
		if (c.writeAttributes() != null) {
			client.set("WriteAttributes", Json.strings(c.writeAttributes()));
		}
		putList(client, "ExplicitAuthFlows", c.explicitAuthFlows());
		putList(client, "SupportedIdentityProviders", c.supportedIdentityProviders());
		putList(client, "CallbackURLs", c.callbackUrls());
		putList(client, "LogoutURLs", c.logoutUrls());
		if (c.defaultRedirectUri() != null) {
			client.put("DefaultRedirectURI", c.defaultRedirectUri());
		}
		putList(client, "AllowedOAuthFlows", c.allowedOAuthFlows());
		putList(client, "AllowedOAuthScopes", c.allowedOAuthScopes());
		client.put("AllowedOAuthFlowsUserPoolClient", c.allowedOAuthFlowsUserPoolClient())
			.put("PreventUserExistenceErrors", c.preventUserExistenceErrors())
			.put("EnableTokenRevocation", c.enableTokenRevocation())
			.put("EnablePropagateAdditionalUserContextData", false)
			.put("AuthSessionValidity", c.authSessionValidity());
		client.putObject("RefreshTokenRotation")
			.put("Feature", c.refreshTokenRotation() ? "ENABLED" : "DISABLED")
			.put("RetryGracePeriodSeconds", c.retryGracePeriodSeconds());
		return out;
	}

	private static void putList(ObjectNode node, String member, List<String> values) {
		if (values != null && !values.isEmpty()) {
			node.set(member, Json.strings(values));
		}
	}

	private static <T> List<T> orEmpty(List<T> values) {
		return (values != null) ? values : List.of();
	}

	private static <T> T orElse(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

}

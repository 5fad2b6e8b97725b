package io.fedlab.localidp.cognito.api;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.fedlab.localidp.cognito.state.CognitoStore;
import io.fedlab.localidp.cognito.state.UserPool;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * CreateUserPool, DescribeUserPool, ListUserPools, UpdateUserPool, CreateUserPoolDomain
 * and DescribeUserPoolDomain (emulated-behaviour.md §C6 "Pools and domains").
 *
 * <p>
 * Configuration blocks the emulator does not act on (password policy, Lambda triggers,
 * message templates, …) are kept here as given and echoed back, so DescribeUserPool shows
 * what was provisioned.
 */
final class PoolOperations {

	private static final Pattern POOL_NAME = Pattern.compile("[\\w\\s+=,.@-]+");

	private static final Pattern DOMAIN = Pattern.compile("^[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?$");

	/** Echoed configuration blocks and their defaults when absent (null: omitted). */
	private static final List<String> ECHOED = List.of("Policies", "LambdaConfig", "SmsVerificationMessage",
			"EmailVerificationMessage", "EmailVerificationSubject", "VerificationMessageTemplate",
			"SmsAuthenticationMessage", "UserAttributeUpdateSettings", "DeviceConfiguration", "EmailConfiguration",
			"SmsConfiguration", "UserPoolAddOns", "AccountRecoverySetting");

	private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
		.withZone(ZoneOffset.UTC);

	private final CognitoStore store;

	private final Clock clock;

	/** Pool id to the echoed blocks given at creation or last update. */
	private final Map<String, ObjectNode> echoed = new ConcurrentHashMap<>();

	/** Domain prefix to its ManagedLoginVersion and creation time. */
	private final Map<String, DomainInfo> domainInfo = new ConcurrentHashMap<>();

	private record DomainInfo(int managedLoginVersion, Instant created) {
	}

	PoolOperations(CognitoStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	void register(Map<String, Operation> operations) {
		operations.put("CreateUserPool", this::createUserPool);
		operations.put("DescribeUserPool", this::describeUserPool);
		operations.put("ListUserPools", this::listUserPools);
		operations.put("UpdateUserPool", this::updateUserPool);
		operations.put("CreateUserPoolDomain", this::createUserPoolDomain);
		operations.put("DescribeUserPoolDomain", this::describeUserPoolDomain);
	}

	private Instant now() {
		return Instant.ofEpochMilli(this.clock.millis());
	}

	ObjectNode createUserPool(ApiInput in) {
		String name = in.string("PoolName", true, 1, 128, POOL_NAME);
		List<String> usernameAttributes = enumList(in, "UsernameAttributes", List.of("phone_number", "email"));
		List<String> aliasAttributes = enumList(in, "AliasAttributes",
				List.of("phone_number", "email", "preferred_username"));
		if (!usernameAttributes.isEmpty() && !aliasAttributes.isEmpty()) {
			throw ApiException
				.invalidParameter("Only one of the aliasAttributes or usernameAttributes can be set in a User Pool.");
		}
		ApiInput usernameConfiguration = in.object("UsernameConfiguration");
		// The API default is CaseSensitive=true (the console's default is false).
		boolean caseSensitive = (usernameConfiguration == null) || usernameConfiguration.bool("CaseSensitive", true);
		ApiInput adminCreate = in.object("AdminCreateUserConfig");
		String id = this.store.ids().poolId(this.store.region());
		Instant now = now();
		UserPool.Settings settings = new UserPool.Settings(id, name,
				"arn:aws:cognito-idp:" + this.store.region() + ":" + this.store.accountId() + ":userpool/" + id, now,
				now, StandardSchema.build(in.objects("Schema")), caseSensitive,
				enumList(in, "AutoVerifiedAttributes", List.of("phone_number", "email")), usernameAttributes,
				aliasAttributes,
				orElse(in.enumValue("MfaConfiguration", false, List.of("OFF", "ON", "OPTIONAL")), "OFF"),
				orElse(in.enumValue("DeletionProtection", false, List.of("ACTIVE", "INACTIVE")), "INACTIVE"),
				(adminCreate != null) && adminCreate.bool("AllowAdminCreateUserOnly", false),
				orElse(in.enumValue("UserPoolTier", false, List.of("LITE", "ESSENTIALS", "PLUS")), "ESSENTIALS"),
				orEmpty(in.stringMap("UserPoolTags")));
		UserPool pool = this.store.createPool(settings);
		this.echoed.put(id, echo(in));
		ObjectNode out = Json.object();
		out.set("UserPool", describe(pool));
		return out;
	}

	ObjectNode describeUserPool(ApiInput in) {
		UserPool pool = Lookups.pool(this.store, in);
		ObjectNode out = Json.object();
		out.set("UserPool", describe(pool));
		return out;
	}

	ObjectNode listUserPools(ApiInput in) {
		int max = in.requiredInteger("MaxResults", 1, 60);
		String token = in.string("NextToken", false, 1, 65536, null);
		Paging.Page<UserPool> page = Paging.page(List.copyOf(this.store.pools()),
				(p) -> String.format("%020d/%s", p.settings().creationDate().toEpochMilli(), p.id()), max, token);
		ObjectNode out = Json.object();
		ArrayNode pools = out.putArray("UserPools");
		for (UserPool pool : page.items()) {
			UserPool.Settings s = pool.settings();
			ObjectNode item = pools.addObject().put("Id", s.id()).put("Name", s.name());
			item.set("LambdaConfig", echoedOrDefault(pool.id(), "LambdaConfig"));
			item.put("LastModifiedDate", Json.epoch(s.lastModifiedDate()))
				.put("CreationDate", Json.epoch(s.creationDate()));
		}
		if (page.nextToken() != null) {
			out.put("NextToken", page.nextToken());
		}
		return out;
	}

	/**
	 * UpdateUserPool, like UpdateUserPoolClient, resets every omitted updatable setting
	 * to its default; the schema, sign-in attributes and username case sensitivity cannot
	 * change after creation.
	 */
	ObjectNode updateUserPool(ApiInput in) {
		UserPool pool = Lookups.pool(this.store, in);
		UserPool.Settings s = pool.settings();
		String name = in.string("PoolName", false, 1, 128, POOL_NAME);
		ApiInput adminCreate = in.object("AdminCreateUserConfig");
		UserPool.Settings updated = new UserPool.Settings(s.id(), (name != null) ? name : s.name(), s.arn(),
				s.creationDate(), now(), s.schemaAttributes(), s.usernameCaseSensitive(),
				enumList(in, "AutoVerifiedAttributes", List.of("phone_number", "email")), s.usernameAttributes(),
				s.aliasAttributes(),
				orElse(in.enumValue("MfaConfiguration", false, List.of("OFF", "ON", "OPTIONAL")), "OFF"),
				orElse(in.enumValue("DeletionProtection", false, List.of("ACTIVE", "INACTIVE")), "INACTIVE"),
				(adminCreate != null) && adminCreate.bool("AllowAdminCreateUserOnly", false),
				orElse(in.enumValue("UserPoolTier", false, List.of("LITE", "ESSENTIALS", "PLUS")), s.userPoolTier()),
				orEmpty(in.stringMap("UserPoolTags")));
		this.store.updatePoolSettings(pool, updated);
		this.echoed.put(pool.id(), echo(in));
		return Json.object();
	}

	ObjectNode createUserPoolDomain(ApiInput in) {
		String domain = in.string("Domain", true, 1, 63, DOMAIN);
		UserPool pool = Lookups.pool(this.store, in);
		Integer version = in.integer("ManagedLoginVersion", 1, 2);
		if (in.has("CustomDomainConfig")) {
			throw ApiException.invalidParameter(
					"Custom domains are not supported by the local Cognito emulator; use a prefix domain.");
		}
		for (String reserved : List.of("aws", "amazon", "cognito")) {
			if (domain.contains(reserved)) {
				throw ApiException.invalidParameter("Domain cannot contain reserved word: " + reserved);
			}
		}
		if (pool.domain() != null) {
			throw ApiException.invalidParameter("User pool already has a domain configured.");
		}
		if (this.store.poolByDomain(domain) != null || !this.store.attachDomain(pool, domain)) {
			throw ApiException.invalidParameter("Domain already associated with another user pool.");
		}
		int managedLoginVersion = (version != null) ? version : 1;
		this.domainInfo.put(domain, new DomainInfo(managedLoginVersion, now()));
		// CloudFrontDomain is null for prefix domains (aws/aws-sdk-net#1591): omitted.
		return Json.object().put("ManagedLoginVersion", managedLoginVersion);
	}

	/** An unknown domain is not an error: 200 {"DomainDescription":{}} (fact 15). */
	ObjectNode describeUserPoolDomain(ApiInput in) {
		String domain = in.string("Domain", true, 1, 63, null);
		ObjectNode out = Json.object();
		ObjectNode description = out.putObject("DomainDescription");
		UserPool pool = this.store.poolByDomain(domain);
		if (pool == null) {
			return out;
		}
		DomainInfo info = this.domainInfo.getOrDefault(domain, new DomainInfo(1, pool.settings().creationDate()));
		description.put("UserPoolId", pool.id())
			.put("AWSAccountId", this.store.accountId())
			.put("Domain", domain)
			.put("S3Bucket", "aws-cognito-prod-" + airportCode(this.store.region()) + "-assets")
			.put("CloudFrontDistribution", cloudFrontHost(domain))
			.put("Version", VERSION.format(info.created()))
			.put("Status", "ACTIVE")
			.put("ManagedLoginVersion", info.managedLoginVersion());
		return out;
	}

	/** The UserPoolType shape, in the order DescribeUserPool writes it. */
	ObjectNode describe(UserPool pool) {
		UserPool.Settings s = pool.settings();
		ObjectNode out = Json.object().put("Id", s.id()).put("Name", s.name());
		out.set("Policies", echoedOrDefault(s.id(), "Policies"));
		out.put("DeletionProtection", s.deletionProtection());
		out.set("LambdaConfig", echoedOrDefault(s.id(), "LambdaConfig"));
		out.put("LastModifiedDate", Json.epoch(s.lastModifiedDate())).put("CreationDate", Json.epoch(s.creationDate()));
		out.set("SchemaAttributes", StandardSchema.toJson(s.schemaAttributes()));
		if (!s.autoVerifiedAttributes().isEmpty()) {
			out.set("AutoVerifiedAttributes", Json.strings(s.autoVerifiedAttributes()));
		}
		if (!s.aliasAttributes().isEmpty()) {
			out.set("AliasAttributes", Json.strings(s.aliasAttributes()));
		}
		if (!s.usernameAttributes().isEmpty()) {
			out.set("UsernameAttributes", Json.strings(s.usernameAttributes()));
		}
		for (String member : List.of("SmsVerificationMessage", "EmailVerificationMessage",
				"EmailVerificationSubject")) {
			copyEchoed(s.id(), member, out);
		}
		out.set("VerificationMessageTemplate", echoedOrDefault(s.id(), "VerificationMessageTemplate"));
		copyEchoed(s.id(), "SmsAuthenticationMessage", out);
		out.set("UserAttributeUpdateSettings", echoedOrDefault(s.id(), "UserAttributeUpdateSettings"));
		out.put("MfaConfiguration", s.mfaConfiguration());
		copyEchoed(s.id(), "DeviceConfiguration", out);
		out.put("EstimatedNumberOfUsers", pool.users().size());
		out.set("EmailConfiguration", echoedOrDefault(s.id(), "EmailConfiguration"));
		copyEchoed(s.id(), "SmsConfiguration", out);
		out.set("UserPoolTags", Json.stringMap(s.userPoolTags()));
		if (pool.domain() != null) {
			out.put("Domain", pool.domain());
		}
		ObjectNode adminCreate = out.putObject("AdminCreateUserConfig");
		adminCreate.put("AllowAdminCreateUserOnly", s.allowAdminCreateUserOnly()).put("UnusedAccountValidityDays", 7);
		copyEchoed(s.id(), "UserPoolAddOns", out);
		out.putObject("UsernameConfiguration").put("CaseSensitive", s.usernameCaseSensitive());
		out.put("Arn", s.arn());
		copyEchoed(s.id(), "AccountRecoverySetting", out);
		out.put("UserPoolTier", s.userPoolTier());
		return out;
	}

	private ObjectNode echo(ApiInput in) {
		ObjectNode blocks = Json.object();
		for (String member : ECHOED) {
			if (member.endsWith("Message") || member.endsWith("Subject")) {
				String text = in.string(member);
				if (text != null) {
					blocks.put(member, text);
				}
			}
			else {
				ObjectNode block = in.rawObject(member);
				if (block != null) {
					blocks.set(member, block);
				}
			}
		}
		return blocks;
	}

	private void copyEchoed(String poolId, String member, ObjectNode out) {
		ObjectNode blocks = this.echoed.get(poolId);
		if (blocks != null && blocks.has(member)) {
			out.set(member, blocks.get(member).deepCopy());
		}
	}

	private ObjectNode echoedOrDefault(String poolId, String member) {
		ObjectNode blocks = this.echoed.get(poolId);
		if (blocks != null && blocks.has(member)) {
			return (ObjectNode) blocks.get(member).deepCopy();
		}
		ObjectNode fallback = Json.object();
		switch (member) {
			case "Policies" -> fallback.putObject("PasswordPolicy")
				.put("MinimumLength", 8)
				.put("RequireUppercase", true)
				.put("RequireLowercase", true)
				.put("RequireNumbers", true)
				.put("RequireSymbols", true)
				.put("TemporaryPasswordValidityDays", 7);
			case "VerificationMessageTemplate" -> fallback.put("DefaultEmailOption", "CONFIRM_WITH_CODE");
			case "UserAttributeUpdateSettings" -> fallback.putArray("AttributesRequireVerificationBeforeUpdate");
			case "EmailConfiguration" -> fallback.put("EmailSendingAccount", "COGNITO_DEFAULT");
			default -> {
			}
		}
		return fallback;
	}

	private static List<String> enumList(ApiInput in, String member, List<String> allowed) {
		List<String> values = in.strings(member);
		if (values == null) {
			return List.of();
		}
		for (String value : values) {
			if (!allowed.contains(value)) {
				throw ApiException.validation(member, values.toString(), false,
						"Member must satisfy constraint: [Member must satisfy enum value set: " + allowed + "]");
			}
		}
		return values;
	}

	private static String orElse(String value, String fallback) {
		return (value != null) ? value : fallback;
	}

	private static Map<String, String> orEmpty(Map<String, String> map) {
		return (map != null) ? Map.copyOf(map) : Map.of();
	}

	/** The assets bucket names real domains report use the region's airport code. */
	private static String airportCode(String region) {
		return switch (region) {
			case "us-east-1" -> "iad";
			case "us-east-2" -> "cmh";
			case "us-west-1" -> "sfo";
			case "us-west-2" -> "pdx";
			case "eu-west-1" -> "dub";
			case "eu-west-2" -> "lhr";
			case "eu-central-1" -> "fra";
			case "ap-south-1" -> "bom";
			case "ap-southeast-1" -> "sin";
			case "ap-southeast-2" -> "syd";
			case "ap-northeast-1" -> "nrt";
			default -> region;
		};
	}

	/** A stable, CloudFront-shaped host name for a domain prefix. */
	private static String cloudFrontHost(String domain) {
		String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
		long h = domain.hashCode() & 0xffffffffL;
		StringBuilder out = new StringBuilder("d");
		for (int i = 0; i < 13; i++) {
			out.append(alphabet.charAt((int) (h % alphabet.length())));
			h = h * 31 + 7 + i;
			h &= 0xffffffffffffL;
		}
		return out.toString().toLowerCase(Locale.ROOT) + ".cloudfront.net";
	}

}

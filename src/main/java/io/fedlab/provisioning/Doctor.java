package io.fedlab.provisioning;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DomainDescriptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListIdentityProvidersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ProviderDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Diagnoses a live pool federated to Auth0, read-only: every check becomes a
 * {@link Finding} that names the values involved and the fix. It makes only read calls
 * (Describe*, List*) and plain GETs of discovery documents.
 */
public final class Doctor {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	/** The scopes the app asks Cognito for. */
	static final List<String> APP_SCOPES = List.of("openid", "email", "profile");

	/** Standard attribute to the OIDC scope whose claims carry it (OIDC Core §5.4). */
	static final Map<String, String> SCOPE_OF = scopes();

	private final CognitoIdentityProviderClient client;

	private final HttpClient http;

	private final OidcProviderDirectory iamOidcProviders;

	/**
	 * A doctor that does not look at IAM (the local emulator has none).
	 * @param client the SDK client (read calls only)
	 * @param http fetches discovery documents; should not follow redirects
	 */
	public Doctor(CognitoIdentityProviderClient client, HttpClient http) {
		this(client, http, null);
	}

	/**
	 * @param client the SDK client (read calls only)
	 * @param http fetches discovery documents; should not follow redirects
	 * @param iamOidcProviders the account's IAM OIDC identity providers, or null not to
	 * look
	 */
	public Doctor(CognitoIdentityProviderClient client, HttpClient http, OidcProviderDirectory iamOidcProviders) {
		this.client = Objects.requireNonNull(client, "client cannot be null");
		this.http = Objects.requireNonNull(http, "http cannot be null");
		this.iamOidcProviders = iamOidcProviders;
	}

	private static Map<String, String> scopes() {
		Map<String, String> map = new LinkedHashMap<>();
		for (String a : List.of("email", "email_verified")) {
			map.put(a, "email");
		}
		for (String a : List.of("phone_number", "phone_number_verified")) {
			map.put(a, "phone");
		}
		map.put("address", "address");
		for (String a : List.of("name", "family_name", "given_name", "middle_name", "nickname", "preferred_username",
				"profile", "picture", "website", "gender", "birthdate", "zoneinfo", "locale", "updated_at")) {
			map.put(a, "profile");
		}
		return java.util.Collections.unmodifiableMap(map);
	}

	/**
	 * Runs every check; never throws for a finding, only for SDK failures (credentials,
	 * access).
	 */
	public DoctorReport check(DoctorInput input) {
		List<Finding> findings = new ArrayList<>();
		String issuer = (input.issuerOverride() != null) ? stripSlash(input.issuerOverride())
				: CognitoLookups.issuer(this.client, input.userPoolId());
		JsonNode discovery = cognitoDiscovery(input, issuer, findings);

		UserPoolType pool;
		try {
			pool = this.client.describeUserPool((r) -> r.userPoolId(input.userPoolId())).userPool();
			findings.add(Finding.pass("pool.exists", "user pool " + pool.id() + " (" + pool.name() + ") exists"));
		}
		catch (ResourceNotFoundException ex) {
			findings.add(Finding.fail("pool.exists",
					"user pool " + input.userPoolId() + " does not exist in region "
							+ this.client.serviceClientConfiguration().region().id(),
					"check the pool id and the region (--region), or run setup"));
			return new DoctorReport(findings);
		}

		String domainUrl = domain(pool, discovery, input.domainUrl(), findings);
		UserPoolClientType appClient = appClient(input, findings);
		IdentityProviderType idp = identityProvider(input, findings);
		if (idp != null) {
			identityProviderDetails(idp, pool, findings);
		}
		if (this.iamOidcProviders != null) {
			iamOidcProvider((idp != null) ? idp.providerDetails().get("oidc_issuer") : null, findings);
		}
		manualChecks(domainUrl, findings);
		return new DoctorReport(findings);
	}

	// Cognito discovery

	private JsonNode cognitoDiscovery(DoctorInput input, String issuer, List<Finding> findings) {
		String url = issuer + "/.well-known/openid-configuration";
		Fetched fetched = fetch(url);
		if (fetched.document() == null) {
			findings.add(Finding.fail("cognito.discovery", "Cognito discovery " + url + " " + fetched.problem(),
					"check the pool id and region; the app reads its endpoints from this document at start-up"));
			return null;
		}
		String actual = text(fetched.document(), "issuer");
		String expected = (input.expectedIssuer() != null) ? input.expectedIssuer() : issuer;
		if (expected.equals(actual)) {
			findings
				.add(Finding.pass("cognito.discovery", "Cognito discovery is reachable and its issuer is " + actual));
		}
		else {
			findings.add(Finding.fail("cognito.discovery",
					"Cognito discovery's issuer is " + actual + " but the app expects " + expected
							+ issuerDifference(expected, actual),
					"set the app's issuer-uri to exactly " + actual
							+ " (the issuer host cognito-idp.<region>.amazonaws.com/<poolId>, not the pool domain;"
							+ " docs/emulated-behaviour.md §C3)"));
		}
		return fetched.document();
	}

	private static String issuerDifference(String expected, String actual) {
		if (actual == null) {
			return "";
		}
		if (actual.equals(expected + "/") || expected.equals(actual + "/")) {
			return " (they differ only by a trailing slash, and the issuer is compared byte for byte)";
		}
		return "";
	}

	// Domain

	/**
	 * The pool domain's base URL the rest of the report names: the configured one
	 * ({@code FEDLAB_DOMAIN_URL}) first, else the one Cognito's discovery lists, else the
	 * standard prefix domain.
	 */
	private String domain(UserPoolType pool, JsonNode discovery, String configured, List<Finding> findings) {
		String discovered = null;
		String authorize = (discovery != null) ? text(discovery, "authorization_endpoint") : null;
		if (authorize != null && authorize.endsWith("/oauth2/authorize")) {
			discovered = authorize.substring(0, authorize.length() - "/oauth2/authorize".length());
		}
		if (configured != null && discovered != null && !discovered.isEmpty() && !configured.equals(discovered)) {
			findings.add(Finding.warn("domain.url",
					"Cognito's discovery lists the pool domain " + discovered + ", but the configured domain URL is "
							+ configured,
					"the checks below use " + configured
							+ "; set pool.domain-url (FEDLAB_DOMAIN_URL) to the domain the app and Auth0 really use"));
		}
		String domainUrl = (configured != null) ? configured : discovered;
		String prefix = pool.domain();
		if (prefix == null || prefix.isEmpty()) {
			findings.add(Finding.fail("domain.active",
					"the pool has no domain, so there is no hosted UI,"
							+ " /oauth2/authorize, /oauth2/idpresponse or /logout",
					"create a domain (setup does: pool.domain-prefix)"));
			return domainUrl;
		}
		if (domainUrl == null || domainUrl.isEmpty()) {
			domainUrl = "https://" + prefix + ".auth." + this.client.serviceClientConfiguration().region().id()
					+ ".amazoncognito.com";
		}
		DomainDescriptionType description = this.client.describeUserPoolDomain((r) -> r.domain(prefix))
			.domainDescription();
		if (description == null || description.userPoolId() == null) {
			findings.add(Finding.fail("domain.active", "the domain '" + prefix + "' is not found",
					"create the domain again (setup)"));
		}
		else if (!"ACTIVE".equals(description.statusAsString())) {
			findings.add(Finding.fail("domain.active",
					"the domain '" + prefix + "' is " + description.statusAsString() + ", not ACTIVE",
					"wait: a new prefix domain takes up to a minute; FAILED means delete and create it again"));
		}
		else {
			findings.add(Finding.pass("domain.active", "the domain '" + prefix + "' is ACTIVE at " + domainUrl));
		}
		return domainUrl;
	}

	// App client

	private UserPoolClientType appClient(DoctorInput input, List<Finding> findings) {
		UserPoolClientType c;
		try {
			c = this.client.describeUserPoolClient((r) -> r.userPoolId(input.userPoolId()).clientId(input.clientId()))
				.userPoolClient();
		}
		catch (ResourceNotFoundException ex) {
			findings.add(Finding.fail("client.exists", "app client " + input.clientId() + " does not exist in the pool",
					"set the app's client id to one of the pool's app clients, or run setup"));
			return null;
		}
		findings.add(Finding.pass("client.exists", "app client " + c.clientName() + " (" + c.clientId() + ") exists"));

		if (Boolean.TRUE.equals(c.allowedOAuthFlowsUserPoolClient())) {
			findings.add(Finding.pass("client.oauth-flows-enabled", "OAuth flows are switched on for the client"));
		}
		else {
			findings.add(Finding.fail("client.oauth-flows-enabled",
					"AllowedOAuthFlowsUserPoolClient is false: the hosted UI ignores the client's flows, scopes and"
							+ " callback URLs, so every sign-in fails",
					"set AllowedOAuthFlowsUserPoolClient to true (console: app client > Login pages > Edit; or run"
							+ " setup), sending every other client setting along (docs/emulated-behaviour.md §C6)"));
		}
		List<String> flows = c.allowedOAuthFlowsAsStrings();
		if (flows.contains("code")) {
			findings.add(Finding.pass("client.code-flow", "the authorization code flow is allowed"));
		}
		else {
			findings.add(Finding.fail("client.code-flow", "AllowedOAuthFlows is " + flows + ", without code",
					"allow the code flow (AllowedOAuthFlows: code)"));
		}
		List<String> missingScopes = APP_SCOPES.stream().filter((s) -> !c.allowedOAuthScopes().contains(s)).toList();
		if (missingScopes.isEmpty()) {
			findings.add(Finding.pass("client.scopes",
					"scopes " + c.allowedOAuthScopes() + " include openid email profile"));
		}
		else {
			findings.add(Finding.fail("client.scopes", "the client does not allow the scopes " + missingScopes,
					"add " + missingScopes + " to AllowedOAuthScopes; Cognito answers invalid_scope otherwise"));
		}
		if (!c.allowedOAuthScopes().contains("aws.cognito.signin.user.admin")) {
			findings.add(Finding.warn("client.scopes.admin",
					"scope aws.cognito.signin.user.admin is not allowed, so the access token cannot call GetUser",
					"add aws.cognito.signin.user.admin to AllowedOAuthScopes and to the app's scopes"));
		}
		urls("client.callback-urls", "callback URL", "CallbackURLs", input.callbackUrls(), c.callbackURLs(),
				"redirect_mismatch", findings);
		urls("client.logout-urls", "sign-out URL", "LogoutURLs", input.signOutUrls(), c.logoutURLs(),
				"an error page instead of the redirect back to the app", findings);

		String name = input.identityProviderName();
		List<String> providers = c.supportedIdentityProviders();
		if (providers.contains(name)) {
			findings.add(Finding.pass("client.identity-provider", "the client lists identity provider " + name));
		}
		else {
			String other = providers.stream().filter((p) -> p.equalsIgnoreCase(name)).findFirst().orElse(null);
			findings.add(Finding.fail("client.identity-provider",
					(other != null) ? "the client lists '" + other + "', not '" + name + "' (names are case-sensitive)"
							: "the client's SupportedIdentityProviders " + providers + " do not include " + name,
					"add exactly '" + name
							+ "' to the client's SupportedIdentityProviders; otherwise the hosted UI answers"
							+ " \"Login option is not available\""));
		}
		if (c.enableTokenRevocation() == null || c.enableTokenRevocation()) {
			findings.add(Finding.pass("client.token-revocation", "token revocation is enabled"));
		}
		else {
			findings.add(Finding.fail("client.token-revocation",
					"token revocation is disabled: the app's sign-out cannot revoke its refresh token",
					"set EnableTokenRevocation to true (default for new clients)"));
		}
		if (c.clientSecret() == null || c.clientSecret().isEmpty()) {
			findings.add(Finding.warn("client.secret", "the client has no secret",
					"a server-side app should use a confidential client; create one with a secret (setup does)"));
		}
		return c;
	}

	private static void urls(String id, String what, String field, List<String> expected, List<String> registered,
			String symptom, List<Finding> findings) {
		if (expected.isEmpty()) {
			findings.add(Finding.warn(id,
					"no expected " + what + " given, so " + field + " " + registered + " were not checked",
					"pass the app's " + what + "s (config app-client) to check them"));
			return;
		}
		List<String> problems = new ArrayList<>();
		for (String url : expected) {
			if (registered.contains(url)) {
				continue;
			}
			String near = null;
			List<String> differences = List.of();
			for (String candidate : registered) {
				List<String> d = UrlDiff.differences(url, candidate);
				if (!d.isEmpty()) {
					near = candidate;
					differences = d;
					break;
				}
			}
			if (near != null) {
				problems
					.add("'" + url + "' is not registered; '" + near + "' is, with " + String.join(", ", differences));
			}
			else {
				problems.add("'" + url + "' is not registered (" + field + " " + registered + ")");
			}
		}
		if (problems.isEmpty()) {
			findings.add(Finding.pass(id, field + " contain the app's " + what + "s exactly: " + expected));
		}
		else {
			findings.add(Finding.fail(id,
					String.join("; ", problems) + ". Cognito compares byte for byte, so this gives " + symptom,
					"register exactly " + expected + " in the client's " + field
							+ " (setup does; docs/emulated-behaviour.md §C2)"));
		}
	}

	// Identity provider

	private IdentityProviderType identityProvider(DoctorInput input, List<Finding> findings) {
		String name = input.identityProviderName();
		IdentityProviderType idp = CognitoLookups.identityProvider(this.client, input.userPoolId(), name);
		if (idp != null) {
			findings.add(Finding.pass("idp.exists",
					"identity provider '" + name + "' exists (" + idp.providerTypeAsString() + ")"));
			return idp;
		}
		String other = null;
		String next = null;
		do {
			String token = next;
			ListIdentityProvidersResponse page = this.client
				.listIdentityProviders((r) -> r.userPoolId(input.userPoolId()).maxResults(60).nextToken(token));
			for (ProviderDescription provider : page.providers()) {
				if (provider.providerName().equalsIgnoreCase(name)) {
					other = provider.providerName();
				}
			}
			next = page.nextToken();
		}
		while (next != null && !next.isEmpty() && other == null);
		if (other != null) {
			findings.add(Finding.fail("idp.exists",
					"no identity provider is named '" + name + "', but '" + other
							+ "' is: identity_provider is case-sensitive, so the hosted UI answers \"Login option is"
							+ " not available\" (docs/emulated-behaviour.md §C7.10)",
					"make the app send identity_provider=" + other + ", or create the provider as '" + name
							+ "' (setup) and list it on the app client"));
			return CognitoLookups.identityProvider(this.client, input.userPoolId(), other);
		}
		findings.add(Finding.fail("idp.exists", "the pool has no identity provider named '" + name + "'",
				"create the OIDC provider '" + name + "' for Auth0 (setup)"));
		return null;
	}

	private void identityProviderDetails(IdentityProviderType idp, UserPoolType pool, List<Finding> findings) {
		Map<String, String> details = idp.providerDetails();
		if (!"OIDC".equals(idp.providerTypeAsString())) {
			findings
				.add(Finding.fail("idp.type", "the provider is of type " + idp.providerTypeAsString() + ", not OIDC",
						"create an OIDC provider for Auth0"));
			return;
		}
		String method = details.get("attributes_request_method");
		if ("GET".equals(method) || "POST".equals(method)) {
			findings.add(Finding.pass("idp.attributes-request-method",
					"attributes_request_method is " + method + " (Auth0's /userinfo answers both)"));
		}
		else {
			findings.add(Finding.fail("idp.attributes-request-method",
					"attributes_request_method is " + method + ", not GET or POST",
					"set attributes_request_method to GET (or POST)"));
		}
		JsonNode auth0 = upstreamIssuer(details.get("oidc_issuer"), findings);
		if (auth0 != null) {
			upstreamDocument(auth0, findings);
		}
		requiredAttributes(pool, idp, findings);
	}

	/**
	 * Fetches {@code <oidc_issuer>/.well-known/openid-configuration} literally, as
	 * Cognito does, and compares the document's issuer with {@code oidc_issuer}
	 * (emulated-behaviour.md §C7.3, §A9, §A11 fact 1).
	 */
	private JsonNode upstreamIssuer(String configured, List<Finding> findings) {
		if (configured == null || configured.isEmpty()) {
			findings.add(Finding.fail("idp.issuer", "the provider has no oidc_issuer",
					"set oidc_issuer to https://<your Auth0 domain> without a trailing slash"));
			return null;
		}
		if (!CognitoLookups.usesEndpointOverride(this.client) && !configured.startsWith("https://")) {
			findings.add(Finding.fail("idp.issuer.https", "oidc_issuer " + configured + " is not https",
					"Cognito requires an https issuer on port 443 (docs/emulated-behaviour.md §C6)"));
		}
		String url = configured + "/.well-known/openid-configuration";
		Fetched fetched = fetch(url);
		String withoutSlash = configured.endsWith("/") ? stripSlash(configured) : null;
		if (fetched.document() == null) {
			if (withoutSlash != null) {
				findings.add(Finding.fail("idp.issuer",
						"oidc_issuer " + configured + " ends with a slash, so Cognito fetches " + url
								+ " (double slash)" + ", which " + fetched.problem()
								+ "; every sign-in then fails at the identity provider",
						"set oidc_issuer to " + withoutSlash + " (no trailing slash, as AWS asks; Auth0's discovery"
								+ " still says " + withoutSlash + "/)"));
			}
			else {
				findings.add(Finding.fail("idp.issuer", "Auth0 discovery " + url + " " + fetched.problem(),
						"set oidc_issuer to your Auth0 domain, https://<tenant>.<region>.auth0.com or the custom"
								+ " domain, without a trailing slash"));
			}
			return null;
		}
		String discovered = text(fetched.document(), "issuer");
		if (configured.equals(discovered)) {
			findings.add(Finding.pass("idp.issuer",
					"oidc_issuer " + configured + " is the issuer in its discovery document"));
		}
		else if (discovered != null && discovered.equals(configured + "/")) {
			// Auth0's shape: discovery at the slash-less issuer, `issuer` with the slash;
			// Cognito
			// compares the ID token's iss with the discovered issuer
			// (docs/emulated-behaviour.md §C7.3
			// emulator choice).
			findings.add(Finding.pass("idp.issuer",
					"oidc_issuer " + configured + " has no trailing slash and its discovery document says " + discovered
							+ ", which is how Auth0 must be configured (docs/emulated-behaviour.md §A9)"));
		}
		else if (withoutSlash != null && withoutSlash.equals(discovered)) {
			findings.add(Finding.fail("idp.issuer",
					"oidc_issuer " + configured + " has a trailing slash that the discovery issuer " + discovered
							+ " does not use; Cognito rejects the ID token with \"Bad id_token issuer\"",
					"set oidc_issuer to " + discovered));
		}
		else {
			findings.add(Finding.fail("idp.issuer",
					"the discovery document at " + url + " names the issuer " + discovered + ", not " + configured
							+ "; Cognito rejects the ID token with \"Bad id_token issuer\"",
					"set oidc_issuer to " + stripSlash(String.valueOf(discovered)) + " (without a trailing slash)"));
		}
		return fetched.document();
	}

	private static void upstreamDocument(JsonNode auth0, List<Finding> findings) {
		List<String> algs = strings(auth0, "id_token_signing_alg_values_supported");
		if (algs.contains("RS256")) {
			findings.add(Finding.pass("auth0.rs256", "Auth0 can sign ID tokens with RS256"));
		}
		else {
			findings.add(Finding.fail("auth0.rs256",
					"Auth0's discovery lists ID-token algorithms " + algs + " without RS256",
					"set the Auth0 application's JWT Signature Algorithm to RS256 (Advanced > OAuth)"));
		}
		List<String> methods = strings(auth0, "token_endpoint_auth_methods_supported");
		if (methods.isEmpty() || methods.contains("client_secret_post")) {
			findings.add(Finding.pass("auth0.client-secret-post", "Auth0's token endpoint accepts client_secret_post"));
		}
		else {
			findings.add(Finding.fail(
					"auth0.client-secret-post", "Auth0's token endpoint methods " + methods
							+ " do not include client_secret_post, the only one" + " Cognito uses",
					"allow Client Secret (Post) on the Auth0 application"));
		}
	}

	private static void requiredAttributes(UserPoolType pool, IdentityProviderType idp, List<Finding> findings) {
		Map<String, String> mapping = idp.attributeMapping();
		Set<String> scopes = Set.of(String.valueOf(idp.providerDetails().get("authorize_scopes")).trim().split("\\s+"));
		if (!scopes.contains("openid")) {
			findings.add(Finding.fail("idp.scopes", "authorize_scopes " + scopes + " lack openid",
					"add openid to authorize_scopes"));
		}
		List<String> problems = new ArrayList<>();
		List<String> fixes = new ArrayList<>();
		for (String attribute : Setup.requiredAttributes(pool)) {
			String claim = mapping.get(attribute);
			if (claim == null) {
				problems.add("'" + attribute + "' is required by the pool but not mapped from any Auth0 claim");
				fixes.add("map " + attribute + " to the Auth0 claim " + attribute + " (AttributeMapping " + attribute
						+ " → " + attribute + ")");
				String scope = SCOPE_OF.get(attribute);
				if (scope != null && !scopes.contains(scope)) {
					fixes.add("request scope " + scope + " in authorize_scopes");
				}
				continue;
			}
			String scope = SCOPE_OF.get(claim);
			if (scope != null && !scopes.contains(scope)) {
				problems.add("'" + attribute + "' is mapped from claim " + claim + " but scope " + scope
						+ " is not requested");
				fixes.add("add " + scope + " to authorize_scopes");
			}
		}
		if (problems.isEmpty()) {
			findings.add(Finding.pass("idp.required-attributes", "every required attribute "
					+ Setup.requiredAttributes(pool) + " is mapped and its scope requested"));
		}
		else {
			findings.add(Finding.fail("idp.required-attributes", String.join("; ", problems)
					+ ": federated sign-in fails with \"attributes required\" (docs/emulated-behaviour.md §C7.5, §C7.6)",
					String.join("; ", fixes)));
		}
		if (mapping.containsKey("email") && !mapping.containsKey("email_verified")) {
			findings.add(Finding.warn("idp.email-verified",
					"email is mapped but email_verified is not, so every" + " federated email stays unverified",
					"map email_verified to the claim email_verified"));
		}
	}

	// IAM

	/**
	 * Says whether the account has an IAM OIDC identity provider for the Auth0 tenant,
	 * which the setup article creates and this flow does not use: Cognito calls Auth0
	 * itself (emulated-behaviour.md §S2). Never a failure.
	 */
	private void iamOidcProvider(String oidcIssuer, List<Finding> findings) {
		String tenant = host(oidcIssuer);
		String what = (tenant != null) ? "for " + tenant : "for the Auth0 tenant";
		List<String> arns;
		try {
			arns = this.iamOidcProviders.providerArns();
		}
		catch (RuntimeException ex) {
			findings.add(Finding.manual("iam.oidc-provider",
					"could not list the account's IAM OIDC identity providers (" + failure(ex)
							+ "); this sign-in needs none " + what,
					"nothing to do; to let doctor look, allow iam:ListOpenIDConnectProviders"
							+ " (docs/emulated-behaviour.md §S2)"));
			return;
		}
		List<String> unused = arns.stream()
			.filter((arn) -> tenant != null && tenant.equals(OidcProviderDirectory.host(arn)))
			.toList();
		if (unused.isEmpty()) {
			findings.add(Finding.pass("iam.oidc-provider",
					"no IAM OIDC identity provider " + what + ", and this sign-in needs none"));
		}
		else {
			findings.add(Finding.warn("iam.oidc-provider",
					"the IAM OIDC identity provider " + String.join(", ", unused)
							+ " is not used by this sign-in: the user pool calls Auth0 itself",
					"keep it only if an application exchanges Auth0 tokens with STS AssumeRoleWithWebIdentity;"
							+ " otherwise it can be deleted (docs/emulated-behaviour.md §S2)"));
		}
	}

	private static String host(String url) {
		try {
			String host = (url != null) ? URI.create(url).getHost() : null;
			return (host != null) ? host.toLowerCase(java.util.Locale.ROOT) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String failure(RuntimeException ex) {
		if (ex instanceof software.amazon.awssdk.awscore.exception.AwsServiceException service
				&& service.awsErrorDetails() != null && service.awsErrorDetails().errorCode() != null) {
			return service.awsErrorDetails().errorCode();
		}
		return ex.getClass().getSimpleName();
	}

	// Manual checks

	private static void manualChecks(String domainUrl, List<Finding> findings) {
		String domain = (domainUrl != null) ? domainUrl : "https://<prefix>.auth.<region>.amazoncognito.com";
		findings.add(Finding.manual("auth0.callback-url",
				"Auth0 application > Allowed Callback URLs must contain " + domain + "/oauth2/idpresponse",
				"add it exactly; otherwise Auth0 shows \"Callback URL mismatch\""));
		findings.add(Finding.manual("auth0.logout-url",
				"Auth0 application > Allowed Logout URLs must contain " + domain + "/logout",
				"add it; otherwise the Auth0-first logout chain stops at an Auth0 error page"));
		findings.add(Finding.manual("auth0.token-endpoint-auth-method",
				"Auth0 application > Token Endpoint Authentication Method must be \"Client Secret (Post)\"",
				"Cognito sends the secret in the body; other methods fail the code exchange with 401 access_denied"));
		findings.add(Finding.manual("auth0.signing-algorithm",
				"Auth0 application > Advanced > OAuth > JWT Signature Algorithm must be RS256",
				"HS256 ID tokens cannot be verified by Cognito"));
	}

	// HTTP

	private record Fetched(JsonNode document, String problem) {
	}

	private Fetched fetch(String url) {
		HttpRequest request;
		try {
			request = HttpRequest.newBuilder(URI.create(url))
				.timeout(TIMEOUT)
				.header("Accept", "application/json")
				.GET()
				.build();
		}
		catch (IllegalArgumentException ex) {
			return new Fetched(null, "is not a valid URL");
		}
		try {
			HttpResponse<String> response = this.http.send(request,
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			if (response.statusCode() != 200) {
				return new Fetched(null, "answers HTTP " + response.statusCode());
			}
			JsonNode document = JSON.readTree(response.body());
			if (document == null || !document.isObject()) {
				return new Fetched(null, "does not answer a JSON object");
			}
			return new Fetched(document, null);
		}
		catch (JacksonException ex) {
			return new Fetched(null, "does not answer JSON");
		}
		catch (IOException ex) {
			return new Fetched(null, "cannot be reached (" + ex.getClass().getSimpleName() + ")");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Fetched(null, "was interrupted");
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isString()) ? value.stringValue() : null;
	}

	private static List<String> strings(JsonNode node, String field) {
		JsonNode value = node.get(field);
		List<String> out = new ArrayList<>();
		if (value != null && value.isArray()) {
			value.forEach((item) -> out.add(item.asString()));
		}
		return out;
	}

	private static String stripSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}

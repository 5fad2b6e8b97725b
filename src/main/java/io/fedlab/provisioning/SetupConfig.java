package io.fedlab.provisioning;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The desired state that {@link Setup} provisions: a user pool with a domain, the OIDC
 * identity provider for Auth0, one app client and optional groups. Every optional field
 * has a default (applied by the compact constructors, so the loader and the
 * {@link #builder() builder} agree). {@link #toString()} never prints the Auth0 client
 * secret.
 *
 * @param pool the user pool and its domain
 * @param identityProvider the Auth0 OIDC identity provider
 * @param appClient the app client the web app signs in with
 * @param groups groups to create (never deleted)
 * @param app what the app itself expects (origin, issuer), for the Auth0 values and
 * {@code doctor}
 */
public record SetupConfig(Pool pool, IdentityProvider identityProvider, AppClient appClient, List<Group> groups,
		App app) {

	public SetupConfig {
		Objects.requireNonNull(pool, "pool cannot be null");
		Objects.requireNonNull(identityProvider, "identityProvider cannot be null");
		Objects.requireNonNull(appClient, "appClient cannot be null");
		groups = (groups != null) ? List.copyOf(groups) : List.of();
		app = (app != null) ? app : new App(null, null);
	}

	/**
	 * The user pool.
	 *
	 * @param name the pool name, the key {@code setup} finds the pool by
	 * @param region the AWS region
	 * @param domainPrefix the prefix of {@code <prefix>.auth.<region>.amazoncognito.com}
	 * @param requiredAttributes standard attributes marked required at creation (they can
	 * never change afterwards); default {@code [email]}
	 * @param usernameCaseSensitive {@code UsernameConfiguration.CaseSensitive}; default
	 * false (AWS's recommendation; the API default is true); fixed at creation
	 * @param domainUrl the pool domain's base URL when it is not the standard prefix
	 * domain (a custom domain, or the local emulator); null for the standard one
	 */
	public record Pool(String name, String region, String domainPrefix, List<String> requiredAttributes,
			Boolean usernameCaseSensitive, String domainUrl) {

		public Pool {
			requiredAttributes = (requiredAttributes != null) ? List.copyOf(requiredAttributes) : List.of("email");
			usernameCaseSensitive = (usernameCaseSensitive != null) ? usernameCaseSensitive : Boolean.FALSE;
			domainUrl = blankToNull(domainUrl);
			if (domainUrl != null && domainUrl.endsWith("/")) {
				domainUrl = domainUrl.substring(0, domainUrl.length() - 1);
			}
		}

		/** The base URL of the pool domain, without a trailing slash. */
		public String resolvedDomainUrl() {
			if (this.domainUrl != null) {
				return this.domainUrl;
			}
			return "https://" + this.domainPrefix + ".auth." + this.region + ".amazoncognito.com";
		}

	}

	/**
	 * The OIDC identity provider (emulated-behaviour.md §C6 "Identity providers";
	 * emulated-behaviour.md §A9).
	 *
	 * @param name the provider name, case-sensitive: the app sends it as
	 * {@code identity_provider} (emulated-behaviour.md §C7.10); default {@code Auth0}
	 * @param clientId the Auth0 application's client id
	 * @param clientSecret the Auth0 application's client secret (never printed)
	 * @param attributesRequestMethod {@code GET} or {@code POST}: how Cognito calls
	 * Auth0's userinfo; default {@code GET}
	 * @param oidcIssuer Auth0's issuer as Cognito fetches discovery from it:
	 * {@code https://TENANT} without the trailing slash (emulated-behaviour.md §A9 issuer
	 * pitfall)
	 * @param authorizeScopes space-separated; default {@code openid email profile}
	 * @param attributeMapping pool attribute to Auth0 claim; default email,
	 * email_verified, name, and username from sub
	 */
	public record IdentityProvider(String name, String clientId, String clientSecret, String attributesRequestMethod,
			String oidcIssuer, String authorizeScopes, Map<String, String> attributeMapping) {

		public static final String TYPE = "OIDC";

		public static final Map<String, String> DEFAULT_ATTRIBUTE_MAPPING = defaultMapping();

		public IdentityProvider {
			name = (blankToNull(name) != null) ? name : "Auth0";
			attributesRequestMethod = (blankToNull(attributesRequestMethod) != null)
					? attributesRequestMethod.toUpperCase(java.util.Locale.ROOT) : "GET";
			authorizeScopes = (blankToNull(authorizeScopes) != null) ? authorizeScopes.trim().replaceAll("\\s+", " ")
					: "openid email profile";
			attributeMapping = (attributeMapping != null && !attributeMapping.isEmpty())
					? java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributeMapping))
					: DEFAULT_ATTRIBUTE_MAPPING;
		}

		private static Map<String, String> defaultMapping() {
			Map<String, String> mapping = new LinkedHashMap<>();
			mapping.put("email", "email");
			mapping.put("email_verified", "email_verified");
			mapping.put("name", "name");
			mapping.put("username", "sub");
			return java.util.Collections.unmodifiableMap(mapping);
		}

		@Override
		public String toString() {
			return "IdentityProvider[name=" + this.name + ", type=" + TYPE + ", clientId=" + this.clientId
					+ ", clientSecret=" + Secrets.mask(this.clientSecret) + ", attributesRequestMethod="
					+ this.attributesRequestMethod + ", oidcIssuer=" + this.oidcIssuer + ", authorizeScopes="
					+ this.authorizeScopes + ", attributeMapping=" + this.attributeMapping + "]";
		}

	}

	/**
	 * The app client (emulated-behaviour.md §C6 "App clients").
	 *
	 * @param name the client name, the key {@code setup} finds it by
	 * @param generateSecret whether the client has a secret (fixed at creation); default
	 * true
	 * @param callbackUrls the app's exact redirect URIs (exact string match,
	 * emulated-behaviour.md §C2)
	 * @param logoutUrls the app's exact sign-out URLs ({@code logout_uri})
	 * @param scopes default {@code openid email profile aws.cognito.signin.user.admin}
	 * @param supportedIdentityProviders default: the identity provider's name
	 * @param tokenValidity access, ID and refresh token lifetimes
	 * @param enableTokenRevocation default true
	 * @param refreshTokenRotation null leaves the current setting alone
	 * @param retryGracePeriodSeconds rotation grace period, 0..60; default 0
	 */
	public record AppClient(String name, Boolean generateSecret, List<String> callbackUrls, List<String> logoutUrls,
			List<String> scopes, List<String> supportedIdentityProviders, TokenValidity tokenValidity,
			Boolean enableTokenRevocation, Boolean refreshTokenRotation, Integer retryGracePeriodSeconds) {

		public static final List<String> DEFAULT_SCOPES = List.of("openid", "email", "profile",
				"aws.cognito.signin.user.admin");

		public AppClient {
			generateSecret = (generateSecret != null) ? generateSecret : Boolean.TRUE;
			callbackUrls = (callbackUrls != null) ? List.copyOf(callbackUrls) : List.of();
			logoutUrls = (logoutUrls != null) ? List.copyOf(logoutUrls) : List.of();
			scopes = (scopes != null && !scopes.isEmpty()) ? List.copyOf(scopes) : DEFAULT_SCOPES;
			supportedIdentityProviders = (supportedIdentityProviders != null) ? List.copyOf(supportedIdentityProviders)
					: List.of();
			tokenValidity = (tokenValidity != null) ? tokenValidity : new TokenValidity(null, null, null);
			enableTokenRevocation = (enableTokenRevocation != null) ? enableTokenRevocation : Boolean.TRUE;
		}

	}

	/**
	 * Token lifetimes; defaults are Cognito's (1 h, 1 h, 30 days; emulated-behaviour.md
	 * §C4.4).
	 *
	 * @param accessToken 5 minutes to 1 day
	 * @param idToken 5 minutes to 1 day
	 * @param refreshToken 1 hour to 10 years
	 */
	public record TokenValidity(Duration accessToken, Duration idToken, Duration refreshToken) {

		public TokenValidity {
			accessToken = (accessToken != null) ? accessToken : Duration.ofHours(1);
			idToken = (idToken != null) ? idToken : Duration.ofHours(1);
			refreshToken = (refreshToken != null) ? refreshToken : Duration.ofDays(30);
		}

	}

	/**
	 * A group of the pool.
	 *
	 * @param name the group name
	 * @param description optional
	 * @param precedence optional, lower wins
	 */
	public record Group(String name, String description, Integer precedence) {

	}

	/**
	 * What the web app expects.
	 *
	 * @param origin the app's origin for Auth0's Allowed Web Origins / CORS; default: the
	 * origin of the first callback URL
	 * @param expectedIssuer the issuer the app is configured with ({@code issuer-uri});
	 * default: the pool's issuer
	 */
	public record App(String origin, String expectedIssuer) {

		public App {
			origin = blankToNull(origin);
			expectedIssuer = blankToNull(expectedIssuer);
		}

	}

	/** The supported identity providers, defaulting to the identity provider's name. */
	public List<String> supportedIdentityProviders() {
		return this.appClient.supportedIdentityProviders().isEmpty() ? List.of(this.identityProvider.name())
				: this.appClient.supportedIdentityProviders();
	}

	/**
	 * The app's origin: configured, or the first callback URL's scheme, host and port.
	 */
	public String appOrigin() {
		if (this.app.origin() != null) {
			return this.app.origin();
		}
		if (this.appClient.callbackUrls().isEmpty()) {
			return null;
		}
		return origin(this.appClient.callbackUrls().get(0));
	}

	static String origin(String url) {
		try {
			URI uri = URI.create(url);
			if (uri.getScheme() == null || uri.getHost() == null) {
				return null;
			}
			return uri.getScheme() + "://" + uri.getHost() + ((uri.getPort() != -1) ? ":" + uri.getPort() : "");
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * What is missing or invalid; empty when {@link Setup} can run with this
	 * configuration. Each entry names the config key.
	 */
	public List<String> problems() {
		List<String> problems = new ArrayList<>();
		require(problems, this.pool.name(), "pool.name");
		require(problems, this.pool.region(), "pool.region");
		require(problems, this.pool.domainPrefix(), "pool.domain-prefix");
		if (this.pool.domainPrefix() != null
				&& !this.pool.domainPrefix().matches("^[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?$")) {
			problems.add("pool.domain-prefix must be lowercase letters, digits and hyphens (1..63), not starting"
					+ " or ending with a hyphen");
		}
		require(problems, this.identityProvider.clientId(), "identity-provider.client-id");
		require(problems, this.identityProvider.clientSecret(), "identity-provider.client-secret");
		require(problems, this.identityProvider.oidcIssuer(), "identity-provider.oidc-issuer");
		if (!List.of("GET", "POST").contains(this.identityProvider.attributesRequestMethod())) {
			problems.add("identity-provider.attributes-request-method must be GET or POST");
		}
		if (!List.of(this.identityProvider.authorizeScopes().split(" ")).contains("openid")) {
			problems.add("identity-provider.authorize-scopes must include openid");
		}
		require(problems, this.appClient.name(), "app-client.name");
		if (this.appClient.callbackUrls().isEmpty()) {
			problems.add("app-client.callback-urls must list the app's redirect URI(s)");
		}
		Integer grace = this.appClient.retryGracePeriodSeconds();
		if (grace != null && (grace < 0 || grace > 60)) {
			problems.add("app-client.retry-grace-period-seconds must be 0..60");
		}
		for (Group group : this.groups) {
			require(problems, group.name(), "groups[].name");
		}
		return problems;
	}

	private static void require(List<String> problems, String value, String key) {
		if (blankToNull(value) == null) {
			problems.add(key + " is required");
		}
	}

	static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	public static Builder builder() {
		return new Builder();
	}

	/** A fluent way to build a configuration in code (the local stack uses it). */
	public static final class Builder {

		private String poolName;

		private String region;

		private String domainPrefix;

		private List<String> requiredAttributes;

		private Boolean usernameCaseSensitive;

		private String domainUrl;

		private String idpName;

		private String idpClientId;

		private String idpClientSecret;

		private String attributesRequestMethod;

		private String oidcIssuer;

		private String authorizeScopes;

		private Map<String, String> attributeMapping;

		private String clientName;

		private Boolean generateSecret;

		private List<String> callbackUrls;

		private List<String> logoutUrls;

		private List<String> scopes;

		private List<String> supportedIdentityProviders;

		private TokenValidity tokenValidity;

		private Boolean enableTokenRevocation;

		private Boolean refreshTokenRotation;

		private Integer retryGracePeriodSeconds;

		private final List<Group> groups = new ArrayList<>();

		private String appOrigin;

		private String expectedIssuer;

		private Builder() {
		}

		public Builder poolName(String poolName) {
			this.poolName = poolName;
			return this;
		}

		public Builder region(String region) {
			this.region = region;
			return this;
		}

		public Builder domainPrefix(String domainPrefix) {
			this.domainPrefix = domainPrefix;
			return this;
		}

		public Builder requiredAttributes(List<String> requiredAttributes) {
			this.requiredAttributes = requiredAttributes;
			return this;
		}

		public Builder usernameCaseSensitive(boolean usernameCaseSensitive) {
			this.usernameCaseSensitive = usernameCaseSensitive;
			return this;
		}

		/** The pool domain's base URL when it is not the standard prefix domain. */
		public Builder domainUrl(String domainUrl) {
			this.domainUrl = domainUrl;
			return this;
		}

		public Builder identityProviderName(String name) {
			this.idpName = name;
			return this;
		}

		public Builder auth0ClientId(String clientId) {
			this.idpClientId = clientId;
			return this;
		}

		public Builder auth0ClientSecret(String clientSecret) {
			this.idpClientSecret = clientSecret;
			return this;
		}

		public Builder attributesRequestMethod(String method) {
			this.attributesRequestMethod = method;
			return this;
		}

		public Builder oidcIssuer(String oidcIssuer) {
			this.oidcIssuer = oidcIssuer;
			return this;
		}

		public Builder authorizeScopes(String authorizeScopes) {
			this.authorizeScopes = authorizeScopes;
			return this;
		}

		public Builder attributeMapping(Map<String, String> attributeMapping) {
			this.attributeMapping = attributeMapping;
			return this;
		}

		public Builder clientName(String clientName) {
			this.clientName = clientName;
			return this;
		}

		public Builder generateSecret(boolean generateSecret) {
			this.generateSecret = generateSecret;
			return this;
		}

		public Builder callbackUrls(List<String> callbackUrls) {
			this.callbackUrls = callbackUrls;
			return this;
		}

		public Builder logoutUrls(List<String> logoutUrls) {
			this.logoutUrls = logoutUrls;
			return this;
		}

		public Builder scopes(List<String> scopes) {
			this.scopes = scopes;
			return this;
		}

		public Builder supportedIdentityProviders(List<String> names) {
			this.supportedIdentityProviders = names;
			return this;
		}

		public Builder tokenValidity(Duration accessToken, Duration idToken, Duration refreshToken) {
			this.tokenValidity = new TokenValidity(accessToken, idToken, refreshToken);
			return this;
		}

		public Builder enableTokenRevocation(boolean enable) {
			this.enableTokenRevocation = enable;
			return this;
		}

		public Builder refreshTokenRotation(Boolean rotation, Integer retryGracePeriodSeconds) {
			this.refreshTokenRotation = rotation;
			this.retryGracePeriodSeconds = retryGracePeriodSeconds;
			return this;
		}

		public Builder group(String name, String description, Integer precedence) {
			this.groups.add(new Group(name, description, precedence));
			return this;
		}

		public Builder appOrigin(String origin) {
			this.appOrigin = origin;
			return this;
		}

		public Builder expectedIssuer(String expectedIssuer) {
			this.expectedIssuer = expectedIssuer;
			return this;
		}

		public SetupConfig build() {
			return new SetupConfig(
					new Pool(this.poolName, this.region, this.domainPrefix, this.requiredAttributes,
							this.usernameCaseSensitive, this.domainUrl),
					new IdentityProvider(this.idpName, this.idpClientId, this.idpClientSecret,
							this.attributesRequestMethod, this.oidcIssuer, this.authorizeScopes, this.attributeMapping),
					new AppClient(this.clientName, this.generateSecret, this.callbackUrls, this.logoutUrls, this.scopes,
							this.supportedIdentityProviders, this.tokenValidity, this.enableTokenRevocation,
							this.refreshTokenRotation, this.retryGracePeriodSeconds),
					this.groups, new App(this.appOrigin, this.expectedIssuer));
		}

	}

}

package io.fedlab.localidp.auth0;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * One application of the local Auth0 tenant, with the settings that decide how Auth0
 * treats its requests (emulated-behaviour.md §A8).
 *
 * @param name the application's display name (shown on the login page)
 * @param clientId the client id
 * @param clientSecret the client secret ({@code null} or unused for method {@code none})
 * @param tokenEndpointAuthMethod {@code client_secret_post}, {@code client_secret_basic}
 * or {@code none}; enforced at {@code /oauth/token}, a mismatch answers 401
 * {@code access_denied} (emulated-behaviour.md §A3, §A8)
 * @param callbackUrls Allowed Callback URLs, matched exactly against {@code redirect_uri}
 * @param allowedLogoutUrls Allowed Logout URLs of the application ({@code /v2/logout}
 * with {@code client_id}, {@code /oidc/logout})
 * @param initiateLoginUri the Application Login URI, or {@code null}; used when a login
 * must restart without context (bookmarked login page, expired transaction); see
 * {@link #acceptsLoginUri(String)}
 */
public record Auth0Application(String name, String clientId, String clientSecret, String tokenEndpointAuthMethod,
		List<String> callbackUrls, List<String> allowedLogoutUrls, String initiateLoginUri) {

	/** The token endpoint authentication methods this emulator knows. */
	public static final List<String> AUTH_METHODS = List.of("client_secret_post", "client_secret_basic", "none");

	public Auth0Application {
		if (clientId == null || clientId.isBlank()) {
			throw new IllegalArgumentException("An Auth0 application needs a client id");
		}
		if (!AUTH_METHODS.contains(tokenEndpointAuthMethod)) {
			throw new IllegalArgumentException(
					"Unknown token endpoint auth method '" + tokenEndpointAuthMethod + "'; use one of " + AUTH_METHODS);
		}
		if (!"none".equals(tokenEndpointAuthMethod) && (clientSecret == null || clientSecret.isEmpty())) {
			throw new IllegalArgumentException("Application " + clientId + " authenticates with "
					+ tokenEndpointAuthMethod + " and so needs a client secret");
		}
		if (initiateLoginUri != null && !acceptsLoginUri(initiateLoginUri)) {
			throw new IllegalArgumentException("Application " + clientId
					+ ": the Application Login URI must be https (http only on a loopback host), not "
					+ initiateLoginUri);
		}
		name = (name != null) ? name : clientId;
		callbackUrls = (callbackUrls != null) ? List.copyOf(callbackUrls) : List.of();
		allowedLogoutUrls = (allowedLogoutUrls != null) ? List.copyOf(allowedLogoutUrls) : List.of();
	}

	/**
	 * Whether the dashboard would take {@code uri} as Application Login URI. Auth0 takes
	 * only https and not localhost (emulated-behaviour.md §A8, §A11 fact 10). The local
	 * stack's app runs on {@code http://localhost}, so this tenant also takes http or
	 * https on a loopback host, the one deviation (docs/reference-facts.md); every other
	 * host needs https.
	 */
	public static boolean acceptsLoginUri(String uri) {
		try {
			URI parsed = new URI(uri);
			String host = parsed.getHost();
			if (host == null) {
				return false;
			}
			boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
			return "https".equalsIgnoreCase(parsed.getScheme())
					|| (loopback && "http".equalsIgnoreCase(parsed.getScheme()));
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	/** Confidential clients authenticate at the token endpoint. */
	public boolean confidential() {
		return !"none".equals(this.tokenEndpointAuthMethod);
	}

	/** Never prints the secret. */
	@Override
	public String toString() {
		return "Auth0Application[name=" + this.name + ", clientId=" + this.clientId + ", tokenEndpointAuthMethod="
				+ this.tokenEndpointAuthMethod + ", callbackUrls=" + this.callbackUrls + ", allowedLogoutUrls="
				+ this.allowedLogoutUrls + ", initiateLoginUri=" + this.initiateLoginUri + "]";
	}

}

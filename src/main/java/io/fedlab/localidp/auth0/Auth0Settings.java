package io.fedlab.localidp.auth0;

import java.nio.file.Path;
import java.util.List;

/**
 * The local Auth0 tenant's configuration.
 *
 * @param issuer the issuer, with the trailing slash Auth0 always has
 * (docs/emulated-behaviour.md §A1), e.g. {@code http://localhost:9240/}
 * @param dataDir where the signing keys ({@code auth0-signing.jwks.json}) and the access
 * token key ({@code auth0-access-token.key}) are kept; {@code null} keeps them in memory
 * @param applications the tenant's applications
 * @param users the database connection's users
 * @param tenantAllowedLogoutUrls the tenant-level Allowed Logout URLs (Settings &gt;
 * Advanced), used by {@code /v2/logout} without {@code client_id}
 */
public record Auth0Settings(String issuer, Path dataDir, List<Auth0Application> applications, List<Auth0User> users,
		List<String> tenantAllowedLogoutUrls) {

	public Auth0Settings {
		if (issuer == null || !issuer.endsWith("/")
				|| !(issuer.startsWith("http://") || issuer.startsWith("https://"))) {
			throw new IllegalArgumentException(
					"The Auth0 issuer is an http(s) URL ending with '/' (docs/emulated-behaviour.md §A1), not "
							+ issuer);
		}
		applications = (applications != null) ? List.copyOf(applications) : List.of();
		users = (users != null) ? List.copyOf(users) : List.of();
		tenantAllowedLogoutUrls = (tenantAllowedLogoutUrls != null) ? List.copyOf(tenantAllowedLogoutUrls) : List.of();
	}

}

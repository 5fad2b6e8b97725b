package io.fedlab.localidp.cognito.state;

import java.time.Instant;
import java.util.List;

/**
 * An app client of a user pool, as {@code DescribeUserPoolClient} returns it. Immutable:
 * an update replaces the whole record, which is also how {@code UpdateUserPoolClient}
 * behaves (every omitted field is reset to its default).
 *
 * <p>
 * Token validities are kept as the API gives them, counted in {@code tokenValidityUnits}
 * (defaults: 1 hour, 1 hour, 30 days).
 */
public record AppClient(String userPoolId, String clientId, String clientName, String clientSecret,
		Instant creationDate, Instant lastModifiedDate, List<String> callbackUrls, List<String> logoutUrls,
		String defaultRedirectUri, List<String> allowedOAuthFlows, List<String> allowedOAuthScopes,
		boolean allowedOAuthFlowsUserPoolClient, List<String> supportedIdentityProviders,
		List<String> explicitAuthFlows, int accessTokenValidity, int idTokenValidity, int refreshTokenValidity,
		TokenValidityUnits tokenValidityUnits, List<String> readAttributes, List<String> writeAttributes,
		boolean enableTokenRevocation, String preventUserExistenceErrors, boolean refreshTokenRotation,
		int retryGracePeriodSeconds, int authSessionValidity) {

	/** Units of the three validities, as in the API's {@code TokenValidityUnits}. */
	public record TokenValidityUnits(String accessToken, String idToken, String refreshToken) {

		public static final TokenValidityUnits DEFAULT = new TokenValidityUnits("hours", "hours", "days");

	}

	public boolean hasSecret() {
		return this.clientSecret != null;
	}

	public long accessTokenSeconds() {
		return seconds(this.accessTokenValidity, this.tokenValidityUnits.accessToken());
	}

	public long idTokenSeconds() {
		return seconds(this.idTokenValidity, this.tokenValidityUnits.idToken());
	}

	public long refreshTokenSeconds() {
		// A refresh-token validity of 0 means the default, 30 days.
		return (this.refreshTokenValidity == 0) ? 30L * 86400
				: seconds(this.refreshTokenValidity, this.tokenValidityUnits.refreshToken());
	}

	private static long seconds(int value, String unit) {
		return switch (unit) {
			case "seconds" -> value;
			case "minutes" -> value * 60L;
			case "days" -> value * 86400L;
			default -> value * 3600L;
		};
	}

}

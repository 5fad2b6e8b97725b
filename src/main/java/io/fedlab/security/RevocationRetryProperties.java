package io.fedlab.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * How a refresh-token revocation that failed at logout is retried
 * ({@code app.logout.revocation-retry.*}, docs/configuration.md).
 *
 * @param initialBackOff the wait before the first retry; it doubles after each failure
 * @param maxBackOff the longest wait between two attempts
 * @param giveUpAfter how long after logout the app stops trying: the refresh token's
 * lifetime, which the app cannot read from the opaque token (the app client's "refresh
 * token expiration", 30 days by default)
 * @param checkInterval how often the retry looks for due revocations
 * @param lease how long one instance holds a revocation it is trying before another may
 * take it over; longer than one call to {@code /oauth2/revoke} can last
 */
@ConfigurationProperties("app.logout.revocation-retry")
public record RevocationRetryProperties(@DefaultValue("10s") Duration initialBackOff,
		@DefaultValue("10m") Duration maxBackOff, @DefaultValue("30d") Duration giveUpAfter,
		@DefaultValue("5s") Duration checkInterval, @DefaultValue("1m") Duration lease) {

	public RevocationRetryProperties {
		Assert.isTrue(positive(initialBackOff), "app.logout.revocation-retry.initial-back-off must be positive");
		Assert.isTrue(maxBackOff.compareTo(initialBackOff) >= 0,
				"app.logout.revocation-retry.max-back-off must not be shorter than initial-back-off");
		Assert.isTrue(positive(giveUpAfter), "app.logout.revocation-retry.give-up-after must be positive");
		Assert.isTrue(positive(checkInterval), "app.logout.revocation-retry.check-interval must be positive");
		Assert.isTrue(positive(lease), "app.logout.revocation-retry.lease must be positive");
	}

	private static boolean positive(Duration duration) {
		return !duration.isNegative() && !duration.isZero();
	}

}

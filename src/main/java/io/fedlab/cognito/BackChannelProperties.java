package io.fedlab.cognito;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on the app's own calls to Cognito ({@code app.back-channel.*}): the token and
 * refresh calls, userInfo, the key set, {@code GetUser} and revocation
 * (docs/configuration.md).
 *
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer once connected
 * @param maxConcurrentCalls how many calls to Cognito may be waiting at once, across all
 * hops; a call beyond it fails at once instead of holding a request thread, so a slow
 * Cognito cannot stall the pages that do not need it
 */
@ConfigurationProperties("app.back-channel")
public record BackChannelProperties(@DefaultValue("2s") Duration connectTimeout,
		@DefaultValue("5s") Duration readTimeout, @DefaultValue("64") int maxConcurrentCalls) {

	/**
	 * The longest a single call can take: connecting, then waiting for the answer.
	 * @return the connect and read timeouts added
	 */
	public Duration callTimeout() {
		return this.connectTimeout.plus(this.readTimeout);
	}

}

package io.fedlab.localidp.cognito.state;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CognitoStoreTests {

	private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	private CognitoStore store;

	private UserPool pool;

	@BeforeEach
	void createStore() {
		this.store = new CognitoStore("eu-west-1", "123456789012", IdGenerator.random());
		this.pool = this.store.createPool(new UserPool.Settings("eu-west-1_test", "fedlab",
				"arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_test", T0, T0, List.of(), false,
				List.of("email"), List.of("email"), List.of(), "OFF", "INACTIVE", false, "ESSENTIALS", Map.of()));
	}

	@Test
	void revokeOriginWhenEveryTokenOfTheFamilyExpiredThenForgotten() {
		this.store.putClient(this.pool, client(30));
		this.store.revokeOrigin("family-1", "client", T0);
		this.store.revokeOrigin("family-2", "client", T0.plus(Duration.ofDays(29)));
		assertThat(this.store.isOriginRevoked("family-1")).isTrue();
		// 30 days (the refresh-token validity) later every token of family-1 has expired.
		this.store.revokeOrigin("family-3", "client", T0.plus(Duration.ofDays(30)).plusSeconds(60));
		assertThat(this.store.isOriginRevoked("family-1")).isFalse();
		assertThat(this.store.isOriginRevoked("family-2")).isTrue();
		assertThat(this.store.isOriginRevoked("family-3")).isTrue();
		assertThat(this.store.revokedOriginCount()).isEqualTo(2);
	}

	@Test
	void revokeOriginWhenValidityShortenedLaterThenRememberedForTheLongest() {
		// Tokens issued under 30 days keep their exp after the client moves to 1 day.
		this.store.putClient(this.pool, client(30));
		this.store.putClient(this.pool, client(1));
		this.store.revokeOrigin("family-1", "client", T0);
		this.store.revokeOrigin("family-2", "client", T0.plus(Duration.ofDays(2)));
		assertThat(this.store.isOriginRevoked("family-1")).isTrue();
	}

	@Test
	void revokeOriginWhenClientUnknownThenRememberedForTheLongestValidityCognitoAllows() {
		this.store.revokeOrigin("family-1", "deleted-client", T0);
		this.store.revokeOrigin("family-2", "deleted-client", T0.plus(Duration.ofDays(3000)));
		assertThat(this.store.isOriginRevoked("family-1")).isTrue();
	}

	private static AppClient client(int refreshDays) {
		return new AppClient("eu-west-1_test", "client", "app", "secret", T0, T0, List.of("http://localhost/cb"),
				List.of(), null, List.of("code"), List.of("openid"), true, List.of("COGNITO"), List.of(), 60, 60,
				refreshDays, new AppClient.TokenValidityUnits("minutes", "minutes", "days"), List.of(), List.of(), true,
				"ENABLED", false, 0, 3);
	}

}

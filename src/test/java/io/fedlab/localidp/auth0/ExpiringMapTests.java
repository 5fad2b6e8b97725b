package io.fedlab.localidp.auth0;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.fedlab.localidp.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class ExpiringMapTests {

	private final MutableClock clock = new MutableClock();

	@Test
	void getWhenExpiredThenNullAndSwept() {
		ExpiringMap<String> map = new ExpiringMap<>(this.clock, 10);
		map.put("a", "1", this.clock.instant().plusSeconds(60));

		assertThat(map.get("a")).isEqualTo("1");
		this.clock.advance(Duration.ofSeconds(61));
		assertThat(map.get("a")).isNull();
		assertThat(map.size()).isZero();
	}

	@Test
	void takeWhenCalledTwiceThenSecondIsNull() {
		ExpiringMap<String> map = new ExpiringMap<>(this.clock, 10);
		map.put("a", "1", this.clock.instant().plusSeconds(60));

		assertThat(map.take("a")).isEqualTo("1");
		assertThat(map.take("a")).isNull();
	}

	@Test
	void putWhenFullThenEntryClosestToExpiryMakesRoom() {
		ExpiringMap<String> map = new ExpiringMap<>(this.clock, 3);
		for (int i = 0; i < 5; i++) {
			map.put("k" + i, "v" + i, this.clock.instant().plusSeconds(100 + i));
		}

		assertThat(map.size()).isEqualTo(3);
		assertThat(map.get("k0")).isNull();
		assertThat(map.get("k1")).isNull();
		assertThat(map.get("k4")).isEqualTo("v4");
	}

}

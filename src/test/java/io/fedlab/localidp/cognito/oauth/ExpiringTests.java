package io.fedlab.localidp.cognito.oauth;

import java.time.Duration;
import java.time.Instant;

import io.fedlab.support.SteppedClock;
import org.junit.jupiter.api.Test;

import io.fedlab.localidp.http.HttpProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ExpiringTests {

	@Test
	void getWhenTimeToLivePassedThenGone() {
		SteppedClock clock = new SteppedClock(Instant.parse("2026-01-01T00:00:00Z"));
		Expiring<String> codes = new Expiring<>(HostedUiDispatcher.CODE_TTL, 10, clock);
		codes.put("code", "value");
		clock.advance(Duration.ofMinutes(4).plusSeconds(59));
		assertThat(codes.get("code")).isEqualTo("value");
		// Codes live 5 minutes (emulated-behaviour.md §C1.2).
		clock.advance(Duration.ofSeconds(1));
		assertThat(codes.get("code")).isNull();
		assertThat(codes.size()).isZero();
	}

	@Test
	void takeWhenCalledTwiceThenSecondIsNull() {
		Expiring<String> codes = new Expiring<>(Duration.ofMinutes(5), 10,
				new SteppedClock(Instant.parse("2026-01-01T00:00:00Z")));
		codes.put("code", "value");
		assertThat(codes.take("code")).isEqualTo("value");
		assertThat(codes.take("code")).isNull();
	}

	@Test
	void putWhenFullOfLiveEntriesThenRefusedAndWhenExpiredThenSwept() {
		SteppedClock clock = new SteppedClock(Instant.parse("2026-01-01T00:00:00Z"));
		Expiring<String> map = new Expiring<>(Duration.ofMinutes(5), 2, clock);
		map.put("a", "1");
		map.put("b", "2");
		assertThatExceptionOfType(HttpProblem.class).isThrownBy(() -> map.put("c", "3"));
		clock.advance(Duration.ofMinutes(6));
		map.put("c", "3");
		assertThat(map.size()).isEqualTo(1);
	}

	@Test
	void putWhenOwnTimeToLiveThenHonoured() {
		SteppedClock clock = new SteppedClock(Instant.parse("2026-01-01T00:00:00Z"));
		Expiring<String> map = new Expiring<>(Duration.ofMinutes(5), 10, clock);
		map.put("long", "x", Duration.ofDays(30));
		clock.advance(Duration.ofDays(29));
		assertThat(map.get("long")).isEqualTo("x");
	}

}

package io.fedlab.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ClientMistakesTests {

	@Test
	void recordWhenAFloodComesThenOneLineAMinuteWithTheCount(CapturedOutput output) {
		SteppedClock clock = new SteppedClock();
		ClientMistakes mistakes = new ClientMistakes(clock);
		mistakes.record("malformed query string or form body");
		for (int i = 0; i < 999; i++) {
			mistakes.record("malformed query string or form body");
		}
		assertThat(lines(output)).isEqualTo(1);
		assertThat(output.getAll()).contains("Rejected 1 request(s) with 400");

		clock.now = clock.now.plus(ClientMistakes.INTERVAL);
		mistakes.record("malformed query string or form body");
		assertThat(lines(output)).isEqualTo(2);
		assertThat(output.getAll()).contains("Rejected 1000 request(s) with 400");
	}

	private static long lines(CapturedOutput output) {
		return output.getAll().lines().filter((line) -> line.contains("ClientMistakes")).count();
	}

	static final class SteppedClock extends Clock {

		Instant now = Instant.parse("2026-01-01T00:00:00Z");

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}

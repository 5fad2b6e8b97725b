package io.fedlab.system;

import java.time.Instant;

import io.fedlab.support.SteppedClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ClientMistakesTests {

	@Test
	void recordWhenAFloodComesThenOneLineAMinuteWithTheCount(CapturedOutput output) {
		SteppedClock clock = new SteppedClock(Instant.parse("2026-01-01T00:00:00Z"));
		ClientMistakes mistakes = new ClientMistakes(clock);
		mistakes.record("malformed query string or form body");
		for (int i = 0; i < 999; i++) {
			mistakes.record("malformed query string or form body");
		}
		assertThat(lines(output)).isEqualTo(1);
		assertThat(output.getAll()).contains("Rejected 1 request(s) with 400");

		clock.advance(ClientMistakes.INTERVAL);
		mistakes.record("malformed query string or form body");
		assertThat(lines(output)).isEqualTo(2);
		assertThat(output.getAll()).contains("Rejected 1000 request(s) with 400");
	}

	private static long lines(CapturedOutput output) {
		return output.getAll().lines().filter((line) -> line.contains("ClientMistakes")).count();
	}

}

package io.fedlab.account;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Readable times: an absolute UTC time and a compact duration ({@code 59m 12s},
 * {@code 29d 23h}).
 */
final class Durations {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	private Durations() {
	}

	static String time(Instant instant) {
		return TIME.format(instant);
	}

	static String compact(Duration duration) {
		Duration positive = duration.abs();
		long days = positive.toDays();
		long hours = positive.toHoursPart();
		long minutes = positive.toMinutesPart();
		long seconds = positive.toSecondsPart();
		if (days > 0) {
			return days + "d " + hours + "h";
		}
		if (hours > 0) {
			return hours + "h " + String.format("%02dm", minutes);
		}
		if (minutes > 0) {
			return minutes + "m " + String.format("%02ds", seconds);
		}
		return seconds + "s";
	}

}

package io.fedlab.system;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs clients' malformed requests as counts: the first at once, then at most one line a
 * minute with how many came since. A flood of bad requests is the client's business and
 * must not flood the log; the values are never logged (they may carry anything).
 */
final class ClientMistakes {

	private static final Logger logger = LoggerFactory.getLogger(ClientMistakes.class);

	static final Duration INTERVAL = Duration.ofMinutes(1);

	private final Clock clock;

	private final AtomicLong unreported = new AtomicLong();

	private final AtomicLong lastReport = new AtomicLong(Long.MIN_VALUE);

	ClientMistakes(Clock clock) {
		this.clock = clock;
	}

	void record(String kind) {
		this.unreported.incrementAndGet();
		long now = this.clock.millis();
		long last = this.lastReport.get();
		if ((last == Long.MIN_VALUE || now - last >= INTERVAL.toMillis()) && this.lastReport.compareAndSet(last, now)) {
			long count = this.unreported.getAndSet(0);
			logger.warn("Rejected {} request(s) with 400 since the last report: {}", count, kind);
		}
	}

}

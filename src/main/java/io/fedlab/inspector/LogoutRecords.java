package io.fedlab.inspector;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Finished logout records, kept in memory for {@link #TIME_TO_LIVE} under a random
 * 256-bit id that only the browser that logged out holds (in the HttpOnly
 * {@value #COOKIE} cookie). At most {@value #MAX} records: the oldest go first. Nothing
 * here survives a restart, and nothing needs to.
 */
final class LogoutRecords {

	static final String COOKIE = "FEDLAB_LOGOUT_FLOW";

	static final Duration TIME_TO_LIVE = Duration.ofMinutes(5);

	static final int MAX = 200;

	private final SecureRandom random = new SecureRandom();

	private final Clock clock;

	private final Map<String, Entry> records = new LinkedHashMap<>();

	LogoutRecords(Clock clock) {
		this.clock = clock;
	}

	String newId() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	synchronized void put(String id, FlowRecord record) {
		expire();
		while (this.records.size() >= MAX) {
			Iterator<String> oldest = this.records.keySet().iterator();
			oldest.next();
			oldest.remove();
		}
		this.records.put(id, new Entry(record, this.clock.millis() + TIME_TO_LIVE.toMillis()));
	}

	synchronized FlowRecord get(String id) {
		expire();
		Entry entry = (id != null) ? this.records.get(id) : null;
		return (entry != null) ? entry.record() : null;
	}

	/**
	 * Replaces the record kept under this id with its changed copy, keeping its expiry;
	 * nothing if there is none.
	 */
	synchronized void change(String id, UnaryOperator<FlowRecord> change) {
		expire();
		Entry entry = (id != null) ? this.records.get(id) : null;
		if (entry != null) {
			this.records.put(id, new Entry(change.apply(entry.record()), entry.expires()));
		}
	}

	synchronized int size() {
		expire();
		return this.records.size();
	}

	private void expire() {
		long now = this.clock.millis();
		this.records.values().removeIf((entry) -> entry.expires() <= now);
	}

	private record Entry(FlowRecord record, long expires) {
	}

}

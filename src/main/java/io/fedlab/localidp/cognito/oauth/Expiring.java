package io.fedlab.localidp.cognito.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.fedlab.localidp.http.HttpProblem;
import io.fedlab.localidp.http.Responses;

/**
 * A bounded map whose entries die after a fixed time: the hosted UI's sessions, codes and
 * federation transactions. Expired entries are never returned and are swept on writes, so
 * memory stays bounded however many flows are abandoned half-way.
 */
final class Expiring<V> {

	private static final Duration SWEEP_EVERY = Duration.ofSeconds(30);

	private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();

	private final Duration ttl;

	private final int capacity;

	private final Clock clock;

	private volatile Instant lastSweep;

	Expiring(Duration ttl, int capacity, Clock clock) {
		this.ttl = ttl;
		this.capacity = capacity;
		this.clock = clock;
		this.lastSweep = clock.instant();
	}

	Duration ttl() {
		return this.ttl;
	}

	/** Stores a value for the map's time to live; refuses when the map is full. */
	void put(String key, V value) {
		put(key, value, this.ttl);
	}

	/** Stores a value for {@code ttl}; refuses when the map is full. */
	void put(String key, V value, Duration ttl) {
		Instant now = this.clock.instant();
		if (this.entries.size() >= this.capacity || now.isAfter(this.lastSweep.plus(SWEEP_EVERY))) {
			sweep();
		}
		if (this.entries.size() >= this.capacity) {
			// Refuse rather than grow: a flood of abandoned flows must not exhaust
			// memory.
			throw new HttpProblem(Responses.text(503, "Too many sign-ins in progress, try again later"));
		}
		this.entries.put(key, new Entry<>(value, now.plus(ttl)));
	}

	/** The live value, or {@code null}. */
	V get(String key) {
		if (key == null) {
			return null;
		}
		Entry<V> entry = this.entries.get(key);
		if (entry == null) {
			return null;
		}
		if (!this.clock.instant().isBefore(entry.expires())) {
			this.entries.remove(key, entry);
			return null;
		}
		return entry.value();
	}

	/** Removes and returns the live value (single use), or {@code null}. */
	V take(String key) {
		if (key == null) {
			return null;
		}
		Entry<V> entry = this.entries.remove(key);
		if (entry == null || !this.clock.instant().isBefore(entry.expires())) {
			return null;
		}
		return entry.value();
	}

	void remove(String key) {
		if (key != null) {
			this.entries.remove(key);
		}
	}

	/** The number of live entries (sweeps first). */
	int size() {
		sweep();
		return this.entries.size();
	}

	void sweep() {
		Instant now = this.clock.instant();
		this.lastSweep = now;
		this.entries.values().removeIf((e) -> !now.isBefore(e.expires()));
	}

	private record Entry<V>(V value, Instant expires) {
	}

}

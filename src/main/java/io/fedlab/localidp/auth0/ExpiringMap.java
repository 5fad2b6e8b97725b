package io.fedlab.localidp.auth0;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A bounded map whose entries expire: expired entries are invisible at once and swept on
 * access (at most once a second); when the map is full, the entry closest to expiry makes
 * room. It keeps codes, login transactions and sessions from growing without limit.
 */
final class ExpiringMap<V> {

	private final Clock clock;

	private final int maxEntries;

	private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();

	private volatile Instant lastSweep = Instant.EPOCH;

	ExpiringMap(Clock clock, int maxEntries) {
		this.clock = clock;
		this.maxEntries = maxEntries;
	}

	void put(String key, V value, Instant expiresAt) {
		sweep(true);
		synchronized (this) {
			while (this.entries.size() >= this.maxEntries) {
				this.entries.entrySet()
					.stream()
					.min(Comparator.comparing((Map.Entry<String, Entry<V>> e) -> e.getValue().expiresAt()))
					.ifPresent((e) -> this.entries.remove(e.getKey()));
			}
			this.entries.put(key, new Entry<>(value, expiresAt));
		}
	}

	/** The live value, or {@code null}. */
	V get(String key) {
		if (key == null) {
			return null;
		}
		sweep(false);
		Entry<V> entry = this.entries.get(key);
		return (entry != null && live(entry)) ? entry.value() : null;
	}

	/** Removes and returns the live value, or {@code null}: single use. */
	V take(String key) {
		if (key == null) {
			return null;
		}
		sweep(false);
		Entry<V> entry = this.entries.remove(key);
		return (entry != null && live(entry)) ? entry.value() : null;
	}

	/** Replaces a live value and its expiry, if still present. */
	void update(String key, Function<V, V> change, Instant expiresAt) {
		this.entries.computeIfPresent(key, (k, e) -> live(e) ? new Entry<>(change.apply(e.value()), expiresAt) : null);
	}

	void remove(String key) {
		if (key != null) {
			this.entries.remove(key);
		}
	}

	int size() {
		sweep(true);
		return this.entries.size();
	}

	private boolean live(Entry<V> entry) {
		return this.clock.instant().isBefore(entry.expiresAt());
	}

	private void sweep(boolean force) {
		Instant now = this.clock.instant();
		if (!force && now.isBefore(this.lastSweep.plusSeconds(1))) {
			return;
		}
		this.lastSweep = now;
		this.entries.values().removeIf((e) -> !now.isBefore(e.expiresAt()));
	}

	private record Entry<V>(V value, Instant expiresAt) {
	}

}

package io.fedlab.localidp.http;

import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * An emulator's request journal, newest first, that keeps at most {@code maxEntries}
 * entries by dropping the oldest as each one is added. WireMock's own bound
 * ({@code maxRequestJournalEntries}) counts the whole journal through a stream on every
 * request, and its {@code put} searches the deque: with a journal of thousands of entries
 * that was the largest single cost of an emulated request. Here both are constant time.
 * Otherwise the same as WireMock's in-memory store: the admin API
 * ({@code /__admin/requests}) reads it through {@link #getAll()}.
 */
final class BoundedRequestJournalStore implements com.github.tomakehurst.wiremock.store.RequestJournalStore {

	private final int maxEntries;

	/** Ids, newest first. */
	private final Deque<UUID> order = new ConcurrentLinkedDeque<>();

	private final Map<UUID, ServeEvent> events = new ConcurrentHashMap<>();

	BoundedRequestJournalStore(int maxEntries) {
		this.maxEntries = maxEntries;
	}

	@Override
	public void add(ServeEvent event) {
		this.events.put(event.getId(), event);
		this.order.addFirst(event.getId());
		while (this.events.size() > this.maxEntries && !this.order.isEmpty()) {
			removeLast();
		}
	}

	@Override
	public Stream<ServeEvent> getAll() {
		return this.order.stream().map(this.events::get).filter(Objects::nonNull);
	}

	@Override
	public void removeLast() {
		UUID oldest = this.order.pollLast();
		if (oldest != null) {
			this.events.remove(oldest);
		}
	}

	@Override
	public Stream<UUID> getAllKeys() {
		return getAll().map(ServeEvent::getId);
	}

	@Override
	public Optional<ServeEvent> get(UUID id) {
		return Optional.ofNullable(this.events.get(id));
	}

	/**
	 * Updates a journalled event (WireMock does when the response is done); never adds.
	 */
	@Override
	public void put(UUID id, ServeEvent event) {
		this.events.replace(id, event);
	}

	@Override
	public void remove(UUID id) {
		this.events.remove(id);
		this.order.remove(id);
	}

	@Override
	public void clear() {
		this.order.clear();
		this.events.clear();
	}

	int size() {
		return this.events.size();
	}

}

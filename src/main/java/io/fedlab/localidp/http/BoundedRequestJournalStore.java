package io.fedlab.localidp.http;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.common.url.PathParams;
import com.github.tomakehurst.wiremock.http.ContentTypeHeader;
import com.github.tomakehurst.wiremock.http.Cookie;
import com.github.tomakehurst.wiremock.http.FormParameter;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * An emulator's request journal, newest first, bounded in entries and in bytes: the
 * oldest entries are dropped as each one is added until at most {@code maxEntries}
 * entries and {@code maxBytes} counted bytes remain. A request body longer than
 * {@code maxBodyBytes} is kept as its first {@code maxBodyBytes} bytes followed by the
 * marker {@code …[truncated, N bytes]} (N the whole body's length), so the admin API and
 * the flow inspector show it as truncated; the full body is never retained.
 *
 * <p>
 * WireMock's own bound ({@code maxRequestJournalEntries}) counts the whole journal
 * through a stream on every request, and its {@code put} searches the deque: here both
 * are constant time. Otherwise the same as WireMock's in-memory store: the admin API
 * ({@code /__admin/requests}) reads it through {@link #getAll()}.
 */
final class BoundedRequestJournalStore implements com.github.tomakehurst.wiremock.store.RequestJournalStore {

	/** A fixed cost per entry, for the objects around the counted text. */
	static final int ENTRY_OVERHEAD_BYTES = 512;

	private final int maxEntries;

	private final long maxBytes;

	private final int maxBodyBytes;

	/** Ids, newest first. */
	private final Deque<UUID> order = new ConcurrentLinkedDeque<>();

	private final Map<UUID, ServeEvent> events = new ConcurrentHashMap<>();

	private final Map<UUID, Long> costs = new ConcurrentHashMap<>();

	private long bytes;

	BoundedRequestJournalStore(int maxEntries) {
		this(maxEntries, Long.MAX_VALUE, Integer.MAX_VALUE);
	}

	BoundedRequestJournalStore(int maxEntries, long maxBytes, int maxBodyBytes) {
		this.maxEntries = maxEntries;
		this.maxBytes = maxBytes;
		this.maxBodyBytes = maxBodyBytes;
	}

	@Override
	public synchronized void add(ServeEvent event) {
		ServeEvent kept = trimmed(event);
		store(kept.getId(), kept);
		this.order.addFirst(kept.getId());
		// The map's size, never the deque's: ConcurrentLinkedDeque.size() walks every
		// entry.
		while ((this.events.size() > this.maxEntries || this.bytes > this.maxBytes) && this.events.size() > 1) {
			removeLast();
		}
	}

	@Override
	public Stream<ServeEvent> getAll() {
		return this.order.stream().map(this.events::get).filter(Objects::nonNull);
	}

	@Override
	public synchronized void removeLast() {
		UUID oldest = this.order.pollLast();
		if (oldest != null) {
			forget(oldest);
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
	public synchronized void put(UUID id, ServeEvent event) {
		if (this.events.containsKey(id)) {
			store(id, trimmed(event));
		}
	}

	@Override
	public synchronized void remove(UUID id) {
		forget(id);
		this.order.remove(id);
	}

	@Override
	public synchronized void clear() {
		this.order.clear();
		this.events.clear();
		this.costs.clear();
		this.bytes = 0;
	}

	int size() {
		return this.events.size();
	}

	/** The counted bytes of every entry kept. */
	synchronized long retainedBytes() {
		return this.bytes;
	}

	private void store(UUID id, ServeEvent event) {
		long cost = cost(event);
		this.events.put(id, event);
		Long previous = this.costs.put(id, cost);
		this.bytes += cost - ((previous != null) ? previous : 0);
	}

	private void forget(UUID id) {
		this.events.remove(id);
		Long cost = this.costs.remove(id);
		if (cost != null) {
			this.bytes -= cost;
		}
	}

	/**
	 * What an entry costs: its URL, headers and bodies, the request body three times (the
	 * bytes, and the text and Base64 forms WireMock caches once the journal is read).
	 */
	static long cost(ServeEvent event) {
		long cost = ENTRY_OVERHEAD_BYTES;
		LoggedRequest request = event.getRequest();
		if (request != null) {
			cost += length(request.getAbsoluteUrl()) + length(request.getHeaders());
			byte[] body = request.getBody();
			cost += (body != null) ? 3L * body.length : 0;
		}
		LoggedResponse response = event.getResponse();
		if (response != null) {
			cost += length(response.getHeaders());
			byte[] body = response.getBody();
			cost += (body != null) ? body.length : 0;
		}
		return cost;
	}

	private static long length(String text) {
		return (text != null) ? text.length() : 0;
	}

	private static long length(HttpHeaders headers) {
		long length = 0;
		if (headers != null) {
			for (HttpHeader header : headers.all()) {
				length += header.key().length();
				for (String value : header.values()) {
					length += value.length();
				}
			}
		}
		return length;
	}

	/**
	 * The event as journalled: a request body over the limit cut to it with the marker;
	 * the response definition without the original request it points to.
	 */
	private ServeEvent trimmed(ServeEvent event) {
		LoggedRequest request = event.getRequest();
		byte[] body = (request != null) ? request.getBody() : null;
		if (body == null || body.length <= this.maxBodyBytes) {
			return event;
		}
		// WireMock updates an entry with the request it received: the cut made when the
		// entry was added is kept (with its logged date).
		ServeEvent previous = this.events.get(event.getId());
		LoggedRequest cut = (previous != null && previous.getRequest() != request) ? previous.getRequest()
				: LoggedRequest.createFrom(new TruncatedRequest(request, truncate(body, this.maxBodyBytes)));
		ResponseDefinition definition = (event.getResponseDefinition() != null)
				? ResponseDefinition.copyOf(event.getResponseDefinition()) : null;
		return new ServeEvent(event.getId(), cut, event.getStubMapping(), definition, event.getResponse(),
				definition != null && event.getWasMatched(), event.getTiming(),
				new ConcurrentLinkedQueue<>(event.getSubEvents()));
	}

	/** The first {@code limit} bytes and the marker {@code …[truncated, N bytes]}. */
	static byte[] truncate(byte[] body, int limit) {
		byte[] marker = ("…[truncated, " + body.length + " bytes]").getBytes(StandardCharsets.UTF_8);
		byte[] out = new byte[limit + marker.length];
		System.arraycopy(body, 0, out, 0, limit);
		System.arraycopy(marker, 0, out, limit, marker.length);
		return out;
	}

	/**
	 * A journalled request with a cut body: no form parameters or parts (they would hold
	 * the whole body again), everything else as received.
	 */
	private static final class TruncatedRequest implements Request {

		private final LoggedRequest request;

		private final byte[] body;

		TruncatedRequest(LoggedRequest request, byte[] body) {
			this.request = request;
			this.body = body;
		}

		@Override
		public UUID getId() {
			return this.request.getId();
		}

		@Override
		public String getUrl() {
			return this.request.getUrl();
		}

		@Override
		public String getAbsoluteUrl() {
			return this.request.getAbsoluteUrl();
		}

		@Override
		public RequestMethod getMethod() {
			return this.request.getMethod();
		}

		@Override
		public String getScheme() {
			return this.request.getScheme();
		}

		@Override
		public String getHost() {
			return this.request.getHost();
		}

		@Override
		public int getPort() {
			return this.request.getPort();
		}

		@Override
		public String getClientIp() {
			return this.request.getClientIp();
		}

		@Override
		public String getHeader(String key) {
			return this.request.getHeader(key);
		}

		@Override
		public HttpHeader header(String key) {
			return this.request.header(key);
		}

		@Override
		public ContentTypeHeader contentTypeHeader() {
			return this.request.contentTypeHeader();
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.request.getHeaders();
		}

		@Override
		public boolean containsHeader(String key) {
			return this.request.containsHeader(key);
		}

		@Override
		public Set<String> getAllHeaderKeys() {
			return this.request.getAllHeaderKeys();
		}

		@Override
		public PathParams getPathParameters() {
			return this.request.getPathParameters();
		}

		@Override
		public QueryParameter queryParameter(String key) {
			return this.request.queryParameter(key);
		}

		@Override
		public FormParameter formParameter(String key) {
			return FormParameter.absent(key);
		}

		@Override
		public Map<String, FormParameter> formParameters() {
			return Map.of();
		}

		@Override
		public Map<String, Cookie> getCookies() {
			return this.request.getCookies();
		}

		@Override
		public byte[] getBody() {
			return this.body;
		}

		@Override
		public String getBodyAsString() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		@Override
		public String getBodyAsBase64() {
			return java.util.Base64.getEncoder().encodeToString(this.body);
		}

		@Override
		public boolean isMultipart() {
			return false;
		}

		@Override
		public Collection<Part> getParts() {
			return List.of();
		}

		@Override
		public Part getPart(String name) {
			return null;
		}

		@Override
		public boolean isBrowserProxyRequest() {
			return this.request.isBrowserProxyRequest();
		}

		@Override
		public Optional<Request> getOriginalRequest() {
			return Optional.empty();
		}

		@Override
		public String getProtocol() {
			return this.request.getProtocol();
		}

	}

}

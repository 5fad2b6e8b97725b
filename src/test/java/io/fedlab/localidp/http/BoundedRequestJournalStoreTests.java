package io.fedlab.localidp.http;

import java.nio.charset.StandardCharsets;

import com.github.tomakehurst.wiremock.http.ImmutableRequest;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedRequestJournalStoreTests {

	@Test
	void addWhenFullThenOldestDroppedAndNewestFirst() {
		BoundedRequestJournalStore store = new BoundedRequestJournalStore(2);
		ServeEvent first = event("/1");
		store.add(first);
		store.add(event("/2"));
		store.add(event("/3"));
		assertThat(store.size()).isEqualTo(2);
		assertThat(store.getAll().map((e) -> e.getRequest().getUrl())).containsExactly("/3", "/2");
		assertThat(store.get(first.getId())).isEmpty();
		assertThat(store.getAllKeys()).hasSize(2);
	}

	@Test
	void putWhenNotJournalledThenNothingAdded() {
		BoundedRequestJournalStore store = new BoundedRequestJournalStore(2);
		ServeEvent kept = event("/kept");
		store.add(kept);
		ServeEvent stranger = event("/stranger");
		store.put(stranger.getId(), stranger);
		store.put(kept.getId(), kept);
		assertThat(store.getAll().map((e) -> e.getRequest().getUrl())).containsExactly("/kept");
	}

	@Test
	void removeAndClearWhenCalledThenEntriesGone() {
		BoundedRequestJournalStore store = new BoundedRequestJournalStore(5);
		ServeEvent gone = event("/gone");
		store.add(gone);
		store.add(event("/stays"));
		store.remove(gone.getId());
		assertThat(store.getAll().map((e) -> e.getRequest().getUrl())).containsExactly("/stays");
		store.clear();
		assertThat(store.getAll()).isEmpty();
		assertThat(store.size()).isZero();
	}

	@Test
	void addWhenBodyOverTheLimitThenKeptCutWithTheMarker() {
		BoundedRequestJournalStore store = new BoundedRequestJournalStore(10, Long.MAX_VALUE, 16);
		byte[] body = "grant_type=authorization_code&code=0123456789".getBytes(StandardCharsets.US_ASCII);
		ServeEvent big = event("/oauth/token", body);
		store.add(big);
		store.put(big.getId(), big);
		String kept = store.get(big.getId()).orElseThrow().getRequest().getBodyAsString();
		assertThat(kept).isEqualTo("grant_type=autho…[truncated, " + body.length + " bytes]");
		assertThat(store.get(big.getId()).orElseThrow().getRequest().formParameters()).isEmpty();
		ServeEvent small = event("/small", "a=b".getBytes(StandardCharsets.US_ASCII));
		store.add(small);
		assertThat(store.get(small.getId()).orElseThrow().getRequest().getBodyAsString()).isEqualTo("a=b");
	}

	@Test
	void addWhenOverTheByteBoundThenOldestDroppedUntilWithin() {
		byte[] body = new byte[1000];
		long one = BoundedRequestJournalStore.cost(event("/x", body));
		BoundedRequestJournalStore store = new BoundedRequestJournalStore(100, 3 * one, 4096);
		for (int i = 0; i < 10; i++) {
			store.add(event("/x", body));
		}
		assertThat(store.size()).isEqualTo(3);
		assertThat(store.retainedBytes()).isLessThanOrEqualTo(3 * one);
		store.clear();
		assertThat(store.retainedBytes()).isZero();
	}

	private static ServeEvent event(String path, byte[] body) {
		return ServeEvent.of(ImmutableRequest.create()
			.withAbsoluteUrl("http://localhost:9229" + path)
			.withMethod(RequestMethod.POST)
			.withProtocol("HTTP/1.1")
			.withHeader("Content-Type", "application/x-www-form-urlencoded")
			.withBody(body)
			.build());
	}

	private static ServeEvent event(String path) {
		return ServeEvent.of(ImmutableRequest.create()
			.withAbsoluteUrl("http://localhost:9229" + path)
			.withMethod(RequestMethod.GET)
			.withProtocol("HTTP/1.1")
			.build());
	}

}

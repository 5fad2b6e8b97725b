package io.fedlab.localidp.http;

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

	private static ServeEvent event(String path) {
		return ServeEvent.of(ImmutableRequest.create()
			.withAbsoluteUrl("http://localhost:9229" + path)
			.withMethod(RequestMethod.GET)
			.withProtocol("HTTP/1.1")
			.build());
	}

}

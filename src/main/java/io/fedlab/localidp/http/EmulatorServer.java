package io.fedlab.localidp.http;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.common.FileSource;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.extension.StubLifecycleListener;
import com.github.tomakehurst.wiremock.store.DefaultStores;
import com.github.tomakehurst.wiremock.store.RequestJournalStore;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * One emulator: a WireMock server whose catch-all stub (priority 10) hands every request
 * to the emulator's {@link Dispatcher}. Stubs added at the default priority (5) or higher
 * override it, so a user can make any endpoint fail through WireMock's admin API
 * ({@code POST /__admin/mappings}).
 */
public final class EmulatorServer implements AutoCloseable {

	/**
	 * Requests each emulator keeps in its journal, for the flow inspector and the fault
	 * and call-count checks through {@code /__admin/requests}.
	 */
	public static final int JOURNAL_ENTRIES = 2000;

	/** The catch-all priority: any user stub with a smaller number wins. */
	public static final int EMULATOR_PRIORITY = 10;

	private final String name;

	private final WireMockServer server;

	private final String transformer;

	private volatile UUID catchAllId;

	public EmulatorServer(String name, String bindAddress, int port, Dispatcher dispatcher) {
		this(name, bindAddress, port, dispatcher, new Extension[0]);
	}

	/** With extra WireMock extensions, such as admin API routes of the emulator's own. */
	public EmulatorServer(String name, String bindAddress, int port, Dispatcher dispatcher, Extension... extras) {
		this.name = name;
		this.transformer = dispatcher.getName();
		WireMockConfiguration config = wireMockConfig().port(port)
			.bindAddress(bindAddress)
			.extensions(dispatcher, new KeepCatchAll())
			.extensions(extras)
			.containerThreads(40)
			.jettyStopTimeout(1000L)
			.stubCorsEnabled(false)
			.globalTemplating(false)
			.gzipDisabled(true);
		// The journal's bound is the store's own (no maxRequestJournalEntries): see
		// BoundedRequestJournalStore.
		this.server = new WireMockServer(config.withStores(new EmulatorStores(config.filesRoot())));
		addCatchAll();
	}

	private void addCatchAll() {
		StubMapping stub = this.server.stubFor(WireMock.any(WireMock.anyUrl())
			.atPriority(EMULATOR_PRIORITY)
			.withName(this.name + " emulator")
			.willReturn(WireMock.aResponse().withTransformers(this.transformer)));
		this.catchAllId = stub.getId();
	}

	public EmulatorServer start() {
		this.server.start();
		return this;
	}

	public String name() {
		return this.name;
	}

	public int port() {
		return this.server.port();
	}

	public WireMockServer wireMock() {
		return this.server;
	}

	/**
	 * Puts the catch-all stub back after {@code POST /__admin/reset} or its removal
	 * through the admin API: resetting the user's stubs must not switch the emulator off.
	 */
	private final class KeepCatchAll implements StubLifecycleListener {

		@Override
		public String getName() {
			return "keep-emulator-stub";
		}

		@Override
		public void afterStubsReset() {
			addCatchAll();
		}

		@Override
		public void afterStubRemoved(StubMapping stub) {
			if (stub.getId().equals(EmulatorServer.this.catchAllId)) {
				addCatchAll();
			}
		}

	}

	/** WireMock's default stores with the bounded request journal. */
	private static final class EmulatorStores extends DefaultStores {

		private final RequestJournalStore journal = new BoundedRequestJournalStore(JOURNAL_ENTRIES);

		EmulatorStores(FileSource root) {
			super(root);
		}

		@Override
		public RequestJournalStore getRequestJournalStore() {
			return this.journal;
		}

	}

	@Override
	public void close() {
		this.server.stop();
	}

}

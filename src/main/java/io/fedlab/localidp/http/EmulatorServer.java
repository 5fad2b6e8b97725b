package io.fedlab.localidp.http;

import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.common.FileSource;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.extension.StubLifecycleListener;
import com.github.tomakehurst.wiremock.security.TokenAuthenticator;
import com.github.tomakehurst.wiremock.store.DefaultStores;
import com.github.tomakehurst.wiremock.store.RequestJournalStore;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * One emulator: a WireMock server whose catch-all stub (priority 10) hands every request
 * to the emulator's {@link Dispatcher}. Stubs added at the default priority (5) or higher
 * override it, so a user can make any endpoint fail through WireMock's admin API
 * ({@code POST /__admin/mappings}).
 *
 * <p>
 * Every request passes the emulator's {@link FrontDoor} first: only the configured host
 * name and loopback addresses are answered, the admin API only from its own origin, and
 * bodies over {@link Exchange#MAX_BODY_BYTES} are refused before they are read whole. The
 * journal is bounded in entries and bytes ({@link BoundedRequestJournalStore}).
 */
public final class EmulatorServer implements AutoCloseable {

	/**
	 * Requests each emulator keeps in its journal, for the flow inspector and the fault
	 * and call-count checks through {@code /__admin/requests}.
	 */
	public static final int JOURNAL_ENTRIES = 2000;

	/**
	 * Bytes each emulator's journal keeps at most (8 MiB), counted as its entries' URLs,
	 * headers and bodies.
	 */
	public static final long JOURNAL_BYTES = 8L * 1024 * 1024;

	/**
	 * Bytes of one journalled body kept at most (16 KiB): a longer request body is kept
	 * as its first 16 KiB and the marker {@code …[truncated, N bytes]}; a longer response
	 * body is cut to 16 KiB by WireMock ({@code maxLoggedResponseSize}).
	 */
	public static final int JOURNAL_BODY_BYTES = 16 * 1024;

	/** The catch-all priority: any user stub with a smaller number wins. */
	public static final int EMULATOR_PRIORITY = 10;

	private final String name;

	private final WireMockServer server;

	private final String transformer;

	private final Dispatcher dispatcher;

	private final BoundedRequestJournalStore journal = new BoundedRequestJournalStore(JOURNAL_ENTRIES, JOURNAL_BYTES,
			JOURNAL_BODY_BYTES);

	private volatile UUID catchAllId;

	/**
	 * Who may call an emulator.
	 *
	 * @param host the host name clients use (besides loopback addresses, always accepted)
	 * @param adminToken when not null, the admin API requires
	 * {@code Authorization: Token <adminToken>} (WireMock's token authenticator)
	 */
	public record Access(String host, String adminToken) {

		/** {@code localhost} and loopback addresses, no admin token. */
		public static Access loopback() {
			return new Access("localhost", null);
		}

		@Override
		public String toString() {
			return "Access[host=" + this.host + ", adminToken=" + ((this.adminToken != null) ? "(set)" : "(none)")
					+ "]";
		}

	}

	public EmulatorServer(String name, String bindAddress, int port, Dispatcher dispatcher) {
		this(name, bindAddress, port, Access.loopback(), dispatcher, new Extension[0]);
	}

	/** With extra WireMock extensions, such as admin API routes of the emulator's own. */
	public EmulatorServer(String name, String bindAddress, int port, Dispatcher dispatcher, Extension... extras) {
		this(name, bindAddress, port, Access.loopback(), dispatcher, extras);
	}

	/** Answering {@code access}'s host name, with extra WireMock extensions. */
	public EmulatorServer(String name, String bindAddress, int port, Access access, Dispatcher dispatcher,
			Extension... extras) {
		this.name = name;
		this.transformer = dispatcher.getName();
		this.dispatcher = dispatcher;
		HostRule hosts = new HostRule(access.host());
		WireMockConfiguration config = wireMockConfig().port(port)
			.bindAddress(bindAddress)
			.extensions(dispatcher, new KeepCatchAll())
			.extensions(extras)
			.httpServerFactory(new GuardedJettyServerFactory(FrontDoor.endpoints(name, hosts, dispatcher),
					FrontDoor.admin(name, hosts)))
			.containerThreads(40)
			.jettyStopTimeout(1000L)
			.maxLoggedResponseSize(JOURNAL_BODY_BYTES)
			.stubCorsEnabled(false)
			.globalTemplating(false)
			.gzipDisabled(true);
		if (access.adminToken() != null) {
			config.adminAuthenticator(new TokenAuthenticator(access.adminToken()));
		}
		// The journal's bounds are the store's own (no maxRequestJournalEntries): see
		// BoundedRequestJournalStore.
		this.server = new WireMockServer(config.withStores(new EmulatorStores(config.filesRoot(), this.journal)));
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

	/** The emulator's request handler. */
	public Dispatcher dispatcher() {
		return this.dispatcher;
	}

	public WireMockServer wireMock() {
		return this.server;
	}

	/** The bytes the journal holds now, as counted against {@link #JOURNAL_BYTES}. */
	public long journalBytes() {
		return this.journal.retainedBytes();
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

		private final RequestJournalStore journal;

		EmulatorStores(FileSource root, RequestJournalStore journal) {
			super(root);
			this.journal = journal;
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

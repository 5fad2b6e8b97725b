package io.fedlab.localidp.http;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * One emulator: a WireMock server whose catch-all stub (priority 10) hands every request
 * to the emulator's {@link Dispatcher}. Stubs added at the default priority (5) or higher
 * override it, so a user can make any endpoint fail through WireMock's admin API
 * ({@code POST /__admin/mappings}).
 */
public final class EmulatorServer implements AutoCloseable {

	/** The catch-all priority: any user stub with a smaller number wins. */
	public static final int EMULATOR_PRIORITY = 10;

	private final String name;

	private final WireMockServer server;

	public EmulatorServer(String name, String bindAddress, int port, Dispatcher dispatcher) {
		this.name = name;
		this.server = new WireMockServer(wireMockConfig().port(port)
			.bindAddress(bindAddress)
			.extensions(dispatcher)
			.maxRequestJournalEntries(2000)
			.containerThreads(40)
			.jettyStopTimeout(1000L)
			.stubCorsEnabled(false)
			.globalTemplating(false)
			.gzipDisabled(true));
		this.server.stubFor(WireMock.any(WireMock.anyUrl())
			.atPriority(EMULATOR_PRIORITY)
			.willReturn(WireMock.aResponse().withTransformers(dispatcher.getName())));
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

	@Override
	public void close() {
		this.server.stop();
	}

}

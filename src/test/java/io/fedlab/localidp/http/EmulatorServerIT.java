package io.fedlab.localidp.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator's catch-all stub, user stubs added through WireMock's admin API, and its
 * bounded request journal.
 */
class EmulatorServerIT {

	EmulatorServer server;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void start() {
		this.server = new EmulatorServer("echo", "127.0.0.1", 0, new Dispatcher() {
			{
				on("GET", "/hello", (exchange) -> Responses.text(200, "hello " + exchange.query("name")));
			}

			@Override
			public String getName() {
				return "echo-emulator";
			}
		}).start();
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void userStubWhenAddedThroughAdminApiThenWinsOverEmulator() throws Exception {
		this.server.wireMock()
			.stubFor(WireMock.get(WireMock.urlPathEqualTo("/hello")).willReturn(WireMock.serverError()));
		assertThat(get("/hello?name=a").statusCode()).isEqualTo(500);
	}

	@Test
	void adminResetWhenCalledThenEmulatorKeepsServing() throws Exception {
		this.server.wireMock()
			.stubFor(WireMock.get(WireMock.urlPathEqualTo("/hello")).willReturn(WireMock.serverError()));
		HttpResponse<String> reset = this.http.send(
				HttpRequest.newBuilder(uri("/__admin/reset")).POST(HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(reset.statusCode()).isEqualTo(200);
		HttpResponse<String> after = get("/hello?name=b");
		assertThat(after.statusCode()).isEqualTo(200);
		assertThat(after.body()).isEqualTo("hello b");
	}

	@Test
	void unknownPathWhenRequestedThenEmulatorAnswers404AndDuplicateParameterIs400() throws Exception {
		assertThat(get("/nope").statusCode()).isEqualTo(404);
		assertThat(get("/hello?name=a&name=b").statusCode()).isEqualTo(400);
	}

	@Test
	void journalWhenFullThenKeepsTheNewestEntriesReadableThroughAdminApi() throws Exception {
		int requests = EmulatorServer.JOURNAL_ENTRIES + 5;
		for (int i = 0; i < requests; i++) {
			get("/hello?name=" + i);
		}
		assertThat(this.server.wireMock().getAllServeEvents()).hasSize(EmulatorServer.JOURNAL_ENTRIES);
		HttpResponse<String> newest = get("/__admin/requests?limit=1");
		assertThat(newest.body()).contains("/hello?name=" + (requests - 1));
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.server.port() + path);
	}

}

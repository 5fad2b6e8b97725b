package io.fedlab.localidp;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.security.ClientTokenAuthenticator;
import io.fedlab.support.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fedlab.localidp.http.Dispatcher;
import io.fedlab.localidp.http.EmulatorServer;
import io.fedlab.localidp.http.Responses;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call the emulators: their admin API only from their own origin and host name (a
 * web page the developer visits, or a DNS-rebinding name, is refused), every endpoint
 * only under the configured host name or a loopback address; the README's fault examples
 * (curl's defaults, WireMock's Java client) keep working.
 */
class EmulatorAccessIT {

	static final List<String> EMULATORS = List.of("auth0", "cognito-api", "cognito-hosted-ui");

	static LocalStack stack;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void start() {
		stack = TestLocalStacks.start();
	}

	@AfterAll
	static void stop() {
		stack.close();
	}

	@AfterEach
	void resetStubs() {
		for (String name : EMULATORS) {
			stack.server(name).wireMock().resetMappings();
		}
	}

	static int port(String emulator) {
		return stack.server(emulator).port();
	}

	@ParameterizedTest
	@ValueSource(strings = { "auth0", "cognito-api", "cognito-hosted-ui" })
	void adminApiWhenForeignOriginThenRefusedWithoutCorsHeaders(String emulator) {
		int port = port(emulator);
		RawHttp.Reply read = RawHttp.send(port, RawHttp.request("GET", "/__admin/requests", "localhost:" + port,
				List.<String[]>of(new String[] { "Origin", "https://evil.example" }), null));
		assertThat(read.status()).isEqualTo(403);
		assertThat(read.headers()).doesNotContainKeys("access-control-allow-origin",
				"access-control-allow-credentials");
		assertThat(read.text()).doesNotContain("requests");

		RawHttp.Reply preflight = RawHttp.send(port,
				RawHttp.request("OPTIONS", "/__admin/mappings", "localhost:" + port,
						List.of(new String[] { "Origin", "https://evil.example" },
								new String[] { "Access-Control-Request-Method", "POST" }),
						null));
		assertThat(preflight.status()).isEqualTo(403);
		assertThat(preflight.headers()).doesNotContainKeys("access-control-allow-origin",
				"access-control-allow-methods");

		byte[] stub = "{\"request\":{\"urlPath\":\"/x\"},\"response\":{\"status\":500}}".getBytes();
		RawHttp.Reply write = RawHttp.send(port,
				RawHttp.request("POST", "/__admin/mappings", "localhost:" + port,
						List.<String[]>of(new String[] { "Origin", "https://evil.example" },
								new String[] { "Content-Type", "text/plain" }),
						stub));
		assertThat(write.status()).isEqualTo(403);
		assertThat(stack.server(emulator).wireMock().getStubMappings()).hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Origin: null", "Sec-Fetch-Site: cross-site", "Sec-Fetch-Site: same-site",
			"Origin: http://localhost:1" })
	void adminApiWhenAnotherOriginOfTheSameMachineThenRefused(String header) {
		int port = port("auth0");
		String[] pair = header.split(": ");
		RawHttp.Reply reply = RawHttp.send(port,
				RawHttp.request("GET", "/__admin/requests", "localhost:" + port, List.<String[]>of(pair), null));
		assertThat(reply.status()).isEqualTo(403);
	}

	@Test
	void adminApiWhenOwnOriginThenAnswered() {
		int port = port("auth0");
		RawHttp.Reply reply = RawHttp.send(port,
				RawHttp.request("GET", "/__admin/requests?limit=1", "localhost:" + port,
						List.of(new String[] { "Origin", "http://localhost:" + port },
								new String[] { "Sec-Fetch-Site", "same-origin" }),
						null));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.text()).contains("\"requests\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "evil.example", "evil.example:%d", "localhost.evil.example:%d", "10.0.0.1:%d",
			"127.0.0.1.nip.io:%d", "[::2]:%d", "" })
	void anyPathWhenForeignHostThenRefused(String hostTemplate) {
		for (String emulator : EMULATORS) {
			int port = port(emulator);
			String host = hostTemplate.formatted(port);
			for (String path : List.of("/__admin/requests", "/__admin/mappings", "/.well-known/openid-configuration",
					"/oauth2/token", "/")) {
				RawHttp.Reply reply = RawHttp.send(port, RawHttp.request("GET", path, host, List.of(), null));
				assertThat(reply.status()).as("%s %s Host %s", emulator, path, host).isIn(400, 403);
				assertThat(reply.text()).doesNotContain("\"requests\"", "\"mappings\"", "issuer");
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost", "localhost:%d", "LOCALHOST:%d", "127.0.0.1:%d", "127.1.2.3", "[::1]:%d",
			"[0:0:0:0:0:0:0:1]" })
	void adminApiWhenLoopbackOrConfiguredHostThenAnswered(String hostTemplate) {
		int port = port("cognito-hosted-ui");
		String host = hostTemplate.formatted(port);
		RawHttp.Reply reply = RawHttp.send(port,
				RawHttp.request("GET", "/__admin/requests?limit=1", host, List.of(), null));
		assertThat(reply.status()).as(host).isEqualTo(200);
	}

	@Test
	void requestWithoutHostWhenHttp10ThenAnswered() throws Exception {
		// The compose health checks: HTTP/1.0 without a Host header.
		byte[] request = "GET /__admin/health HTTP/1.0\r\n\r\n".getBytes();
		assertThat(RawHttp.send(port("cognito-api"), request).status()).isEqualTo(200);
	}

	@Test
	void readmeFaultWhenAddedWithCurlDefaultsThenServedAndResetPutsTheEmulatorBack() throws Exception {
		// curl -X POST http://localhost:<port>/__admin/mappings -H 'Content-Type:
		// application/json' -d '…': Host localhost:<port>, no Origin.
		String base = "http://localhost:" + port("auth0");
		HttpResponse<String> added = this.http.send(HttpRequest.newBuilder(URI.create(base + "/__admin/mappings"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"request\":{\"method\":\"POST\",\"urlPath\":\"/oauth/token\"},\"response\":{\"status\":500,\"body\":\"boom\"}}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(added.statusCode()).isEqualTo(201);
		HttpResponse<String> token = this.http.send(HttpRequest.newBuilder(URI.create(base + "/oauth/token"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(token.statusCode()).isEqualTo(500);
		assertThat(token.body()).isEqualTo("boom");
		HttpResponse<String> journal = this.http.send(
				HttpRequest.newBuilder(URI.create(base + "/__admin/requests?limit=5")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(journal.statusCode()).isEqualTo(200);
		assertThat(journal.body()).contains("/oauth/token");
		HttpResponse<String> reset = this.http.send(HttpRequest.newBuilder(URI.create(base + "/__admin/mappings/reset"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(reset.statusCode()).isEqualTo(200);
		HttpResponse<String> emulated = this.http.send(HttpRequest.newBuilder(URI.create(base + "/oauth/token"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(emulated.statusCode()).isEqualTo(400);
		assertThat(emulated.body()).contains("\"error\"");
	}

	@Test
	void wireMockJavaClientWhenConfiguredForLocalhostThenStubsTheEmulator() throws Exception {
		int port = port("cognito-hosted-ui");
		WireMock client = new WireMock("localhost", port);
		client.register(WireMock.post(WireMock.urlPathEqualTo("/oauth2/token"))
			.willReturn(WireMock.aResponse().withStatus(503)));
		HttpResponse<String> token = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(token.statusCode()).isEqualTo(503);
		assertThat(client.find(WireMock.postRequestedFor(WireMock.urlPathEqualTo("/oauth2/token")))).isNotEmpty();
		client.resetMappings();
		assertThat(client.allStubMappings().getMappings()).hasSize(1);
	}

	@Test
	void adminTokenWhenSetThenAdminApiNeedsIt() throws Exception {
		Dispatcher echo = new Dispatcher() {
			{
				on("GET", "/hello", (exchange) -> Responses.text(200, "hello"));
			}

			@Override
			public String getName() {
				return "token-echo";
			}
		};
		try (EmulatorServer server = new EmulatorServer("echo", "127.0.0.1", 0,
				new EmulatorServer.Access("localhost", "s3cret-admin-token"), echo)
			.start()) {
			int port = server.port();
			assertThat(RawHttp
				.send(port, RawHttp.request("GET", "/__admin/mappings", "localhost:" + port, List.of(), null))
				.status()).isEqualTo(401);
			assertThat(RawHttp
				.send(port,
						RawHttp.request("GET", "/__admin/mappings", "localhost:" + port,
								List.<String[]>of(new String[] { "Authorization", "Token s3cret-admin-token" }), null))
				.status()).isEqualTo(200);
			WireMock client = WireMock.create()
				.host("localhost")
				.port(port)
				.authenticator(new ClientTokenAuthenticator("s3cret-admin-token"))
				.build();
			assertThat(client.allStubMappings().getMappings()).hasSize(1);
			// The emulated endpoints need no token.
			assertThat(
					RawHttp.send(port, RawHttp.request("GET", "/hello", "localhost:" + port, List.of(), null)).status())
				.isEqualTo(200);
		}
	}

	@Test
	void pagesWhenServedThenCarryFramingReferrerAndSniffingHeaders() {
		for (String emulatorPath : List.of("cognito-hosted-ui /error?error=x", "auth0 /u/login?state=nope",
				"cognito-hosted-ui /oauth2/authorize?client_id=%zz", "auth0 /authorize?client_id=nobody")) {
			String[] split = emulatorPath.split(" ");
			int p = port(split[0]);
			RawHttp.Reply page = RawHttp.send(p, RawHttp.request("GET", split[1], "localhost:" + p, List.of(), null));
			assertThat(page.header("Content-Type")).as(emulatorPath).startsWith("text/html");
			assertThat(page.header("X-Frame-Options")).as(emulatorPath).isEqualTo("DENY");
			assertThat(page.header("Content-Security-Policy")).as(emulatorPath).contains("frame-ancestors 'none'");
			assertThat(page.header("Referrer-Policy")).as(emulatorPath).isEqualTo("strict-origin-when-cross-origin");
			assertThat(page.header("X-Content-Type-Options")).as(emulatorPath).isEqualTo("nosniff");
		}
		// A redirect carrying back a long query (7 KB) is sent whole, with the same
		// headers.
		int port = port("cognito-hosted-ui");
		String callback = stack.cognitoStore()
			.pool(stack.provisioned().userPoolId())
			.client(stack.provisioned().clientId())
			.callbackUrls()
			.get(0);
		String target = "/oauth2/authorize?client_id=" + stack.provisioned().clientId() + "&redirect_uri="
				+ URLEncoder.encode(callback, StandardCharsets.UTF_8) + "&response_type=code&scope=openid&state="
				+ "s".repeat(7000);
		RawHttp.Reply redirect = RawHttp.send(port,
				RawHttp.request("GET", target, "localhost:" + port, List.of(), null));
		assertThat(redirect.status()).isEqualTo(302);
		assertThat(redirect.header("Location")).startsWith("/login?").contains("s".repeat(7000));
		assertThat(redirect.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
	}

}

package io.fedlab.security;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.sun.net.httpserver.HttpServer;
import io.fedlab.FedlabApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Start-up against a discovery document that names another issuer, or that never comes:
 * the app stops with one short message that names both values (or the timeout) and the
 * fix, and never waits longer than its back-channel timeouts.
 */
@ExtendWith(OutputCaptureExtension.class)
class IssuerDiscoveryStartupIT {

	private static final String POOL = "/us-east-1_Start2";

	private HttpServer server;

	@AfterEach
	void stop() {
		if (this.server != null) {
			this.server.stop(0);
		}
	}

	@Test
	void startupWhenDiscoveryNamesAnotherIssuerThenOneShortMessageWithBothValues(CapturedOutput output) {
		this.server = discovery(0, "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other");
		String issuer = base() + POOL;

		assertThatExceptionOfType(RuntimeException.class).isThrownBy(this::run);

		String failure = failure(output);
		assertThat(failure).contains("names a different issuer")
			.contains("configured: " + issuer)
			.contains("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other")
			.contains("COGNITO_ISSUER_URI")
			.doesNotContain("\tat ");
		assertThat(output.getAll()).doesNotContain("Error creating bean");
	}

	@Test
	void startupWhenDiscoveryNeverAnswersThenStopsAtTheReadTimeoutWithOneMessage(CapturedOutput output) {
		this.server = discovery(30_000, null);
		long started = System.nanoTime();

		assertThatExceptionOfType(RuntimeException.class).isThrownBy(this::run);

		Duration took = Duration.ofNanos(System.nanoTime() - started);
		assertThat(failure(output)).contains(base() + POOL + "/.well-known/openid-configuration")
			.contains("no answer within 1 s");
		assertThat(output.getAll()).doesNotContain("Error creating bean");
		// far from the 30 s the document takes, and from Spring's own 30 s read timeout
		assertThat(took).isLessThan(Duration.ofSeconds(25));
	}

	private void run() {
		// as command-line arguments: they override application.yml, as a user's would
		new SpringApplicationBuilder(FedlabApplication.class)
			.run("--server.port=0", "--local.enabled=false", "--app.base-url=http://localhost:8080",
					"--app.cognito.region=us-east-1", "--app.cognito.user-pool-id=us-east-1_Start2",
					"--app.cognito.client-id=startclient", "--app.cognito.domain=" + base(),
					"--app.cognito.issuer-uri=" + base() + POOL, "--app.cognito.api-endpoint=" + base(),
					"--app.auth0.domain=http://localhost:9", "--app.auth0.client-id=a0",
					"--spring.security.oauth2.client.registration.cognito.client-secret=secret",
					"--app.back-channel.read-timeout=1s")
			.close();
	}

	/** Boot's failure report: from its banner line to the end of the action. */
	private static String failure(CapturedOutput output) {
		String all = output.getAll();
		int start = all.indexOf("APPLICATION FAILED TO START");
		assertThat(start).as("Boot's failure report").isNotNegative();
		return all.substring(start);
	}

	private String base() {
		return "http://localhost:" + this.server.getAddress().getPort();
	}

	private static HttpServer discovery(int delayMillis, String issuer) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
			server.createContext(POOL + "/.well-known/openid-configuration", (exchange) -> {
				if (delayMillis > 0) {
					try {
						Thread.sleep(delayMillis);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}
				String json = "{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"http://x/oauth2/authorize\","
						+ "\"token_endpoint\":\"http://x/oauth2/token\",\"jwks_uri\":\"http://x/jwks.json\","
						+ "\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
						+ "\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
				byte[] body = json.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

package io.fedlab.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults injected into the local Cognito through WireMock's admin API, one stub at a time
 * (added, then removed by its id: a reset would also empty the request journal), and the
 * calls a test makes to see their effect.
 */
public final class HostedUiFaults {

	/** {@code /oauth2/revoke} answering 500, above the emulator's own stubs. */
	public static final String REVOKE_FAILS = """
			{"priority": 1,
			 "request": {"method": "POST", "urlPath": "/oauth2/revoke"},
			 "response": {"status": 500, "body": "Internal Server Error"}}""";

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

	private HostedUiFaults() {
	}

	/** Adds a stub; returns its id. */
	public static String addStub(String emulator, String mapping) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(emulator + "/__admin/mappings"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(mapping)));
		assertThat(response.statusCode()).isEqualTo(201);
		Matcher id = ID.matcher(response.body());
		assertThat(id.find()).as("stub id in %s", response.body()).isTrue();
		return id.group(1);
	}

	/** Removes just that stub. */
	public static void removeStub(String emulator, String id) {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(URI.create(emulator + "/__admin/mappings/" + id)).DELETE());
		assertThat(response.statusCode()).isEqualTo(200);
	}

	/** How many revocation requests the local Cognito has seen (its request journal). */
	public static long revokeCalls(String hostedUi) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(hostedUi + "/__admin/requests/count"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"method\":\"POST\",\"url\":\"/oauth2/revoke\"}")));
		assertThat(response.statusCode()).isEqualTo(200);
		return Long.parseLong(response.body().replaceAll("\\D", ""));
	}

	/**
	 * Cognito's token endpoint, refresh-token grant, with the app client's Basic auth.
	 */
	public static HttpResponse<String> refresh(String hostedUi, String clientId, String clientSecret,
			String refreshToken) {
		String basic = Base64.getEncoder()
			.encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(hostedUi + "/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Authorization", "Basic " + basic)
			.POST(HttpRequest.BodyPublishers
				.ofString(Browserless.encode(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken)))));
	}

	/** Polls every 100 ms until the condition holds; fails after {@code timeout}. */
	public static void awaitTrue(String what, BooleanSupplier condition, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		while (!condition.getAsBoolean()) {
			assertThat(Instant.now()).as("waited %s for %s", timeout, what).isBefore(deadline);
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}

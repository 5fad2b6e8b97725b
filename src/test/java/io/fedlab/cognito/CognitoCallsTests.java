package io.fedlab.cognito;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CognitoCallsTests {

	@Test
	void callWhenTheLimitIsReachedThenFailsAtOnceAndAfterwardsAcceptsAgain() throws Exception {
		CognitoCalls calls = new CognitoCalls(
				new BackChannelProperties(Duration.ofSeconds(1), Duration.ofSeconds(1), 2));
		CountDownLatch inside = new CountDownLatch(2);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Future<?> first = threads.submit(() -> calls.call(() -> hold(inside, release)));
			Future<?> second = threads.submit(() -> calls.call(() -> hold(inside, release)));
			assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
			assertThat(calls.inFlight()).isEqualTo(2);

			long started = System.nanoTime();
			assertThatExceptionOfType(CognitoBusyException.class).isThrownBy(() -> calls.call(() -> "third"))
				.withMessageContaining("limit 2");
			// refused, not queued: it did not wait for the two calls in flight
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));

			release.countDown();
			first.get(5, TimeUnit.SECONDS);
			second.get(5, TimeUnit.SECONDS);
			assertThat(calls.inFlight()).isZero();
			assertThat(calls.call(() -> "after")).isEqualTo("after");
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void callWhenTheCallThrowsThenThePermitIsReturned() throws Exception {
		CognitoCalls calls = new CognitoCalls(
				new BackChannelProperties(Duration.ofSeconds(1), Duration.ofSeconds(1), 1));
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> calls.call(() -> {
			throw new IllegalStateException("failed");
		}));
		assertThat(calls.inFlight()).isZero();
		assertThat(calls.call(() -> "next")).isEqualTo("next");
	}

	@Test
	void ofWhenTheChainHoldsANetworkFailureThenItIsNamed() {
		assertThat(CallFailure.of(wrapped(new HttpTimeoutException("request timed out"))))
			.contains(CallFailure.TIMEOUT);
		assertThat(CallFailure.of(wrapped(new SocketTimeoutException("Read timed out")))).contains(CallFailure.TIMEOUT);
		assertThat(CallFailure.of(ApiCallTimeoutException.create(1000))).contains(CallFailure.TIMEOUT);
		assertThat(CallFailure.of(wrapped(new HttpConnectTimeoutException("connect timed out"))))
			.contains(CallFailure.UNREACHABLE);
		assertThat(CallFailure.of(wrapped(new ConnectException("Connection refused"))))
			.contains(CallFailure.UNREACHABLE);
		assertThat(CallFailure.of(wrapped(new UnknownHostException("cognito.invalid"))))
			.contains(CallFailure.UNREACHABLE);
		assertThat(CallFailure.of(wrapped(new IOException("HTTP/1.1 header parser received no bytes"))))
			.contains(CallFailure.UNREACHABLE);
		assertThat(CallFailure.of(SdkClientException.create("unable to execute", new ConnectException("refused"))))
			.contains(CallFailure.UNREACHABLE);
		assertThat(CallFailure.of(wrapped(new CognitoBusyException(3)))).contains(CallFailure.BUSY);
	}

	@Test
	void requestFactoryWhenARequestHasABodyThenItIsWrittenOnTheClientsPooledThreads() throws Exception {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		server.start();
		try {
			CognitoCalls calls = new CognitoCalls(
					new BackChannelProperties(Duration.ofSeconds(2), Duration.ofSeconds(5), 4));
			RestClient client = RestClient.builder().requestFactory(calls.requestFactory()).build();
			Set<String> writers = ConcurrentHashMap.newKeySet();
			for (int i = 0; i < 3; i++) {
				client.post()
					.uri("http://127.0.0.1:" + server.getAddress().getPort() + "/oauth2/token")
					.body((StreamingHttpOutputMessage.Body) (out) -> {
						writers.add(Thread.currentThread().getName());
						out.write("grant_type=refresh_token".getBytes(StandardCharsets.US_ASCII));
					})
					.retrieve()
					.toBodilessEntity();
			}
			// Spring writes the body on the client's executor; without one it starts a
			// thread per request (SimpleAsyncTaskExecutor-N).
			assertThat(writers).isNotEmpty().allSatisfy((name) -> assertThat(name).startsWith("cognito-http-"));
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void ofWhenTheChainHoldsNoNetworkFailureThenEmpty() {
		assertThat(CallFailure.of(null)).isEmpty();
		assertThat(CallFailure.of(new IllegalStateException("invalid_grant"))).isEmpty();
		assertThat(CallFailure.of(wrapped(new IOException("Unexpected end of JSON input")))).isEmpty();
	}

	private static RuntimeException wrapped(Exception cause) {
		return new IllegalStateException("outer", new ResourceAccessException("I/O error", wrap(cause)));
	}

	private static IOException wrap(Exception cause) {
		return (cause instanceof IOException io) ? io : new IOException(cause);
	}

	private static String hold(CountDownLatch inside, CountDownLatch release) {
		inside.countDown();
		try {
			release.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return "held";
	}

}

package io.fedlab.cognito;

import java.io.IOException;
import java.net.http.HttpClient;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * What every call from this app to Cognito goes through: one HTTP client with the
 * configured connect and read timeouts (its connections are reused across hops and
 * requests), and a bulkhead that lets at most {@code max-concurrent-calls} calls wait on
 * Cognito at once.
 * <p>
 * Why a bulkhead that fails fast rather than a queue: each call holds a servlet thread
 * while it waits. Without a limit, a Cognito that answers after a minute lets a few
 * hundred callbacks take every one of Tomcat's 200 threads, and pages that never call
 * Cognito (home, sign-in, static files) stop answering. With it, the calls beyond the
 * limit end at once on an explained page and the remaining threads keep serving
 * (docs/design.md). Virtual threads would make waiting cheap, but need Java 21.
 */
public final class CognitoCalls {

	private final BackChannelProperties settings;

	private final Semaphore permits;

	private final HttpClient httpClient;

	private final JdkClientHttpRequestFactory requestFactory;

	public CognitoCalls(BackChannelProperties settings) {
		this.settings = settings;
		this.permits = new Semaphore(Math.max(1, settings.maxConcurrentCalls()));
		this.httpClient = HttpClient.newBuilder()
			.executor(Executors.newCachedThreadPool(daemonThreads()))
			.connectTimeout(settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.requestFactory = new JdkClientHttpRequestFactory(this.httpClient);
		this.requestFactory.setReadTimeout(settings.readTimeout());
	}

	/**
	 * Threads for the client's own work and for Spring's request-body publishing, which
	 * uses the client's executor: without one, Spring starts a new thread for every
	 * request with a body. A cached pool reuses them; the bulkhead bounds how many run.
	 */
	private static CustomizableThreadFactory daemonThreads() {
		CustomizableThreadFactory threads = new CustomizableThreadFactory("cognito-http-");
		threads.setDaemon(true);
		return threads;
	}

	/**
	 * The settings in force.
	 * @return the back-channel settings
	 */
	public BackChannelProperties settings() {
		return this.settings;
	}

	/**
	 * The request factory with the timeouts, for Spring's {@code RestClient} and
	 * {@code RestTemplate}.
	 * @return the shared request factory
	 */
	public ClientHttpRequestFactory requestFactory() {
		return this.requestFactory;
	}

	/**
	 * The bulkhead as an interceptor: holds a permit while the request is sent and the
	 * response headers awaited.
	 * @return the interceptor
	 */
	public ClientHttpRequestInterceptor bulkhead() {
		return this::intercept;
	}

	private ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		acquire();
		try {
			return execution.execute(request, body);
		}
		finally {
			this.permits.release();
		}
	}

	/**
	 * Runs a call that does not go through Spring's clients (the AWS SDK) inside the
	 * bulkhead.
	 * @param <T> the result type
	 * @param call the call
	 * @return its result
	 * @throws CognitoBusyException when no permit is free
	 */
	public <T> T call(Supplier<T> call) throws CognitoBusyException {
		acquire();
		try {
			return call.get();
		}
		finally {
			this.permits.release();
		}
	}

	private void acquire() throws CognitoBusyException {
		if (!this.permits.tryAcquire()) {
			throw new CognitoBusyException(this.settings.maxConcurrentCalls());
		}
	}

	/**
	 * Calls waiting on Cognito now.
	 * @return the permits taken
	 */
	public int inFlight() {
		return Math.max(1, this.settings.maxConcurrentCalls()) - this.permits.availablePermits();
	}

}

package io.fedlab.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import io.fedlab.FedlabApplication;
import io.fedlab.localidp.LocalStack;
import io.fedlab.support.Browserless;
import io.fedlab.support.Browserless.Page;
import io.fedlab.support.FullStackFlows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.MessageSource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Cognito that answers slowly or not at all, through the local Cognito's WireMock admin
 * API, with the default back-channel settings (5 s read timeout, 64 concurrent calls):
 * the app's calls end at their timeout on an explained page, the calls beyond the
 * bulkhead's limit end at once, and pages that do not need Cognito keep answering. The
 * durations are printed; the assertions bound them well above their expected values, so
 * that only a missing timeout or bulkhead fails them.
 */
@SpringBootTest(classes = FedlabApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "local.data-dir=target/slow-cognito-data")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext
class SlowCognitoIT {

	private static final int CALLBACKS = 200;

	/** Cognito's late answer: the app must never wait for it. */
	private static final int DELAY_MILLIS = 60_000;

	@Autowired
	LocalStack localStack;

	@Autowired
	MessageSource messages;

	@Value("${app.base-url}")
	String app;

	@Value("${app.back-channel.read-timeout}")
	Duration readTimeout;

	WireMock hostedUi;

	@BeforeEach
	void connectToTheEmulator() {
		this.hostedUi = new WireMock("localhost", this.localStack.server("cognito-hosted-ui").port());
	}

	@Test
	@Order(1)
	void refreshWhenCognitoResetsTheConnectionThenTheSessionKeepsItsTokensAndThePageSaysSo() {
		FullStackFlows flows = new FullStackFlows(this.localStack, this.app);
		Browserless browser = flows.browser();
		Page profile = flows.signIn(browser, "alice@example.com", "wonderland");
		this.hostedUi.register(post(urlPathEqualTo("/oauth2/token"))
			.willReturn(WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		Page after = browser.submit(profile, "/profile/refresh", Map.of());
		this.hostedUi.resetMappings();

		assertThat(after.uri().getPath()).isEqualTo("/profile");
		assertThat(after.body()).contains(html("profile.refresh.UNANSWERED", "unreachable"))
			.doesNotContain("sign out and sign in again");
		// still signed in, with the same ID token as before
		assertThat(after.textOf("sub")).isEqualTo(profile.textOf("sub"));
		assertThat(flows.rawToken(after, "id")).isEqualTo(flows.rawToken(profile, "id"));
	}

	/**
	 * Last: the emulator's threads stay asleep in the 60 s delay after the test, so its
	 * admin API cannot answer; the context is closed after this class.
	 */
	@Test
	@Order(2)
	void callbacksWhenTheTokenEndpointHangsThenEachEndsAtItsTimeoutAndOtherPagesKeepAnswering() throws Exception {
		HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		List<PendingSignIn> signIns = new ArrayList<>();
		for (int i = 0; i < CALLBACKS; i++) {
			signIns.add(PendingSignIn.start(client, this.app));
		}
		this.hostedUi.register(post(urlPathEqualTo("/oauth2/token"))
			.willReturn(WireMock.aResponse().withStatus(200).withFixedDelay(DELAY_MILLIS)));

		AtomicBoolean running = new AtomicBoolean(true);
		ConcurrentLinkedQueue<Long> homeMillis = new ConcurrentLinkedQueue<>();
		CompletableFuture<Void> home = CompletableFuture.runAsync(() -> {
			while (running.get()) {
				homeMillis.add(timed(() -> send(client, get(this.app + "/", null))).millis());
				pause(100);
			}
		});
		List<CompletableFuture<Timed<HttpResponse<String>>>> callbacks = signIns.stream()
			.map((signIn) -> CompletableFuture.supplyAsync(() -> timed(() -> send(client, signIn.callback()))))
			.toList();
		List<Timed<HttpResponse<String>>> answers = callbacks.stream().map(CompletableFuture::join).toList();
		pause(500);
		running.set(false);
		home.join();

		long slowestCallback = answers.stream().mapToLong(Timed::millis).max().orElseThrow();
		long slowestHome = homeMillis.stream().mapToLong(Long::longValue).max().orElseThrow();
		assertThat(answers).allSatisfy((answer) -> {
			assertThat(answer.value().statusCode()).isEqualTo(302);
			assertThat(answer.value().headers().firstValue("Location")).contains(SignInFailureHandler.FAILURE_URL);
		});
		Map<String, Long> explained = signIns.stream()
			.map((signIn) -> signIn.explanation(client))
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		System.out.printf(Locale.ROOT,
				"%d callbacks against a token endpoint delayed %d s (read timeout %s): slowest callback %d ms, "
						+ "explained %s; GET / %d times, slowest %d ms%n",
				CALLBACKS, DELAY_MILLIS / 1000, this.readTimeout, slowestCallback, explained, homeMillis.size(),
				slowestHome);

		String timedOut = html("signin.error.cognito-timeout.title", "/oauth2/token");
		String busy = html("signin.error.cognito-busy.title");
		assertThat(explained.keySet()).containsOnly(timedOut, busy);
		assertThat(explained.get(busy)).as("calls refused by the bulkhead").isPositive();
		assertThat(explained.get(timedOut)).as("calls that waited for their timeout").isPositive();
		// every callback ended at the read timeout, far from Cognito's 60 s
		assertThat(slowestCallback).isLessThan(this.readTimeout.plusSeconds(5).toMillis());
		// the home page never waited for a thread held by a call to Cognito (without the
		// bulkhead, every thread waits the read timeout and so does the home page)
		assertThat(homeMillis).hasSizeGreaterThan(5);
		assertThat(slowestHome).isLessThan(this.readTimeout.toMillis() / 2);
	}

	private String html(String key, Object... args) {
		return HtmlUtils.htmlEscape(this.messages.getMessage(key, args, Locale.ENGLISH), "UTF-8");
	}

	private static HttpRequest get(String url, String cookie) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
		if (cookie != null) {
			builder.header("Cookie", cookie);
		}
		return builder.build();
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static <T> Timed<T> timed(java.util.function.Supplier<T> call) {
		long started = System.nanoTime();
		T value = call.get();
		return new Timed<>(value, (System.nanoTime() - started) / 1_000_000);
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	record Timed<T>(T value, long millis) {

	}

	/** A browser that pressed "Sign in" and holds its session cookie and state. */
	record PendingSignIn(String app, String cookie, String state) {

		static PendingSignIn start(HttpClient client, String app) {
			HttpResponse<String> redirect = send(client, get(app + "/oauth2/authorization/cognito", null));
			assertThat(redirect.statusCode()).isEqualTo(302);
			String cookie = redirect.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
			String state = UriComponentsBuilder.fromUriString(redirect.headers().firstValue("Location").orElseThrow())
				.build()
				.getQueryParams()
				.getFirst("state");
			return new PendingSignIn(app, cookie, state);
		}

		/** Cognito's answer, as if it came back: any code, this sign-in's state. */
		HttpRequest callback() {
			return get(this.app + "/login/oauth2/code/cognito?code=slow-cognito&state=" + this.state, this.cookie);
		}

		/** The title of the explained failure page this browser sees. */
		String explanation(HttpClient client) {
			String body = send(client, get(this.app + SignInFailureHandler.FAILURE_URL, this.cookie)).body();
			int start = body.indexOf("id=\"problem-title\"");
			int open = body.indexOf('>', start) + 1;
			return body.substring(open, body.indexOf("</h2>", open));
		}

	}

}

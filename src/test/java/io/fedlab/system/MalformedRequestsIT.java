package io.fedlab.system;

import java.net.HttpCookie;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.fedlab.FedlabApplication;
import io.fedlab.localidp.LocalStack;
import io.fedlab.support.Browserless;
import io.fedlab.support.FullStackFlows;
import io.fedlab.support.MalformedRequests;
import io.fedlab.support.RawHttp;
import io.fedlab.support.RawHttp.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of generated malformed and hostile requests ({@link MalformedRequests})
 * against every endpoint of the running app, anonymous and signed in, over a raw socket.
 * The invariants: never a 5xx, every error page carries the app's security headers and no
 * exception text, nothing redirects to a host taken from the request, and the log holds
 * no stack trace and grows by far less than a line per request.
 */
@SpringBootTest(classes = FedlabApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class MalformedRequestsIT {

	private static final int REQUESTS = 3000;

	static final List<String> ENDPOINTS = List.of("/", "/signin", "/signin/failed", "/logged-out", "/setup", "/profile",
			"/profile/refresh", "/admin", "/access-denied", "/flow", "/flow.json", "/logout",
			"/oauth2/authorization/cognito", "/oauth2/authorization/unknown", "/login/oauth2/code/cognito", "/error",
			"/css/app.css", "/js/app.js", "/favicon.ico", "/no-such-page");

	@Autowired
	LocalStack localStack;

	@Value("${app.base-url}")
	String app;

	@Test
	void malformedRequestsWhenSentToEveryEndpointThenNo5xxNoStackTraceAndTheAppsHeaders(CapturedOutput output)
			throws Exception {
		FullStackFlows flows = new FullStackFlows(this.localStack, this.app);
		Browserless browser = flows.browser();
		flows.signIn(browser, "alice@example.com", "wonderland");
		String session = browser.cookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals("FEDLAB_SESSION"))
			.map(HttpCookie::toString)
			.findFirst()
			.orElseThrow();
		URI base = URI.create(this.app);
		RawHttp http = new RawHttp(base.getHost(), base.getPort());
		int logBefore = output.getAll().length();

		Map<Integer, Integer> byStatus = new TreeMap<>();
		Map<MalformedRequests.Kind, Integer> rejected = new EnumMap<>(MalformedRequests.Kind.class);
		List<String> violations = new ArrayList<>();
		for (MalformedRequests.Request request : new MalformedRequests(20261203L, base.getAuthority(), ENDPOINTS,
				session)
			.next(REQUESTS)) {
			Answer answer = http.send(request.head(), request.body());
			byStatus.merge(answer.status(), 1, Integer::sum);
			if (answer.status() >= 400) {
				rejected.merge(request.kind(), 1, Integer::sum);
			}
			check(request, answer, violations);
		}
		String log = output.getAll().substring(logBefore);
		long logLines = log.lines().count();
		System.out.printf(Locale.ROOT,
				"%d malformed requests: statuses %s; 4xx by kind %s; log grew by %d lines, " + "%d bytes%n", REQUESTS,
				byStatus, rejected, logLines, log.getBytes(StandardCharsets.UTF_8).length);

		assertThat(violations).isEmpty();
		assertThat(byStatus.keySet()).allSatisfy((status) -> assertThat(status).isBetween(200, 499));
		assertThat(log).doesNotContain("\tat ").doesNotContainIgnoringCase("exception");
		// a client's mistake costs the log at most a line, and floods are counted, not
		// written out
		assertThat(logLines).isLessThan(REQUESTS / 4);
		// the session survived: none of this signed alice out
		assertThat(browser.get(this.app + "/profile").uri().getPath()).isEqualTo("/profile");
	}

	@Test
	void redirectsWhenTheHostHeaderIsForeignThenNoneNamesThatHost() throws Exception {
		RawHttp http = raw();
		for (String target : List.of("/profile", "/admin", "/profile/refresh",
				"/login/oauth2/code/cognito?code=abc&state=unknown", "/oauth2/authorization/cognito")) {
			Answer answer = http.send(ascii("GET " + target
					+ " HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Host: evil.example\r\nX-Forwarded-Proto: https"),
					null);
			assertThat(answer.status()).as(target).isEqualTo(302);
			String location = answer.header("Location");
			assertThat(location).as(target).doesNotContain("evil.example");
			assertThat(location.startsWith("/") || location.startsWith(this.localStack.settings().hostedUiUrl()))
				.as(target + " -> " + location)
				.isTrue();
		}
	}

	@Test
	void requestsWhenTheyAreKnownMistakesThenTheirOwn4xxWithTheAppsPage() throws Exception {
		RawHttp http = raw();
		String host = "\r\nHost: " + URI.create(this.app).getAuthority();
		Answer brokenEscape = http.send(ascii("GET /signin?x=% HTTP/1.1" + host + "\r\nAccept: text/html"), null);
		assertThat(brokenEscape.status()).isEqualTo(400);
		assertThat(brokenEscape.body()).contains("The request was malformed");
		assertThat(http.send(ascii("GET /error HTTP/1.1" + host), null).status()).isEqualTo(404);
		Answer unknown = http.send(ascii("GET /oauth2/authorization/unknown HTTP/1.1" + host + "\r\nAccept: text/html"),
				null);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.body()).contains("Page not found");
		Answer transferCoding = http.send(ascii("GET / HTTP/1.1" + host + "\r\nTransfer-Encoding: gzip"), null);
		assertThat(transferCoding.status()).isEqualTo(400);
		assertThat(transferCoding.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
		assertThat(transferCoding.body()).doesNotContain("Apache Tomcat");
	}

	private RawHttp raw() {
		URI base = URI.create(this.app);
		return new RawHttp(base.getHost(), base.getPort());
	}

	private static byte[] ascii(String value) {
		return value.getBytes(StandardCharsets.ISO_8859_1);
	}

	private static void check(MalformedRequests.Request request, Answer answer, List<String> violations) {
		if (answer.status() == 0) {
			violations.add("no HTTP answer: " + request.label());
			return;
		}
		if (answer.status() >= 500) {
			violations.add(answer.status() + ": " + request.label());
		}
		if (answer.status() >= 400) {
			if (!"nosniff".equalsIgnoreCase(answer.header("X-Content-Type-Options"))) {
				violations.add("no nosniff on " + answer.status() + ": " + request.label());
			}
			String csp = answer.header("Content-Security-Policy");
			if (csp == null || !csp.contains("frame-ancestors 'none'")) {
				violations.add("no frame-ancestors on " + answer.status() + ": " + request.label());
			}
		}
		String location = answer.header("Location");
		if (location != null && location.contains("evil.example")) {
			violations.add("redirect to a foreign host: " + request.label() + " -> " + location);
		}
		if (answer.body().contains("Exception") || answer.body().contains("\tat ")
				|| answer.body().contains("Apache Tomcat")) {
			violations.add("exception text in the answer: " + request.label());
		}
	}

}

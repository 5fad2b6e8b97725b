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
import io.fedlab.support.RawHttp.Reply;
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
		int logBefore = output.getAll().length();

		Map<Integer, Integer> byStatus = new TreeMap<>();
		Map<MalformedRequests.Kind, Integer> rejected = new EnumMap<>(MalformedRequests.Kind.class);
		List<String> violations = new ArrayList<>();
		for (MalformedRequests.Request request : new MalformedRequests(20261203L, base.getAuthority(), ENDPOINTS,
				session)
			.next(REQUESTS)) {
			Reply answer = RawHttp.send(base.getPort(), request.bytes());
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
		int port = URI.create(this.app).getPort();
		for (String target : List.of("/profile", "/admin", "/profile/refresh",
				"/login/oauth2/code/cognito?code=abc&state=unknown", "/oauth2/authorization/cognito")) {
			Reply answer = RawHttp.send(port,
					RawHttp.request("GET", target, "evil.example",
							List.of(new String[] { "X-Forwarded-Host", "evil.example" },
									new String[] { "X-Forwarded-Proto", "https" }),
							null));
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
		int port = URI.create(this.app).getPort();
		String host = URI.create(this.app).getAuthority();
		List<String[]> html = List.<String[]>of(new String[] { "Accept", "text/html" });
		Reply brokenEscape = RawHttp.send(port, RawHttp.request("GET", "/signin?x=%", host, html, null));
		assertThat(brokenEscape.status()).isEqualTo(400);
		assertThat(brokenEscape.text()).contains("The request was malformed");
		assertThat(RawHttp.send(port, RawHttp.request("GET", "/error", host, List.of(), null)).status()).isEqualTo(404);
		Reply unknown = RawHttp.send(port, RawHttp.request("GET", "/oauth2/authorization/unknown", host, html, null));
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.text()).contains("Page not found");
		Reply transferCoding = RawHttp.send(port, RawHttp.request("GET", "/", host,
				List.<String[]>of(new String[] { "Transfer-Encoding", "gzip" }), null));
		assertThat(transferCoding.status()).isEqualTo(400);
		assertThat(transferCoding.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
		assertThat(transferCoding.text()).doesNotContain("Apache Tomcat");
	}

	private static void check(MalformedRequests.Request request, Reply answer, List<String> violations) {
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
		String body = answer.text();
		if (body.contains("Exception") || body.contains("\tat ") || body.contains("Apache Tomcat")) {
			violations.add("exception text in the answer: " + request.label());
		}
	}

}

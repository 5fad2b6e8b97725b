package io.fedlab.session;

import java.io.IOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fedlab.FedlabApplication;
import io.fedlab.localidp.LocalStack;
import io.fedlab.localidp.TestLocalStacks;
import io.fedlab.localidp.http.FreePorts;
import io.fedlab.support.Browserless;
import io.fedlab.support.HostedUiFaults;
import io.fedlab.support.RedisServerProcess;
import io.fedlab.support.RoundRobinProxy;
import io.fedlab.support.RoundRobinProxy.Served;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the app (profile {@code redis}) on different ports, sharing sessions
 * in a real Redis server, behind a load balancer that alternates requests between them
 * and keeps the browser's {@code Host}; the local Cognito and Auth0 are provisioned for
 * the load balancer's URL. No sticky sessions: every hop may land on the other instance.
 */
class SharedSessionsIT {

	static final String REDIS_PASSWORD = "shared-sessions-test";

	static final String SESSION_KEYS = "fedlab:session:sessions:";

	static final String FLOW_RECORD = "sessionAttr:io.fedlab.inspector.FlowRecord";

	static final String PENDING_REVOCATIONS = "fedlab:session:{revocations}:due";

	static final Pattern TOKEN_VALUE = Pattern.compile("\"tokenValue\":\"([^\"]+)\"");

	static RedisServerProcess redis;

	static LocalStack stack;

	static RoundRobinProxy loadBalancer;

	static String base;

	static final int[] ports = new int[2];

	static final ConfigurableApplicationContext[] instances = new ConfigurableApplicationContext[2];

	@BeforeAll
	static void start() {
		RedisServerProcess.assumeInstalled();
		redis = RedisServerProcess.start(REDIS_PASSWORD);
		int loadBalancerPort = FreePorts.resolve(0);
		base = "http://localhost:" + loadBalancerPort;
		stack = LocalStack.start(TestLocalStacks.settings(), base, (line) -> {
		});
		for (int i = 0; i < 2; i++) {
			ports[i] = FreePorts.resolve(0);
			instances[i] = startInstance(ports[i]);
		}
		loadBalancer = RoundRobinProxy.start(loadBalancerPort, List.of(ports[0], ports[1]));
	}

	@AfterAll
	static void stop() {
		if (loadBalancer != null) {
			loadBalancer.close();
		}
		for (ConfigurableApplicationContext instance : instances) {
			if (instance != null) {
				instance.close();
			}
		}
		if (stack != null) {
			stack.close();
		}
		if (redis != null) {
			redis.close();
		}
	}

	@Test
	void signInWhenStartedOnOneInstanceThenCompletesOnTheOther() {
		Browserless browser = new Browserless();
		Browserless.Page login = browser.get(base + "/oauth2/authorization/cognito");
		assertThat(login.uri().getPath()).isEqualTo("/u/login");

		Browserless.Page profile = browser.submit(login, "/u/login",
				Map.of("username", "alice@example.com", "password", "wonderland"));

		assertThat(profile.uri().toString()).isEqualTo(base + "/profile");
		assertThat(profile.status()).isEqualTo(200);
		assertThat(profile.body()).contains("alice@example.com");
		// the saved authorization request (state, nonce, PKCE verifier) written by one
		// instance was found by the other one
		Served started = last("/oauth2/authorization/cognito");
		Served callback = last("/login/oauth2/code/cognito");
		assertThat(callback.backend()).isNotEqualTo(started.backend());
		assertThat(callback.status()).isEqualTo(302);
	}

	@Test
	void sessionWhenSignedInThenStoredAsJsonWithTheSessionTimeoutAsItsLifetime() {
		Browserless browser = signedIn("alice@example.com", "wonderland");
		String key = SESSION_KEYS + sessionId(browser);

		String context = redis.command("HGET", key, "sessionAttr:SPRING_SECURITY_CONTEXT");
		String clients = redis.command("HGET", key,
				"sessionAttr:org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository.AUTHORIZED_CLIENTS");

		// JSON with class names from the allow list, never Java serialization (0xACED)
		assertThat(context).startsWith("{\"@class\":\"org.springframework.security.core.context.SecurityContextImpl\"");
		assertThat(clients).startsWith("{\"@class\":\"java.util.HashMap\"")
			.contains("\"@class\":\"org.springframework.security.oauth2.core.OAuth2RefreshToken\"");
		// the client registration by id only: the app client's secret is not at rest in
		// Redis
		String clientSecret = (String) stack.appProperties()
			.get("spring.security.oauth2.client.registration.cognito.client-secret");
		assertThat(clients).contains("\"registrationId\":\"cognito\"").doesNotContain(clientSecret);
		// the saved authorization request (state, nonce, PKCE verifier) is gone once used
		assertThat(redis.command("HGET", key,
				"sessionAttr:org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizationRequestRepository.AUTHORIZATION_REQUEST"))
			.isEmpty();
		// server.servlet.session.timeout (30 minutes) is the key's time to live
		long ttl = Long.parseLong(redis.command("TTL", key).substring(1));
		assertThat(ttl).isPositive().isLessThanOrEqualTo(1800);
	}

	@Test
	void sessionCookieWhenFromRedisThenSameNameAndAttributesAsWithoutIt() {
		HttpResponse<String> start = new Browserless().getOnce(base + "/oauth2/authorization/cognito");

		// Spring Session writes the cookie from server.servlet.session.cookie.*
		// (SessionCookieLocalIT pins the same without Redis)
		assertThat(start.headers().firstValue("Set-Cookie"))
			.hasValueSatisfying((cookie) -> assertThat(cookie).startsWith("FEDLAB_SESSION=")
				.contains("; Path=/", "; HttpOnly", "; SameSite=Lax")
				.doesNotContain("Secure"));
	}

	@Test
	void profileAndRefreshWhenRequestsAlternateThenEitherInstanceServesThem() {
		Browserless browser = signedIn("alice@example.com", "wonderland");

		Browserless.Page first = browser.get(base + "/profile");
		Served firstServed = last("/profile");
		Browserless.Page second = browser.get(base + "/profile");
		Served secondServed = last("/profile");
		assertThat(List.of(first.status(), second.status())).containsOnly(200);
		assertThat(first.body()).contains("alice@example.com");
		assertThat(second.body()).contains("alice@example.com");
		assertThat(secondServed.backend()).isNotEqualTo(firstServed.backend());

		Browserless.Page refreshed = browser.submit(second, "/profile/refresh", Map.of());
		assertThat(refreshed.uri().toString()).isEqualTo(base + "/profile");
		assertThat(refreshed.status()).isEqualTo(200);
		// the outcome travelled as a flash attribute, through Redis, to the other
		// instance
		assertThat(refreshed.body()).contains("Cognito issued no new refresh token");
		assertThat(last("/profile").backend()).isNotEqualTo(last("/profile/refresh").backend());

		for (int port : ports) {
			assertThat(browser.getOnce("http://localhost:" + port + "/admin").statusCode()).as("admin on " + port)
				.isEqualTo(200);
		}
	}

	@Test
	void logoutWhenOnOneInstanceThenSessionEndsOnBoth() {
		Browserless browser = signedIn("bob@example.com", "builder");
		String key = SESSION_KEYS + sessionId(browser);
		String instanceA = "http://localhost:" + ports[0];
		String instanceB = "http://localhost:" + ports[1];
		assertThat(browser.getOnce(instanceA + "/profile").statusCode()).isEqualTo(200);
		Browserless.Page onB = browser.get(instanceB + "/profile");
		assertThat(onB.status()).isEqualTo(200);

		Browserless.Page loggedOut = browser.submit(onB, "/logout", Map.of());

		assertThat(loggedOut.uri().toString()).isEqualTo(base + "/logged-out");
		assertThat(redis.command("EXISTS", key)).isEqualTo(":0");
		HttpResponse<String> onA = browser.getOnce(instanceA + "/profile");
		assertThat(onA.statusCode()).isEqualTo(302);
		assertThat(onA.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).endsWith("/signin"));
	}

	@Test
	void signInWhenInstanceStopsMidFlowThenTheOtherFinishesIt() {
		Browserless browser = new Browserless();
		Browserless.Page login = browser.get(base + "/oauth2/authorization/cognito");
		int starter = last("/oauth2/authorization/cognito").backend();
		instances[starter].close();
		try {
			Browserless.Page profile = browser.submit(login, "/u/login",
					Map.of("username", "alice@example.com", "password", "wonderland"));

			assertThat(profile.uri().toString()).isEqualTo(base + "/profile");
			assertThat(profile.status()).isEqualTo(200);
			assertThat(profile.body()).contains("alice@example.com");
			assertThat(last("/login/oauth2/code/cognito").backend()).isEqualTo(1 - starter);
		}
		finally {
			instances[starter] = startInstance(ports[starter]);
		}
	}

	@Test
	void redisWhenRestartedEmptyThenUsersSignInAgainWithNoServerError() {
		Browserless browser = signedIn("alice@example.com", "wonderland");
		int from = loadBalancer.served().size();

		redis.stop();
		Browserless.Page down = browser.get(base + "/profile");
		redis.start();

		// while Redis is down: the page that says so, with 503, not a 500
		assertThat(down.status()).isEqualTo(503);
		assertThat(down.body()).contains("Sessions are unavailable");
		assertThat(down.header("Retry-After")).isEqualTo("5");
		// back with nothing in it: each instance sends the user to sign in (the first
		// request after the restart may still meet the reconnecting client: 503 again)
		for (int instance = 0; instance < 2; instance++) {
			Browserless.Page page = browser.get(base + "/profile");
			for (int retry = 0; retry < 20 && page.status() == 503; retry++) {
				page = browser.get(base + "/profile");
			}
			assertThat(page.uri().toString()).isEqualTo(base + "/signin");
			assertThat(page.status()).isEqualTo(200);
		}
		// signing in again goes through Cognito, whose own session (1 hour) is still
		// alive
		Browserless.Page again = browser.get(base + "/oauth2/authorization/cognito");
		assertThat(again.uri().toString()).startsWith(base + "/profile"); // the page
																			// first asked
																			// for
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body()).contains("alice@example.com");
		List<Served> served = loadBalancer.served().subList(from, loadBalancer.served().size());
		assertThat(served).extracting(Served::status).doesNotContain(500).doesNotContain(502);
	}

	@Test
	void flowWhenReadFromEitherInstanceThenTheSameWholeSignInAndNothingRawInRedis() {
		Browserless browser = new Browserless();
		Browserless.Page login = browser.get(base + "/oauth2/authorization/cognito");
		String idBefore = sessionId(browser);
		Browserless.Page profile = browser.submit(login, "/u/login",
				Map.of("username", "alice@example.com", "password", "wonderland"));
		assertThat(profile.uri().toString()).isEqualTo(base + "/profile");
		// started on one instance, called back on the other, which recorded the token
		// request, ID-token checks and user info before the session id changed
		assertThat(last("/login/oauth2/code/cognito").backend())
			.isNotEqualTo(last("/oauth2/authorization/cognito").backend());
		String key = SESSION_KEYS + sessionId(browser);
		assertThat(sessionId(browser)).isNotEqualTo(idBefore);

		int from = loadBalancer.served("/flow.json").size();
		List<String> downloads = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			HttpResponse<String> download = browser.getOnce(base + "/flow.json");
			assertThat(download.statusCode()).isEqualTo(200);
			downloads.add(download.body());
		}

		List<Served> reads = loadBalancer.served("/flow.json");
		assertThat(reads.subList(from, reads.size())).extracting(Served::backend).contains(0, 1);
		assertThat(downloads).containsOnly(downloads.get(0));
		JsonNode flow = JsonMapper.builder().build().readTree(downloads.get(0));
		assertThat(flow.path("kind").asString()).isEqualTo("sign-in");
		assertThat(flow.path("outcome").asString()).isEqualTo("signed-in");
		List<String> steps = new ArrayList<>();
		flow.path("hops").forEach((hop) -> steps.add(hop.path("step").asString()));
		assertThat(steps).containsSubsequence("authorization-request", "callback", "token-request", "id-token-checks",
				"user-info", "signed-in");
		assertThat(fact(flow, "callback", "state_matched")).isEqualTo("yes");
		assertThat(fact(flow, "token-request", "tokens")).isEqualTo("id_token, access_token, refresh_token");
		assertThat(fact(flow, "id-token-checks", "nonce")).isEqualTo("matches the one sent");

		String stored = redis.command("HGET", key, FLOW_RECORD);
		assertThat(stored).startsWith("{\"@class\":\"io.fedlab.inspector.FlowRecord\"")
			.contains("\"outcome\":\"SIGNED_IN\"");
		List<String> secrets = secrets(browser, redis.command("HGETALL", key));
		assertThat(secrets).hasSizeGreaterThanOrEqualTo(8).allSatisfy((secret) -> {
			assertThat(secret).hasSizeGreaterThanOrEqualTo(16);
			assertThat(stored).doesNotContain(secret);
		});
	}

	@Test
	void revocationWhenLeftPendingByAStoppedInstanceThenTheOtherRevokesTheTokenOnceTheFaultClears() {
		Browserless browser = signedIn("alice@example.com", "wonderland");
		Browserless.Page profile = browser.get(base + "/profile");
		String refreshToken = profile.textOf("raw-refresh");
		String hostedUi = stack.settings().hostedUiUrl();
		String fault = HostedUiFaults.addStub(hostedUi, HostedUiFaults.REVOKE_FAILS);
		int stopped = -1;
		try {
			Browserless.Page loggedOut = browser.submit(profile, "/logout", Map.of());
			assertThat(loggedOut.textOf("revocation-title")).isEqualTo("Your refresh token could not be revoked yet");
			assertThat(redis.command("ZCARD", PENDING_REVOCATIONS)).isEqualTo(":1");

			stopped = last("/logout").backend();
			instances[stopped].close();
			assertThat(refresh(hostedUi, refreshToken).statusCode()).isEqualTo(200);
		}
		finally {
			HostedUiFaults.removeStub(hostedUi, fault);
		}
		try {
			HostedUiFaults.awaitTrue("the other instance to revoke the token",
					() -> redis.command("ZCARD", PENDING_REVOCATIONS).equals(":0"), Duration.ofSeconds(30));

			HttpResponse<String> refused = refresh(hostedUi, refreshToken);
			assertThat(refused.statusCode()).isEqualTo(400);
			assertThat(refused.body()).contains("\"invalid_grant\"");
			// the cookie's id is read from Redis by the instance left
			assertThat(browser.get(base + "/logged-out").textOf("revocation-title"))
				.isEqualTo("Your refresh token is revoked now");
			assertThat(last("/logged-out").backend()).isEqualTo(1 - stopped);
		}
		finally {
			instances[stopped] = startInstance(ports[stopped]);
		}
	}

	// ---- helpers
	// -----------------------------------------------------------------------

	private static HttpResponse<String> refresh(String hostedUi, String refreshToken) {
		return HostedUiFaults.refresh(hostedUi, (String) stack.appProperties().get("app.cognito.client-id"),
				(String) stack.appProperties().get("spring.security.oauth2.client.registration.cognito.client-secret"),
				refreshToken);
	}

	private static Browserless signedIn(String username, String password) {
		Browserless browser = new Browserless();
		Browserless.Page login = browser.get(base + "/oauth2/authorization/cognito");
		Browserless.Page profile = browser.submit(login, "/u/login",
				Map.of("username", username, "password", password));
		assertThat(profile.uri().toString()).isEqualTo(base + "/profile");
		return browser;
	}

	/**
	 * Every whole secret value of a sign-in: the app's {@code state}, {@code nonce} and
	 * code, Auth0's code, the app's three tokens (as the session holds them), the app
	 * client's secret and the session cookie.
	 */
	private static List<String> secrets(Browserless browser, String session) {
		List<String> secrets = new ArrayList<>();
		Map<String, String> authorization = Browserless.queryParams(location(browser, "/oauth2/authorize?"));
		secrets.add(authorization.get("state"));
		secrets.add(authorization.get("nonce"));
		secrets.add(Browserless.queryParams(location(browser, "/login/oauth2/code/cognito?")).get("code"));
		secrets.add(Browserless.queryParams(location(browser, "/oauth2/idpresponse?")).get("code"));
		Matcher token = TOKEN_VALUE.matcher(session);
		while (token.find()) {
			secrets.add(token.group(1));
		}
		secrets.add(
				(String) stack.appProperties().get("spring.security.oauth2.client.registration.cognito.client-secret"));
		browser.cookies().forEach((cookie) -> secrets.add(cookie.getValue()));
		return secrets;
	}

	private static URI location(Browserless browser, String part) {
		return browser.hops()
			.stream()
			.map(Browserless.Hop::next)
			.filter((next) -> next != null && next.toString().contains(part))
			.reduce((first, second) -> second)
			.orElseThrow();
	}

	private static String fact(JsonNode flow, String step, String name) {
		for (JsonNode hop : flow.path("hops")) {
			if (step.equals(hop.path("step").asString())) {
				for (JsonNode fact : hop.path("facts")) {
					if (name.equals(fact.path("name").asString())) {
						return fact.path("value").asString();
					}
				}
			}
		}
		throw new AssertionError("No fact " + name + " in hop " + step + " of " + flow);
	}

	/** Spring Session's cookie carries the session id in Base64. */
	private static String sessionId(Browserless browser) {
		HttpCookie cookie = browser.cookies()
			.stream()
			.filter((c) -> c.getName().equals("FEDLAB_SESSION"))
			.findFirst()
			.orElseThrow();
		return new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
	}

	private static Served last(String pathPrefix) {
		List<Served> served = loadBalancer.served(pathPrefix);
		assertThat(served).as("requests for " + pathPrefix).isNotEmpty();
		return served.get(served.size() - 1);
	}

	/**
	 * One instance, configured as the README says: profile {@code redis}, the emulators'
	 * settings, the load balancer's URL as the public base URL.
	 */
	private static ConfigurableApplicationContext startInstance(int port) {
		Map<String, Object> properties = new LinkedHashMap<>(stack.appProperties());
		properties.put("local.enabled", "false");
		properties.put("server.port", port);
		properties.put("app.base-url", base);
		// the names the README documents (application-redis.yml)
		properties.put("REDIS_HOST", "localhost");
		properties.put("REDIS_PORT", redis.port());
		properties.put("REDIS_PASSWORD", REDIS_PASSWORD);
		properties.put("spring.main.banner-mode", "off");
		// retries of a failed revocation within a second, not minutes
		properties.put("app.logout.revocation-retry.initial-back-off", "200ms");
		properties.put("app.logout.revocation-retry.max-back-off", "500ms");
		properties.put("app.logout.revocation-retry.check-interval", "100ms");
		// an instance stopped in the middle of an attempt holds its claim this long
		properties.put("app.logout.revocation-retry.lease", "2s");
		List<String> args = new ArrayList<>();
		properties.forEach((name, value) -> args.add("--" + name + "=" + value));
		return new SpringApplicationBuilder(FedlabApplication.class).profiles("redis")
			.initializers((context) -> context.getBeanFactory()
				.registerSingleton(TestClassesExcluded.class.getName(), new TestClassesExcluded()))
			.run(args.toArray(String[]::new));
	}

	/**
	 * Keeps the test classes (slice-test configurations among them) out of the
	 * application's component scan, as {@code @SpringBootTest} does.
	 */
	static final class TestClassesExcluded extends TypeExcludeFilter {

		@Override
		public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
			return reader.getResource().getURL().toString().contains("/test-classes/");
		}

		@Override
		public boolean equals(Object other) {
			return other != null && other.getClass() == getClass();
		}

		@Override
		public int hashCode() {
			return getClass().hashCode();
		}

	}

}

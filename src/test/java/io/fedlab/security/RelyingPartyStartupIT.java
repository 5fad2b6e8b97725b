package io.fedlab.security;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;
import io.fedlab.FedlabApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application starts against a minimal discovery document (no emulators): the
 * registration comes from discovery with its issuer set, so Spring checks {@code iss}
 * (emulated-behaviour.md §R3 item 1).
 */
@SpringBootTest(classes = FedlabApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RelyingPartyStartupIT {

	static final HttpServer discovery = start();

	@Autowired
	ClientRegistrationRepository registrations;

	@Value("${local.server.port}")
	int port;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		String base = "http://localhost:" + discovery.getAddress().getPort();
		registry.add("local.enabled", () -> "false");
		registry.add("app.base-url", () -> "http://localhost:8080");
		registry.add("app.cognito.region", () -> "us-east-1");
		registry.add("app.cognito.user-pool-id", () -> "us-east-1_Start1");
		registry.add("app.cognito.client-id", () -> "startclient");
		registry.add("app.cognito.domain", () -> base);
		registry.add("app.cognito.issuer-uri", () -> base + "/us-east-1_Start1");
		registry.add("app.cognito.api-endpoint", () -> base);
		registry.add("app.auth0.domain", () -> "http://localhost:9");
		registry.add("app.auth0.client-id", () -> "a0");
		registry.add("spring.security.oauth2.client.registration.cognito.client-secret", () -> "secret");
	}

	@AfterAll
	static void stop() {
		discovery.stop(0);
	}

	@Test
	void startupWhenIssuerConfiguredThenRegistrationFromDiscoveryWithIssuerSet() {
		ClientRegistration registration = this.registrations.findByRegistrationId("cognito");
		String issuer = "http://localhost:" + discovery.getAddress().getPort() + "/us-east-1_Start1";
		assertThat(registration.getProviderDetails().getIssuerUri()).isEqualTo(issuer);
		assertThat(registration.getProviderDetails().getJwkSetUri()).isEqualTo(issuer + "/.well-known/jwks.json");
		assertThat(registration.getClientAuthenticationMethod().getValue()).isEqualTo("client_secret_basic");
		assertThat(registration.getRedirectUri()).isEqualTo("http://localhost:8080/login/oauth2/code/cognito");
	}

	@Test
	void homeWhenAppRunningThenServedWithCspAndNoWhitelabel() throws Exception {
		HttpResponse<String> home = get("/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((csp) -> assertThat(csp).contains("frame-ancestors 'none'"));
		// an anonymous request for an unknown page goes to sign-in; a public path that
		// does not exist shows ours
		assertThat(get("/no-such-page").headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/signin"));
		HttpResponse<String> missing = get("/css/no-such-file.css");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("Page not found").doesNotContain("Whitelabel");
	}

	@Test
	void signInWhenStartedThenRedirectsToTheDiscoveredAuthorizationEndpoint() throws Exception {
		HttpResponse<String> response = get("/oauth2/authorization/cognito");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow())
			.startsWith("http://localhost:" + discovery.getAddress().getPort() + "/oauth2/authorize?")
			.contains("identity_provider=Auth0");
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.header("Accept", "text/html")
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpServer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
			server.createContext("/us-east-1_Start1/.well-known/openid-configuration", (exchange) -> {
				String base = "http://localhost:" + server.getAddress().getPort();
				String issuer = base + "/us-east-1_Start1";
				String json = """
						{"authorization_endpoint":"%1$s/oauth2/authorize","end_session_endpoint":"%1$s/logout",
						"id_token_signing_alg_values_supported":["RS256"],"issuer":"%2$s",
						"jwks_uri":"%2$s/.well-known/jwks.json","response_types_supported":["code","token"],
						"revocation_endpoint":"%1$s/oauth2/revoke","scopes_supported":["openid","email","phone","profile"],
						"subject_types_supported":["public"],"token_endpoint":"%1$s/oauth2/token",
						"token_endpoint_auth_methods_supported":["client_secret_basic","client_secret_post"],
						"userinfo_endpoint":"%1$s/oauth2/userInfo"}"""
					.formatted(base, issuer);
				byte[] body = json.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

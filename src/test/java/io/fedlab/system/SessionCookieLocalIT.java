package io.fedlab.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = SessionCookieLocalIT.SessionCookieApp.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "local.enabled=false")
class SessionCookieLocalIT {

	@Value("${local.server.port}")
	int port;

	@Test
	void sessionCookieWhenLocalThenFedlabSessionHttpOnlyLaxNotSecure() throws Exception {
		String cookie = SessionCookieApp.setCookie(this.port);
		// distinct from the emulators' cookies on the same host: cognito, cognito-fed,
		// auth0, auth0-tx
		assertThat(cookie).startsWith("FEDLAB_SESSION=").contains("; Path=/").contains("; HttpOnly");
		// Lax, not Strict: the callback from Cognito is a cross-site top-level GET
		// (emulated-behaviour.md §R3 item 6)
		assertThat(cookie).contains("; SameSite=Lax").doesNotContain("Secure");
	}

	/**
	 * Only the web server, the application's configuration files and an endpoint that
	 * creates a session: enough to see the session cookie as Tomcat writes it (MockMvc
	 * does not apply the container's cookie settings). Nested in a test class so that the
	 * application's component scan skips it (Boot's TestTypeExcludeFilter).
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration(exclude = { SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
			UserDetailsServiceAutoConfiguration.class, OAuth2ClientAutoConfiguration.class,
			OAuth2ClientWebSecurityAutoConfiguration.class })
	@Import(SessionCookieLocalIT.SessionCookieApp.SessionEndpoint.class)
	static class SessionCookieApp {

		static String setCookie(int port) throws Exception {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/session")).build(),
						HttpResponse.BodyHandlers.ofString());
			return response.headers().firstValue("Set-Cookie").orElseThrow();
		}

		@RestController
		static class SessionEndpoint {

			@GetMapping("/session")
			String session(HttpServletRequest request) {
				request.getSession(true);
				return "ok";
			}

		}

	}

}

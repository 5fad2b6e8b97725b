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

/**
 * Only the web server, the application's configuration files and an endpoint that creates
 * a session: enough to see the session cookie as Tomcat writes it (MockMvc does not apply
 * the container's cookie settings).
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = { SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
		UserDetailsServiceAutoConfiguration.class, OAuth2ClientAutoConfiguration.class,
		OAuth2ClientWebSecurityAutoConfiguration.class })
@Import(SessionCookieApp.SessionEndpoint.class)
class SessionCookieApp {

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

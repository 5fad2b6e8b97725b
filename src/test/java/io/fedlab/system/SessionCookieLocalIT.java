package io.fedlab.system;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = SessionCookieApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "local.enabled=false")
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
		// (rp-security.md §4.2 item 6)
		assertThat(cookie).contains("; SameSite=Lax").doesNotContain("Secure");
	}

}

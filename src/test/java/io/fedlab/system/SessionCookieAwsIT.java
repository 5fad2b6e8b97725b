package io.fedlab.system;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = SessionCookieLocalIT.SessionCookieApp.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "local.enabled=false")
@ActiveProfiles("aws")
class SessionCookieAwsIT {

	@Value("${local.server.port}")
	int port;

	@Value("${app.profile.show-raw-tokens}")
	boolean showRawTokens;

	@Test
	void sessionCookieWhenAwsThenHostPrefixedSecureHttpOnlyLax() throws Exception {
		// ASVS 3.3.3: __Host- means Secure, Path=/ and no Domain
		String cookie = SessionCookieLocalIT.SessionCookieApp.setCookie(this.port);
		assertThat(cookie).startsWith("__Host-FEDLAB_SESSION=")
			.contains("; Path=/")
			.contains("; Secure")
			.contains("; HttpOnly")
			.contains("; SameSite=Lax")
			.doesNotContainIgnoringCase("Domain=");
	}

	@Test
	void rawTokensWhenAwsThenHiddenUnlessAskedFor() {
		// a deployed app's profile page must not print the 30-day refresh token into HTML
		assertThat(this.showRawTokens).isFalse();
	}

}

package io.fedlab.security;

import java.time.Clock;
import java.time.Duration;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.nimbusds.jwt.SignedJWT;
import io.fedlab.FedlabApplication;
import io.fedlab.localidp.LocalStack;
import io.fedlab.localidp.MutableClock;
import io.fedlab.support.Browserless;
import io.fedlab.support.FullStackFlows;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An access token that has expired is refreshed when the profile page needs it, through
 * Cognito's refresh grant, and Spring validates the new ID token before it replaces the
 * session's (emulated-behaviour.md §R2). The app's clock is moved past the access token's
 * hour instead of waiting for it.
 */
@SpringBootTest(classes = { FedlabApplication.class, ExpiredAccessTokenRefreshIT.AppClock.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExpiredAccessTokenRefreshIT {

	@Autowired
	LocalStack localStack;

	@Autowired
	MutableClock clock;

	@Value("${app.base-url}")
	String app;

	@Test
	void profileWhenAccessTokenExpiredThenRefreshedThroughCognitoAndNewTokensShown() throws Exception {
		FullStackFlows flows = new FullStackFlows(this.localStack, this.app);
		Browserless browser = flows.browser();
		Browserless.Page first = flows.signIn(browser, "alice@example.com", "wonderland");
		String accessToken = flows.rawToken(first, "access");
		String idToken = flows.rawToken(first, "id");
		String refreshToken = flows.rawToken(first, "refresh");
		WireMock hostedUi = new WireMock(this.localStack.server("cognito-hosted-ui").port());
		hostedUi.resetRequests();

		// Cognito's access tokens live one hour (emulated-behaviour.md §C4.4)
		this.clock.advance(Duration.ofMinutes(61));
		Browserless.Page later = browser.get(this.app + "/profile");

		assertThat(later.uri().getPath()).isEqualTo("/profile");
		String newAccessToken = flows.rawToken(later, "access");
		assertThat(newAccessToken).startsWith("eyJ").isNotEqualTo(accessToken);
		assertThat(flows.rawToken(later, "id")).isNotEqualTo(idToken);
		// rotation is off: the same refresh token goes on (emulated-behaviour.md §C9 fact
		// 8)
		assertThat(flows.rawToken(later, "refresh")).isEqualTo(refreshToken);
		assertThat(SignedJWT.parse(newAccessToken).getJWTClaimsSet().getStringClaim("token_use")).isEqualTo("access");
		hostedUi.verifyThat(1, postRequestedFor(urlPathEqualTo("/oauth2/token"))
			.withRequestBody(containing("grant_type=refresh_token")));
		// the user-pool profile is fetched with the new access token
		assertThat(FullStackFlows.section(later, "userpool")).contains("alice@example.com");
	}

	@Test
	void profileWhenAccessTokenExpiredAndCognitoDoesNotAnswerTheRefreshThenStillSignedInAndToldSo() {
		FullStackFlows flows = new FullStackFlows(this.localStack, this.app);
		Browserless browser = flows.browser();
		flows.signIn(browser, "alice@example.com", "wonderland");
		WireMock hostedUi = new WireMock(this.localStack.server("cognito-hosted-ui").port());
		StubMapping fault = hostedUi.register(post(urlPathEqualTo("/oauth2/token"))
			.willReturn(WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		try {
			this.clock.advance(Duration.ofMinutes(61));
			Browserless.Page later = browser.get(this.app + "/profile");

			assertThat(later.uri().getPath()).isEqualTo("/profile");
			assertThat(later.status()).isEqualTo(200);
			assertThat(later.body()).contains("Cognito did not answer its refresh (unreachable)")
				.doesNotContain("Sign out and sign in again");
		}
		finally {
			hostedUi.removeStubMapping(fault);
			this.clock.reset();
		}
	}

	/** The app's clock, movable. */
	@TestConfiguration(proxyBeanMethods = false)
	static class AppClock {

		@Bean
		MutableClock appClock() {
			return new MutableClock();
		}

	}

}

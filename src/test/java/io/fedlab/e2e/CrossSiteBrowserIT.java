package io.fedlab.e2e;

import java.util.List;
import java.util.Map;

import io.fedlab.FedlabApplication;
import io.fedlab.localidp.LocalStack;
import io.fedlab.localidp.http.FreePorts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

import static io.fedlab.e2e.Journeys.ALICE;
import static io.fedlab.e2e.Journeys.ALICE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in and logout with Cognito and Auth0 on another site than the app, as in
 * production ({@code amazoncognito.com} and {@code auth0.com} are never the app's site).
 * On one host name every hop is same-site, whatever the ports, so SameSite rules never
 * apply; here the emulators answer at {@code 127.0.0.1} and the app at {@code localhost},
 * two sites to the browser. Cognito's redirect to the callback is then a cross-site
 * top-level GET, which carries the session cookie only because it is {@code SameSite=Lax}
 * (RFC 9700 §4.7; emulated-behaviour.md §R3 item 6).
 */
@SpringBootTest(classes = FedlabApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = CrossSiteBrowserIT.IdentityProvidersOnAnotherSite.class)
class CrossSiteBrowserIT {

	@RegisterExtension
	static final BrowserExtension e2e = new BrowserExtension();

	@Autowired
	LocalStack localStack;

	@Value("${app.base-url}")
	String appBaseUrl;

	Journeys sites;

	@BeforeEach
	void sites() {
		this.sites = Journeys.of(this.localStack, this.appBaseUrl);
	}

	@Test
	void signInAndOutWhenIdentityProvidersAreAnotherSiteThenCallbackCarriesTheSession() {
		assertThat(this.sites.app()).startsWith("http://localhost:");
		assertThat(this.sites.hostedUi()).startsWith("http://127.0.0.1:");
		assertThat(this.sites.auth0()).startsWith("http://127.0.0.1:");
		Browser browser = e2e.browser();

		ProfilePage profile = this.sites.signInWithPassword(browser, ALICE, ALICE_PASSWORD);
		e2e.step(browser, "signed-in-across-sites");

		assertThat(profile.email()).isEqualTo(ALICE);
		List<String> hops = Journeys.hops(browser.documents());
		// the first callback found its authorization request: no restart
		assertThat(hops).containsOnlyOnce("GET " + this.sites.app() + "/login/oauth2/code/cognito")
			.containsOnlyOnce("GET " + this.sites.app() + "/oauth2/authorization/cognito");
		assertThat(names(browser.cookies())).contains("FEDLAB_SESSION", "cognito", "auth0");

		browser.forgetDocuments();
		profile.signOut();
		new LoggedOutPage(browser, this.sites.app());
		e2e.step(browser, "logged-out-across-sites");
		assertThat(Journeys.hops(browser.documents())).containsExactly("POST " + this.sites.app() + "/logout",
				"GET " + this.sites.auth0() + "/v2/logout", "GET " + this.sites.hostedUi() + "/logout",
				"GET " + this.sites.app() + "/logged-out");
		assertThat(browser.console()).noneMatch((line) -> line.contains("Content Security Policy"));
	}

	private static List<String> names(List<Map<String, Object>> cookies) {
		return cookies.stream().map((cookie) -> (String) cookie.get("name")).toList();
	}

	/**
	 * Runs before the local stack starts it: the emulators on {@code 127.0.0.1}, the app
	 * on {@code localhost} at a port chosen now, because its callback URL is registered
	 * in the local pool before the web server starts.
	 */
	@Order(Ordered.HIGHEST_PRECEDENCE)
	static final class IdentityProvidersOnAnotherSite
			implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			int port = FreePorts.resolve(0);
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("identityProvidersOnAnotherSite", Map.of("local.host", "127.0.0.1",
						"server.port", port, "app.base-url", "http://localhost:" + port)));
		}

	}

}

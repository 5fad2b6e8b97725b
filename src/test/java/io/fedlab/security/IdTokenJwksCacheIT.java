package io.fedlab.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import io.fedlab.FedlabApplication;
import io.fedlab.localidp.LocalStack;
import io.fedlab.support.Browserless;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app fetches Cognito's JWKS once, not for every sign-in, and again when a token
 * names a key it has not seen (after a rotation). Counted in the local Cognito's own
 * request journal.
 */
@SpringBootTest(classes = FedlabApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdTokenJwksCacheIT {

	@Autowired
	LocalStack localStack;

	@Value("${local.server.port}")
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void signInWhenJwksAlreadyFetchedThenNotFetchedAgainUntilKeysRotate() throws Exception {
		String api = this.localStack.settings().cognitoApiUrl();
		signIn();
		admin(api, "/requests", "DELETE");

		signIn();
		signIn();
		assertThat(jwksFetches(api)).isZero();

		admin(api, "/fedlab/rotate-keys", "POST");
		signIn();
		assertThat(jwksFetches(api)).isPositive();
	}

	private void signIn() {
		Browserless browser = new Browserless();
		Browserless.Page login = browser.get("http://localhost:" + this.port + "/oauth2/authorization/cognito");
		Browserless.Page profile = browser.submit(login, "/u/login",
				Map.of("username", "alice@example.com", "password", "wonderland"));
		assertThat(profile.uri().getPath()).isEqualTo("/profile");
		assertThat(profile.status()).isEqualTo(200);
	}

	private long jwksFetches(String api) throws Exception {
		String journal = admin(api, "/requests", "GET");
		return journal.split("/.well-known/jwks.json\"", -1).length - 1;
	}

	private String admin(String base, String path, String method) throws Exception {
		return this.http
			.send(HttpRequest.newBuilder(URI.create(base + "/__admin" + path))
				.method(method, HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();
	}

}

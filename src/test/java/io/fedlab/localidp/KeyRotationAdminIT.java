package io.fedlab.localidp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The documented admin call that rotates signing keys, on both emulators. */
class KeyRotationAdminIT {

	static LocalStack stack;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void start() {
		stack = TestLocalStacks.start();
	}

	@AfterAll
	static void stop() {
		stack.close();
	}

	@Test
	void cognitoRotateWhenCalledThenNewKidsPublishedAndOldOnesKept() throws Exception {
		String jwksUrl = stack.settings().cognitoIssuer(stack.provisioned().userPoolId()) + "/.well-known/jwks.json";
		List<String> before = kids(jwksUrl);
		assertThat(before).hasSize(2);
		assertThat(rotate(stack.settings().cognitoApiUrl()).statusCode()).isEqualTo(200);
		List<String> after = kids(jwksUrl);
		assertThat(after).hasSize(4).containsAll(before);
		assertThat(after.subList(0, 2)).doesNotContainAnyElementsOf(before);
		assertThat(stack.poolKeys().idTokenKey(stack.provisioned().userPoolId()).getKeyID()).isIn(after.subList(0, 2));
	}

	@Test
	void auth0RotateWhenCalledThenNextKeyBecomesCurrent() throws Exception {
		String jwksUrl = stack.settings().auth0Domain() + "/.well-known/jwks.json";
		List<String> before = kids(jwksUrl);
		assertThat(before).hasSizeGreaterThanOrEqualTo(2);
		assertThat(rotate(stack.settings().auth0Domain()).statusCode()).isEqualTo(200);
		List<String> after = kids(jwksUrl);
		// emulated-behaviour.md §A1: the set always holds the current and the next key;
		// the next one
		// now signs.
		assertThat(after.get(0)).isEqualTo(before.get(1));
		assertThat(after).doesNotContain(before.get(0));
	}

	private HttpResponse<String> rotate(String base) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(base + "/__admin" + KeyRotationAdmin.PATH))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private List<String> kids(String url) throws Exception {
		String body = this.http
			.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		return JWKSet.parse(body).getKeys().stream().map(JWK::getKeyID).toList();
	}

}

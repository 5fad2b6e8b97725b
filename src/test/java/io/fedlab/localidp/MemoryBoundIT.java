package io.fedlab.localidp;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fedlab.localidp.http.EmulatorServer;
import io.fedlab.support.Browserless;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Memory stays bounded whatever clients send: fifty 10 MB bodies to the emulators'
 * endpoints and admin API are refused in each service's own shape without being held or
 * journalled, six hundred 60 KB bodies (under the 64 KiB limit) are journalled cut to 16
 * KiB with the truncation marker and within the journal's 8 MiB, and a normal sign-in
 * then succeeds.
 */
class MemoryBoundIT {

	static final int TEN_MB = 10 * 1024 * 1024;

	static LocalStack stack;

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@BeforeAll
	static void start() {
		stack = TestLocalStacks.start();
	}

	@AfterAll
	static void stop() {
		stack.close();
	}

	@Test
	void fiftyTenMegabyteBodiesWhenSentThenRefusedUnjournalledHeapBoundedAndSignInStillWorks() throws Exception {
		signIn();
		long heapBefore = heapAfterGc();
		long journalsBefore = journalBytes();
		sendFiftyTenMegabyteBodies();
		long heapAfterBig = heapAfterGc();
		long journalsAfterBig = journalBytes();
		// Refused before WireMock saw them: nothing journalled.
		assertThat(journalsAfterBig - journalsBefore).isLessThan(64 * 1024);

		// Bodies under the limit are served and journalled, each cut to 16 KiB.
		EmulatorServer auth0 = stack.server("auth0");
		byte[] medium = ("grant_type=authorization_code&code=" + "c".repeat(60 * 1024))
			.getBytes(StandardCharsets.US_ASCII);
		for (int i = 0; i < 600; i++) {
			HttpResponse<String> response = this.http
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + auth0.port() + "/oauth/token"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofByteArray(medium))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(401);
		}
		assertThat(auth0.journalBytes()).isLessThanOrEqualTo(EmulatorServer.JOURNAL_BYTES);
		assertThat(auth0.wireMock().getAllServeEvents()).hasSizeLessThan(600);
		HttpResponse<String> newest = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + auth0.port() + "/__admin/requests?limit=1"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(newest.body()).contains("…[truncated, " + medium.length + " bytes]");
		long heapAfterMedium = heapAfterGc();

		signIn();
		long heapAfterSignIn = heapAfterGc();
		long journalsAfter = journalBytes();
		System.out.printf(
				"Memory: heap after GC %d MB before, %d MB after fifty 10 MB bodies, %d MB after 600 60 KB bodies, %d MB after a sign-in; journals %d KB before, %d KB after the 10 MB bodies, %d KB at the end (bound %d KB each); auth0 journal %d entries, %d KB%n",
				mb(heapBefore), mb(heapAfterBig), mb(heapAfterMedium), mb(heapAfterSignIn), journalsBefore / 1024,
				journalsAfterBig / 1024, journalsAfter / 1024, EmulatorServer.JOURNAL_BYTES / 1024,
				auth0.wireMock().getAllServeEvents().size(), auth0.journalBytes() / 1024);
		// The journals (3 x 8 MiB at most) and some slack for what the JVM grows into.
		assertThat(heapAfterSignIn - heapBefore).isLessThan(3 * EmulatorServer.JOURNAL_BYTES + 16L * 1024 * 1024);
		assertThat(heapAfterBig - heapBefore).isLessThan(8L * 1024 * 1024);
	}

	/** The bodies and their array are unreachable once this returns. */
	void sendFiftyTenMegabyteBodies() throws Exception {
		byte[] big = new byte[TEN_MB];
		Arrays.fill(big, (byte) 'a');
		List<String[]> targets = List.of(
				new String[] { "cognito-hosted-ui", "/oauth2/token", "application/x-www-form-urlencoded", "error" },
				new String[] { "auth0", "/oauth/token", "application/x-www-form-urlencoded", "error" },
				new String[] { "cognito-api", "/", "application/x-amz-json-1.1", "__type" },
				new String[] { "auth0", "/u/login", "application/x-www-form-urlencoded",
						"Oops!, something went wrong" },
				new String[] { "auth0", "/__admin/mappings", "application/json", "larger than" });
		for (int i = 0; i < 50; i++) {
			String[] target = targets.get(i % targets.size());
			URI uri = URI.create("http://localhost:" + stack.server(target[0]).port() + target[1]);
			// Every fifth body chunked, without a Content-Length.
			HttpRequest.BodyPublisher body = (i % 5 == 4)
					? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))
					: HttpRequest.BodyPublishers.ofByteArray(big);
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri)
				.header("Content-Type", target[2])
				.header("X-Amz-Target", "AWSCognitoIdentityProviderService.ListUserPools")
				.POST(body)
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as("%s %s", target[0], target[1]).isIn(400, 413);
			assertThat(response.body()).as("%s %s", target[0], target[1]).contains(target[3]);
		}
	}

	/** Alice signs in through the hosted UI and Auth0, and the code gives tokens. */
	static void signIn() throws Exception {
		LocalProvisioning.Result app = stack.provisioned();
		String callback = stack.cognitoStore().pool(app.userPoolId()).client(app.clientId()).callbackUrls().get(0);
		OIDCProviderMetadata op = OIDCProviderMetadata
			.resolve(new Issuer(stack.settings().cognitoIssuer(app.userPoolId())));
		ClientID clientId = new ClientID(app.clientId());
		CodeVerifier verifier = new CodeVerifier();
		State state = new State();
		URI authorize = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid", "email"), clientId,
				URI.create(callback))
			.endpointURI(op.getAuthorizationEndpointURI())
			.state(state)
			.nonce(new Nonce())
			.codeChallenge(verifier, CodeChallengeMethod.S256)
			.customParameter("identity_provider", "Auth0")
			.build()
			.toURI();
		Browserless browser = new Browserless();
		Browserless.Page login = browser.get(authorize.toString());
		Browserless.Page back = browser.followUntil(browser.postOnce(login.uri().resolve("/u/login").toString(),
				Map.of("state", LocalStackOidcClientIT.hidden(login.body(), "state"), "username", "alice@example.com",
						"password", "wonderland")),
				callback);
		AuthenticationSuccessResponse response = AuthenticationResponseParser
			.parse(back.uri().resolve(back.header("Location")))
			.toSuccessResponse();
		assertThat(response.getState()).isEqualTo(state);
		assertThat(OIDCTokenResponseParser
			.parse(new TokenRequest(op.getTokenEndpointURI(),
					new ClientSecretBasic(clientId, new Secret(app.clientSecret())),
					new AuthorizationCodeGrant(response.getAuthorizationCode(), URI.create(callback), verifier))
				.toHTTPRequest()
				.send())
			.indicatesSuccess()).isTrue();
	}

	static long journalBytes() {
		return List.of("auth0", "cognito-api", "cognito-hosted-ui")
			.stream()
			.mapToLong((name) -> stack.server(name).journalBytes())
			.sum();
	}

	static long heapAfterGc() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

	static long mb(long bytes) {
		return bytes / (1024 * 1024);
	}

}

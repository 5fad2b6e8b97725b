package io.fedlab.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The peer the report compares with: {@code no.nav.security:mock-oauth2-server}, the
 * emulator people use for generic OAuth 2.0, run as its own process from its own
 * dependencies (resolved by Maven from a generated POM, so the project's dependency
 * management does not change them), and the local Cognito's token endpoint driven the
 * same way.
 */
final class Peers {

	static final String MOCK_OAUTH2_SERVER = "no.nav.security:mock-oauth2-server:6.0.2";

	static final String MOCK_MAIN = "no.nav.security.mock.oauth2.StandaloneMockOAuth2ServerKt";

	private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

	private static final Pattern REFRESH_TOKEN = Pattern.compile("\"refresh_token\"\\s*:\\s*\"([^\"]+)\"");

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private Peers() {
	}

	/**
	 * The peer's class path, resolved with the project's Maven wrapper (offline first, so
	 * a filled local repository needs no network).
	 */
	static String mockOAuth2ServerClasspath(Path out) throws IOException, InterruptedException {
		Path dir = Files.createDirectories(out.resolve("peer"));
		String[] gav = MOCK_OAUTH2_SERVER.split(":");
		Files.writeString(dir.resolve("pom.xml"), """
				<project xmlns="http://maven.apache.org/POM/4.0.0">
				  <modelVersion>4.0.0</modelVersion>
				  <groupId>io.fedlab.bench</groupId>
				  <artifactId>peer</artifactId>
				  <version>1</version>
				  <dependencies>
				    <dependency>
				      <groupId>%s</groupId>
				      <artifactId>%s</artifactId>
				      <version>%s</version>
				    </dependency>
				  </dependencies>
				</project>
				""".formatted(gav[0], gav[1], gav[2]));
		Path classpath = dir.resolve("classpath.txt");
		for (boolean offline : new boolean[] { true, false }) {
			List<String> argv = new ArrayList<>(List.of(Path.of("mvnw").toAbsolutePath().toString(), "-q", "-B", "-f",
					dir.resolve("pom.xml").toString(), "dependency:build-classpath",
					"-Dmdep.outputFile=" + classpath.toAbsolutePath()));
			if (offline) {
				argv.add("-o");
			}
			Process maven = new ProcessBuilder(argv).redirectErrorStream(true)
				.redirectOutput(dir.resolve("resolve.log").toFile())
				.start();
			if (maven.waitFor(5, TimeUnit.MINUTES) && maven.exitValue() == 0 && Files.exists(classpath)) {
				return Files.readString(classpath).trim();
			}
		}
		throw new IllegalStateException("Cannot resolve " + MOCK_OAUTH2_SERVER + ": see " + dir.resolve("resolve.log"));
	}

	/** The peer's token endpoint, client credentials: one RS256 signature per answer. */
	static Load.Operation mockClientCredentials(int port) {
		String body = "grant_type=client_credentials&client_id=bench&client_secret=bench&scope=api";
		URI token = URI.create("http://localhost:" + port + "/default/token");
		return (w) -> expectToken(post(token, body, null));
	}

	/**
	 * The local Cognito's token endpoint, refresh grant with the app client's secret: a
	 * new ID and access token, two RS256 signatures per answer.
	 */
	static Load.Operation cognitoRefresh(String hostedUi, String clientId, String clientSecret, String refreshToken) {
		String body = "grant_type=refresh_token&client_id=" + clientId + "&refresh_token=" + refreshToken;
		URI token = URI.create(hostedUi + "/oauth2/token");
		String basic = basic(clientId, clientSecret);
		return (w) -> expectToken(post(token, body, basic));
	}

	/**
	 * A refresh token of the emulators' app client: the hosted UI's authorization-code
	 * flow through the local Auth0's login form, the code redeemed at the token endpoint.
	 */
	static String cognitoRefreshToken(Map<String, String> appEnv, String email, String password) {
		String clientId = appEnv.get("COGNITO_CLIENT_ID");
		String secret = appEnv.get("COGNITO_CLIENT_SECRET");
		String domain = appEnv.get("COGNITO_DOMAIN");
		String redirect = appEnv.get("APP_BASE_URL") + "/login/oauth2/code/cognito";
		BenchBrowser.Session browser = new BenchBrowser(appEnv.get("APP_BASE_URL")).session();
		String code = browser.authorizationCode(domain + "/oauth2/authorize?response_type=code&client_id=" + clientId
				+ "&redirect_uri=" + redirect + "&scope=openid+email&identity_provider=Auth0&state=bench", email,
				password, redirect);
		HttpResponse<String> tokens = post(URI.create(domain + "/oauth2/token"),
				"grant_type=authorization_code&client_id=" + clientId + "&code=" + code + "&redirect_uri=" + redirect,
				basic(clientId, secret));
		Matcher refresh = REFRESH_TOKEN.matcher(tokens.body());
		if (tokens.statusCode() != 200 || !refresh.find()) {
			throw new IllegalStateException("No refresh token from the local Cognito: " + tokens.statusCode());
		}
		return refresh.group(1);
	}

	/** The settings the emulators wrote for an app ({@code app.env}). */
	static Map<String, String> appEnv(Path appEnv) throws IOException {
		Properties env = new Properties();
		try (var in = Files.newBufferedReader(appEnv)) {
			env.load(in);
		}
		Map<String, String> values = new java.util.HashMap<>();
		env.stringPropertyNames().forEach((name) -> values.put(name, env.getProperty(name)));
		return values;
	}

	private static void expectToken(HttpResponse<String> response) {
		if (response.statusCode() != 200 || !ACCESS_TOKEN.matcher(response.body()).find()) {
			throw new IllegalStateException("The token endpoint answered " + response.statusCode());
		}
	}

	private static String basic(String clientId, String secret) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

	private static HttpResponse<String> post(URI uri, String form, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}

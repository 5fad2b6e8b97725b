package io.fedlab.deploy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fedlab.localidp.http.FreePorts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The load balancer of README "Run several instances" without Docker:
 * {@code deploy/nginx-local.conf} (which includes {@code deploy/nginx-scale.conf}, the
 * compose profile's file) checked by Debian's nginx with the README's own options, then
 * run in front of two servers, its ports moved to free ones: requests alternate, the
 * browser's {@code Host} reaches the instance, a stopped instance is skipped, and the
 * README's stop command ends it. That the two instances share sessions behind such a
 * proxy is {@code SharedSessionsIT}'s subject.
 */
class NginxConfigIT {

	static final Path ROOT = Path.of("").toAbsolutePath();

	static final Path NGINX = Path.of("/usr/sbin/nginx");

	@TempDir
	Path work;

	final List<HttpServer> servers = new ArrayList<>();

	Stop running;

	@BeforeAll
	static void assumeInstalled() {
		boolean installed = Files.isExecutable(NGINX);
		if (!installed && "true".equals(System.getenv("CI"))) {
			fail(NGINX + " is missing: CI must install nginx-light (.ci/run)");
		}
		assumeTrue(installed, "nginx is not installed (apt-get install nginx-light): skipped");
	}

	@AfterEach
	void stop() throws InterruptedException {
		if (this.running != null) {
			try {
				nginx(this.running.prefix(), this.running.conf(), "-s", "stop");
			}
			catch (Exception ex) {
				// nothing more to do
			}
		}
		this.servers.forEach((server) -> server.stop(0));
	}

	@Test
	void nginxConfigWhenCheckedAsTheReadmeRunsItThenAccepted() throws Exception {
		Path prefix = Files.createDirectories(this.work.resolve(".fedlab/nginx"));
		Result check = nginx(prefix, ROOT.resolve("deploy/nginx-local.conf"), "-t");
		assertThat(check.exitCode()).as(check.output()).isZero();
		assertThat(check.output()).contains("syntax is ok", "test is successful");
	}

	@Test
	void nginxConfigWhenRunInFrontOfTwoServersThenAlternatesKeepsHostSkipsAStoppedOneAndStops() throws Exception {
		int lb = FreePorts.resolve(0);
		int a = FreePorts.resolve(0);
		int b = FreePorts.resolve(0);
		HttpServer serverA = server("a", a);
		server("b", b);
		Path conf = Files.createDirectories(this.work.resolve("deploy"));
		Files.copy(ROOT.resolve("deploy/nginx-local.conf"), conf.resolve("nginx-local.conf"));
		String scale = Files.readString(ROOT.resolve("deploy/nginx-scale.conf"));
		assertThat(scale).contains("listen 8080;", "server 127.0.0.1:8081;", "server 127.0.0.1:8082;");
		Files.writeString(conf.resolve("nginx-scale.conf"),
				scale.replace("listen 8080;", "listen " + lb + ";")
					.replace("127.0.0.1:8081;", "127.0.0.1:" + a + ";")
					.replace("127.0.0.1:8082;", "127.0.0.1:" + b + ";"));
		Path prefix = Files.createDirectories(this.work.resolve(".fedlab/nginx"));
		// The README's start command: nginx checks the file, goes to the background and
		// the command returns.
		Result start = nginx(prefix, conf.resolve("nginx-local.conf"));
		assertThat(start.exitCode()).as(start.output()).isZero();
		this.running = new Stop(prefix, conf.resolve("nginx-local.conf"));
		assertThat(prefix.resolve("nginx.pid")).exists();
		String url = "http://localhost:" + lb + "/";
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		awaitAnswer(client, url, prefix);

		List<String> answers = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			answers.add(get(client, url).body());
		}
		assertThat(answers).containsOnly("a localhost:" + lb, "b localhost:" + lb);
		assertThat(answers.get(0)).isNotEqualTo(answers.get(1));
		assertThat(answers.get(1)).isNotEqualTo(answers.get(2));

		serverA.stop(0);
		for (int i = 0; i < 4; i++) {
			HttpResponse<String> response = get(client, url);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEqualTo("b localhost:" + lb);
		}

		// The README's stop command.
		Result stop = nginx(prefix, conf.resolve("nginx-local.conf"), "-s", "stop");
		assertThat(stop.exitCode()).as(stop.output()).isZero();
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (Files.exists(prefix.resolve("nginx.pid")) && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
		}
		assertThat(prefix.resolve("nginx.pid")).as("nginx stopped").doesNotExist();
		this.running = null;
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> get(client, url));
	}

	private HttpServer server(String name, int port) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		server.createContext("/", (exchange) -> {
			byte[] body = (name + " " + exchange.getRequestHeaders().getFirst("Host")).getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		this.servers.add(server);
		return server;
	}

	private static HttpResponse<String> get(HttpClient client, String url) throws IOException, InterruptedException {
		return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static void awaitAnswer(HttpClient client, String url, Path prefix) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (Instant.now().isBefore(deadline)) {
			try {
				get(client, url);
				return;
			}
			catch (IOException ex) {
				Thread.sleep(100);
			}
		}
		fail("nginx never answered on " + url + " (pid file " + Files.exists(prefix.resolve("nginx.pid")) + ")");
	}

	private static Result nginx(Path prefix, Path conf, String... args) throws Exception {
		List<String> argv = new ArrayList<>(
				List.of(NGINX.toString(), "-p", prefix.toString(), "-e", "stderr", "-c", conf.toString()));
		argv.addAll(List.of(args));
		// A file, not a pipe: the nginx that goes to the background keeps standard error
		// (its error log) open.
		Path output = Files.createTempFile(prefix, "nginx-", ".out");
		Process process = new ProcessBuilder(argv).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
			.start();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("nginx " + String.join(" ", args) + " returned").isTrue();
		return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
	}

	record Result(int exitCode, String output) {
	}

	record Stop(Path prefix, Path conf) {
	}

}

package io.fedlab.deploy;

import java.io.IOException;
import java.io.OutputStream;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fedlab.support.PackagedJar;
import io.fedlab.localidp.http.FreePorts;
import io.fedlab.support.Browserless;
import io.fedlab.support.RedisServerProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * README "Run several instances", without Docker, run as written: the README's two bash
 * blocks (start, then stop) run in one bash in a folder laid out like the repository,
 * with the built jar, redis-server, nginx and this JVM's java. Only the port numbers are
 * changed, consistently, to free ones (and the emulators told theirs), so a stack on the
 * default ports is never disturbed. alice signs in through nginx, then the stop block
 * ends every process.
 */
class SeveralInstancesByHandIT {

	static final Path ROOT = Path.of("").toAbsolutePath();

	@TempDir
	Path work;

	@BeforeAll
	static void assumeInstalled() {
		RedisServerProcess.assumeInstalled();
		NginxConfigIT.assumeInstalled();
	}

	@Test
	void readmeBlocksWhenRunAsWrittenThenAliceSignsInThroughNginxAndStopEndsEverything() throws Exception {
		Map<String, Integer> ports = new LinkedHashMap<>();
		for (String port : List.of("6379", "8080", "8081", "8082", "9229", "9230", "9240")) {
			ports.put(port, FreePorts.resolve(0));
		}
		List<String> blocks = readmeBlocks();
		Path repo = Files.createDirectories(this.work.resolve("repo"));
		Path deploy = Files.createDirectories(repo.resolve("deploy"));
		Files.writeString(deploy.resolve("nginx-local.conf"),
				Files.readString(ROOT.resolve("deploy/nginx-local.conf")));
		Files.writeString(deploy.resolve("nginx-scale.conf"),
				remap(Files.readString(ROOT.resolve("deploy/nginx-scale.conf")), ports));
		Path target = Files.createDirectories(repo.resolve("target"));
		Files.copy(PackagedJar.in(ROOT), target.resolve("fedlab-0.1.0-SNAPSHOT.jar"));

		String start = remap(blocks.get(0), ports).replace("./mvnw -q -B package -DskipTests", "true");
		String script = "set -u\n" + start + "\necho STARTED\nread line\n" + remap(blocks.get(1), ports) + "\nwait\n";
		Files.writeString(this.work.resolve("several-instances.sh"), script);
		Path log = this.work.resolve("several-instances.log");
		ProcessBuilder builder = new ProcessBuilder("bash", this.work.resolve("several-instances.sh").toString())
			.directory(repo.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		Map<String, String> env = builder.environment();
		env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/sbin:/usr/bin:/sbin:/bin");
		// The emulators on the free ports, for the load balancer's URL (the README's
		// defaults are 9229, 9230, 9240 and http://localhost:8080).
		env.put("LOCAL_COGNITO_API_PORT", String.valueOf(ports.get("9229")));
		env.put("LOCAL_HOSTED_UI_PORT", String.valueOf(ports.get("9230")));
		env.put("LOCAL_AUTH0_PORT", String.valueOf(ports.get("9240")));
		env.put("APP_BASE_URL", "http://localhost:" + ports.get("8080"));
		// and the instances at Redis's (the README's is the default, 6379)
		env.put("REDIS_PORT", String.valueOf(ports.get("6379")));
		env.put("JAVA_TOOL_OPTIONS", "-XX:+UseSerialGC -Xmx256m -XX:TieredStopAtLevel=1");
		Process bash = builder.start();
		try {
			String base = "http://localhost:" + ports.get("8080");
			awaitOk(base + "/", bash, log, Duration.ofMinutes(4));
			awaitOk("http://localhost:" + ports.get("8081") + "/", bash, log, Duration.ofMinutes(2));
			awaitOk("http://localhost:" + ports.get("8082") + "/", bash, log, Duration.ofMinutes(2));

			Browserless browser = new Browserless();
			Browserless.Page login = browser.get(base + "/oauth2/authorization/cognito");
			assertThat(login.uri().getPath()).as(tail(log)).isEqualTo("/u/login");
			Browserless.Page profile = browser.submit(login, "/u/login",
					Map.of("username", "alice@example.com", "password", "wonderland"));
			assertThat(profile.uri().toString()).as(tail(log)).isEqualTo(base + "/profile");
			assertThat(profile.status()).isEqualTo(200);
			assertThat(profile.body()).contains("alice@example.com");

			// The README's stop block.
			try (OutputStream in = bash.getOutputStream()) {
				in.write("stop\n".getBytes(StandardCharsets.UTF_8));
			}
			assertThat(bash.waitFor(60, TimeUnit.SECONDS)).as("the stop block ended every process: " + tail(log))
				.isTrue();
			assertThat(repo.resolve(".fedlab/nginx/nginx.pid")).doesNotExist();
			for (String port : List.of("8080", "8081", "8082", "6379")) {
				assertThat(answers("http://localhost:" + ports.get(port) + "/")).as(port).isFalse();
			}
		}
		finally {
			bash.descendants().forEach(ProcessHandle::destroy);
			bash.destroy();
			Path pid = repo.resolve(".fedlab/nginx/nginx.pid");
			if (Files.exists(pid)) {
				ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).ifPresent(ProcessHandle::destroy);
			}
		}
	}

	/** The start and the stop block of "Without Docker". */
	private static List<String> readmeBlocks() throws IOException {
		String readme = Files.readString(ROOT.resolve("README.md"));
		String section = readme.substring(readme.indexOf("**Without Docker**"));
		Matcher blocks = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL).matcher(section);
		List<String> found = new ArrayList<>();
		while (found.size() < 2 && blocks.find()) {
			found.add(blocks.group(1));
		}
		assertThat(found).hasSize(2);
		assertThat(found.get(0)).contains("emulators &", "until [ -s .fedlab/app.env ]", "nginx -p");
		assertThat(found.get(1)).contains("-s stop", "kill");
		return found;
	}

	private static String remap(String text, Map<String, Integer> ports) {
		String out = text;
		for (Map.Entry<String, Integer> port : ports.entrySet()) {
			out = out.replaceAll("\\b" + port.getKey() + "\\b", String.valueOf(port.getValue()));
		}
		return out;
	}

	private static void awaitOk(String url, Process bash, Path log, Duration timeout) throws Exception {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (!bash.isAlive()) {
				fail("the README's commands ended early:\n" + tail(log));
			}
			if (status(url) == 200) {
				return;
			}
			Thread.sleep(500);
		}
		fail(url + " never answered 200:\n" + tail(log));
	}

	private static boolean answers(String url) {
		return status(url) != -1;
	}

	private static int status(String url) {
		try {
			HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
			return client
				.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	private static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException ex) {
			return "(no log)";
		}
	}

}

package io.fedlab.deploy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import io.fedlab.support.PackagedJar;
import io.fedlab.localidp.http.FreePorts;
import io.fedlab.support.Browserless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Docker packaging, proven without a Docker engine: docker-compose.yml and the
 * Dockerfile are read and checked, then the compose services are started as plain
 * processes exactly as declared (the image's entrypoint and environment, the service's
 * command and environment, its volume as a folder, its health check run as written) and
 * alice signs in through them.
 *
 * <p>
 * Differences from a container, kept as few as possible: the entrypoint's
 * {@code java -jar /app/app.jar} runs this JVM's {@code java} on {@code target/}'s jar;
 * the named volume's mount point is a temporary folder; and when one of the published
 * ports is taken on this machine, every occurrence of that port number (environment,
 * command, health check) is replaced by one free port, consistently, so the URLs still
 * agree. The shared network namespace of the compose file is this machine's: every
 * process sees the same {@code localhost}, which is exactly what
 * {@code network_mode: "service:auth0"} gives the containers.
 */
class ComposeFileIT {

	static final Path ROOT = Path.of("").toAbsolutePath();

	static final List<Integer> PUBLISHED = List.of(8080, 9229, 9230, 9240);

	static Map<String, Object> compose;

	static List<String> dockerfile;

	final List<Process> started = new ArrayList<>();

	@BeforeAll
	static void read() throws IOException {
		compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
		dockerfile = logicalLines(Files.readString(ROOT.resolve("Dockerfile")));
	}

	@AfterEach
	void stop() throws InterruptedException {
		for (int i = this.started.size() - 1; i >= 0; i--) {
			Process process = this.started.get(i);
			process.destroy();
			if (!process.waitFor(15, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
	}

	@Test
	void composeFileWhenReadThenAppCognitoAndAuth0FromOneImageInOneNetworkNamespace() {
		// `docker compose up` starts these; the scale profile's services only on request
		assertThat(defaultServices()).containsOnlyKeys("app", "cognito", "auth0");
		for (String name : List.of("app", "cognito", "auth0")) {
			Map<String, Object> service = service(name);
			assertThat(service).as(name).containsEntry("image", "fedlab:local").containsEntry("build", ".");
		}
		// One namespace, owned by auth0: localhost means the same in every container.
		assertThat(service("auth0")).doesNotContainKey("network_mode");
		assertThat(service("cognito")).containsEntry("network_mode", "service:auth0");
		assertThat(service("app")).containsEntry("network_mode", "service:auth0");
		assertThat(command("auth0")).containsExactly("emulators", "--only", "auth0");
		assertThat(command("cognito")).containsExactly("emulators", "--only", "cognito");
		assertThat(service("app")).doesNotContainKey("command");
	}

	@Test
	void composeFileWhenReadThenNamespaceOwnerPublishesTheFourPortsOnTheSameNumbers() {
		// Same number inside and outside: http://localhost:9229 is one URL for the
		// browser
		// and for the containers. A service in another's namespace cannot publish.
		assertThat(strings(service("auth0").get("ports"))).containsExactlyInAnyOrder("8080:8080", "9229:9229",
				"9230:9230", "9240:9240");
		assertThat(service("cognito")).doesNotContainKey("ports");
		assertThat(service("app")).doesNotContainKey("ports");
	}

	@Test
	void composeFileWhenReadThenEveryServiceHasHealthCheckAndWaitsForHealthyDependencies() {
		for (String name : List.of("app", "cognito", "auth0")) {
			List<String> test = healthTest(name);
			assertThat(test.get(0)).as(name).isEqualTo("CMD");
			assertThat(test.subList(1, 3)).as(name).containsExactly("bash", "-c");
			assertThat(healthcheck(name)).as(name).containsKeys("interval", "timeout", "retries", "start_period");
		}
		assertThat(healthTest("auth0").get(3)).contains("/dev/tcp/127.0.0.1/9240", "/.well-known/openid-configuration");
		assertThat(healthTest("cognito").get(3)).contains("test -s /var/lib/fedlab/app.env", "/dev/tcp/127.0.0.1/9229");
		assertThat(healthTest("app").get(3)).contains("/dev/tcp/127.0.0.1/8080");
		assertThat(dependsOn("cognito")).containsExactly(Map.entry("auth0", "service_healthy"));
		assertThat(dependsOn("app")).containsExactly(Map.entry("cognito", "service_healthy"));
		assertThat(dependsOn("auth0")).isEmpty();
	}

	@Test
	void composeFileWhenReadThenEmulatorsListenOnAllInterfacesButEveryUrlSaysLocalhost() {
		for (String name : List.of("cognito", "auth0")) {
			assertThat(environment(name)).as(name)
				.containsEntry("LOCAL_HOST", "localhost")
				.containsEntry("LOCAL_BIND_ADDRESS", "0.0.0.0")
				.containsEntry("LOCAL_COGNITO_API_PORT", "9229")
				.containsEntry("LOCAL_HOSTED_UI_PORT", "9230")
				.containsEntry("LOCAL_AUTH0_PORT", "9240")
				.containsEntry("LOCAL_DATA_DIR", "/var/lib/fedlab")
				.containsEntry("APP_BASE_URL", "http://localhost:8080");
		}
		// The app runs as against real AWS, its settings from the file the cognito side
		// writes, on the shared volume (read-only for the app).
		assertThat(environment("app")).containsEntry("SPRING_PROFILES_ACTIVE", "aws")
			.containsEntry("SPRING_CONFIG_IMPORT", "file:/var/lib/fedlab/app.env[.properties]")
			.containsEntry("PORT", "8080")
			.containsEntry("APP_COGNITO_API_ENDPOINT", "http://localhost:9229")
			.containsEntry("SERVER_SERVLET_SESSION_COOKIE_SECURE", "false");
		assertThat(strings(service("auth0").get("volumes"))).containsExactly("fedlab-data:/var/lib/fedlab");
		assertThat(strings(service("cognito").get("volumes"))).containsExactly("fedlab-data:/var/lib/fedlab");
		assertThat(strings(service("app").get("volumes"))).containsExactly("fedlab-data:/var/lib/fedlab:ro");
		assertThat(map(compose.get("volumes"))).containsKey("fedlab-data");
	}

	@Test
	void composeFileWhenScaleProfileThenTwoAppInstancesShareRedisBehindRoundRobinProxy() throws IOException {
		assertThat(services()).containsKeys("redis", "app-a", "app-b", "lb");
		for (String name : List.of("redis", "app-a", "app-b", "lb")) {
			assertThat(strings(service(name).get("profiles"))).as(name).containsExactly("scale");
		}
		// Redis: AUTH, nothing on disk, no published port (tokens at rest stay on the
		// compose network)
		List<String> redis = command("redis");
		String password = interpolate(redis.get(redis.indexOf("--requirepass") + 1));
		assertThat(password).isNotBlank();
		assertThat(String.join(" ", redis)).contains("--save  --appendonly no");
		assertThat(service("redis")).doesNotContainKey("ports");

		// Each instance is the `app` service plus profile redis, on its own port of the
		// shared namespace.
		Map<String, String> single = new LinkedHashMap<>(environment("app"));
		single.remove("PORT");
		single.remove("SPRING_PROFILES_ACTIVE");
		Map<String, Integer> instances = Map.of("app-a", 8081, "app-b", 8082);
		instances.forEach((name, port) -> {
			assertThat(service(name)).as(name)
				.containsEntry("image", "fedlab:local")
				.containsEntry("network_mode", "service:auth0")
				.doesNotContainKey("command")
				.doesNotContainKey("ports");
			assertThat(environment(name)).as(name)
				.containsAllEntriesOf(single)
				.containsEntry("SPRING_PROFILES_ACTIVE", "aws,redis")
				.containsEntry("PORT", String.valueOf(port))
				.containsEntry("REDIS_HOST", "redis")
				.containsEntry("REDIS_PASSWORD", password);
			assertThat(healthTest(name).get(3)).as(name).contains("/dev/tcp/127.0.0.1/" + port);
			assertThat(dependsOn(name)).as(name)
				.containsEntry("redis", "service_healthy")
				.containsEntry("cognito", "service_healthy");
		});

		// The load balancer takes the app's URL (the callback registered in the pool) and
		// alternates between the two, keeping the browser's Host; no stickiness.
		assertThat(service("lb")).containsEntry("network_mode", "service:auth0");
		assertThat(dependsOn("lb")).containsOnly(Map.entry("app-a", "service_healthy"),
				Map.entry("app-b", "service_healthy"));
		String mount = strings(service("lb").get("volumes")).get(0);
		assertThat(mount).isEqualTo("./deploy/nginx-scale.conf:/etc/nginx/conf.d/default.conf:ro");
		String nginx = Files.readAllLines(ROOT.resolve("deploy/nginx-scale.conf"))
			.stream()
			.map(String::strip)
			.filter((line) -> !line.startsWith("#"))
			.collect(Collectors.joining("\n"));
		assertThat(nginx).contains("listen 8080;", "server 127.0.0.1:8081;", "server 127.0.0.1:8082;",
				"proxy_set_header Host $http_host;");
		assertThat(nginx).doesNotContain("ip_hash", "sticky", "hash ");
	}

	@Test
	void dockerfileWhenReadThenBuildsWithWrapperOnJdk17AndRunsJarOnJre17AsNonRoot() throws IOException {
		List<String> froms = instructions("FROM");
		assertThat(froms).hasSize(2);
		// Pinned by a version tag, never latest or a floating major.
		assertThat(froms.get(0)).matches("eclipse-temurin:17\\.0\\.\\d+_\\d+-jdk-\\w+ AS build");
		assertThat(froms.get(1)).matches("eclipse-temurin:17\\.0\\.\\d+_\\d+-jre-\\w+");
		assertThat(instructions("RUN")).anyMatch((run) -> run.contains("./mvnw -B -DskipTests package"));

		// Every COPY from the build context names a path that exists and that
		// .dockerignore does not drop.
		List<String> ignored = Files.readAllLines(ROOT.resolve(".dockerignore"))
			.stream()
			.map(String::strip)
			.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
			.map((line) -> line.replaceAll("/$", ""))
			.toList();
		List<String> contextCopies = instructions("COPY").stream().filter((c) -> !c.startsWith("--from")).toList();
		assertThat(contextCopies).isNotEmpty();
		for (String copy : contextCopies) {
			List<String> parts = List.of(copy.split("\\s+"));
			for (String source : parts.subList(0, parts.size() - 1)) {
				String path = source.replaceAll("/$", "");
				assertThat(ROOT.resolve(path)).as(copy).exists();
				assertThat(ignored).as(copy).doesNotContain(path);
			}
		}
		assertThat(contextCopies).anySatisfy((c) -> assertThat(c).startsWith("mvnw pom.xml"));
		assertThat(contextCopies).anySatisfy((c) -> assertThat(c).startsWith(".mvn/"));
		assertThat(contextCopies).anySatisfy((c) -> assertThat(c).startsWith("src/"));

		// The jar glob of the build stage matches exactly one file (not the .original).
		String run = instructions("RUN").stream().filter((r) -> r.contains("cp target/")).findFirst().orElseThrow();
		Matcher glob = Pattern.compile("cp target/(\\S+) (\\S+)").matcher(run);
		assertThat(glob.find()).isTrue();
		try (var jars = Files.newDirectoryStream(ROOT.resolve("target"), glob.group(1))) {
			assertThat(jars).hasSize(1);
		}
		// The runtime stage copies what the build stage produced, and runs it.
		String fromBuild = instructions("COPY").stream()
			.filter((c) -> c.startsWith("--from="))
			.findFirst()
			.orElseThrow();
		assertThat(fromBuild).isEqualTo("--from=build " + glob.group(2) + " /app/app.jar");
		assertThat(entrypoint()).containsExactly("java", "-jar", "/app/app.jar");
		assertThat(instructions("USER")).singleElement().satisfies((user) -> {
			assertThat(user).doesNotStartWith("root").doesNotStartWith("0");
		});
		assertThat(instructions("HEALTHCHECK")).singleElement()
			.satisfies((check) -> assertThat(check).contains("CMD [\"bash\", \"-c\"", "/dev/tcp/127.0.0.1/8080"));
		assertThat(instructions("EXPOSE")).containsExactly("8080 9229 9230 9240");
		assertThat(dockerEnv()).containsEntry("LOCAL_BIND_ADDRESS", "0.0.0.0")
			.containsEntry("LOCAL_DATA_DIR", "/var/lib/fedlab");
	}

	@Test
	void dockerComposeConfigWhenInstalledThenAcceptsComposeFile() throws Exception {
		// Debian's docker-compose (v1, installed by .ci/run); skipped where it is absent.
		assumeTrue(onPath("docker-compose"), "docker-compose is not installed");
		Process config = new ProcessBuilder("docker-compose", "-f", "docker-compose.yml", "config", "-q")
			.directory(ROOT.toFile())
			.redirectErrorStream(true)
			.start();
		String output = new String(config.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(config.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(config.exitValue()).as(output).isZero();
	}

	@Test
	void composeServicesWhenStartedAsDeclaredThenAliceSignsInThroughAppCognitoAndAuth0() throws Exception {
		Path work = Files.createDirectories(ROOT.resolve("target/compose-it"));
		Path volume = Files.createTempDirectory(work, "fedlab-data-");
		Map<Integer, Integer> ports = portsOnThisMachine();
		Remap remap = new Remap(ports, Map.of("/var/lib/fedlab", volume.toString()));
		Path jar = PackagedJar.in(ROOT);

		// In dependency order, each started once its dependencies are healthy
		// (depends_on:
		// condition: service_healthy).
		for (String name : List.of("auth0", "cognito", "app")) {
			dependsOn(name).keySet().forEach((dependency) -> assertThat(this.started).as(dependency).isNotEmpty());
			Process process = startAsDeclared(name, jar, remap, work);
			awaitHealthy(name, process, remap, work);
		}

		String app = "http://localhost:" + ports.get(8080);
		String cognitoApi = "http://localhost:" + ports.get(9229);
		String hostedUi = "http://localhost:" + ports.get(9230);
		String auth0 = "http://localhost:" + ports.get(9240);

		// The settings the cognito container wrote: every URL on localhost, the issuer on
		// the API host (emulated-behaviour.md §C3), the same URLs the browser uses below.
		Properties appEnv = new Properties();
		try (var in = Files.newBufferedReader(volume.resolve("app.env"))) {
			appEnv.load(in);
		}
		assertThat(appEnv.getProperty("APP_BASE_URL")).isEqualTo(app);
		assertThat(appEnv.getProperty("COGNITO_DOMAIN")).isEqualTo(hostedUi);
		assertThat(appEnv.getProperty("COGNITO_ISSUER_URI"))
			.isEqualTo(cognitoApi + "/" + appEnv.getProperty("COGNITO_USER_POOL_ID"));
		assertThat(appEnv.getProperty("AUTH0_DOMAIN")).isEqualTo(auth0);

		// Sign in: app → hosted UI → Auth0 login page.
		Browserless browser = new Browserless();
		Browserless.Page login = browser.get(app + "/oauth2/authorization/cognito");
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.uri().toString()).startsWith(auth0 + "/u/login");
		assertThat(login.passedThrough(hostedUi + "/oauth2/authorize")).isTrue();

		// The form → Cognito's idpresponse (the cognito process calls the auth0 process
		// at localhost) → the app's callback (the app calls the cognito process) →
		// profile.
		Browserless.Page profile = browser.submit(login, "/u/login",
				Map.of("username", "alice@example.com", "password", "wonderland"));
		assertThat(profile.passedThrough(hostedUi + "/oauth2/idpresponse")).isTrue();
		assertThat(profile.passedThrough(app + "/login/oauth2/code/cognito")).isTrue();
		assertThat(profile.uri().toString()).isEqualTo(app + "/profile");
		assertThat(profile.status()).isEqualTo(200);
		assertThat(profile.body()).contains("alice@example.com");

		// alice is in admins: cognito:groups reached the app through the whole chain.
		assertThat(browser.getOnce(app + "/admin").statusCode()).isEqualTo(200);
	}

	// ---- the processes ----------------------------------------------------------------

	private Process startAsDeclared(String name, Path jar, Remap remap, Path work) throws IOException {
		List<String> entrypoint = entrypoint();
		List<String> argv = new ArrayList<>();
		// java -jar /app/app.jar: this JVM's java, target/'s jar.
		argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		argv.add("-Xmx384m");
		argv.addAll(entrypoint.subList(1, entrypoint.size() - 1));
		argv.add(jar.toString());
		command(name).stream().map(remap::apply).forEach(argv::add);
		Path dir = Files.createDirectories(work.resolve(name));
		ProcessBuilder builder = new ProcessBuilder(argv).directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(work.resolve(name + ".log").toFile());
		containerEnvironment(builder.environment(), name, remap, dir);
		Process process = builder.start();
		this.started.add(process);
		return process;
	}

	/**
	 * A container's environment: nothing from this machine but PATH, then the image's
	 * ENV, then the service's environment.
	 */
	private static void containerEnvironment(Map<String, String> env, String name, Remap remap, Path home) {
		String path = env.get("PATH");
		env.clear();
		env.put("PATH", path);
		env.put("HOME", home.toString());
		env.put("LANG", "C.UTF-8");
		dockerEnv().forEach((key, value) -> env.put(key, remap.apply(value)));
		environment(name).forEach((key, value) -> env.put(key, remap.apply(value)));
	}

	/**
	 * Runs the declared health test until it passes: as written, with ports and the
	 * volume path remapped.
	 */
	private void awaitHealthy(String name, Process process, Remap remap, Path work) throws Exception {
		List<String> test = healthTest(name);
		List<String> argv = test.get(0).equals("CMD-SHELL") ? List.of("sh", "-c", remap.apply(test.get(1)))
				: test.subList(1, test.size()).stream().map(remap::apply).toList();
		Instant deadline = Instant.now().plus(Duration.ofSeconds(240));
		while (Instant.now().isBefore(deadline)) {
			assertThat(process.isAlive()).as(() -> name + " exited:\n" + tail(work.resolve(name + ".log"))).isTrue();
			ProcessBuilder check = new ProcessBuilder(argv).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD);
			containerEnvironment(check.environment(), name, remap, work.resolve(name));
			Process health = check.start();
			if (health.waitFor(3, TimeUnit.SECONDS) && health.exitValue() == 0) {
				return;
			}
			health.destroyForcibly();
			Thread.sleep(500);
		}
		throw new AssertionError(name + " never became healthy:\n" + tail(work.resolve(name + ".log")));
	}

	/**
	 * The published ports themselves when they are all free here, else one free port for
	 * each.
	 */
	private static Map<Integer, Integer> portsOnThisMachine() {
		Map<Integer, Integer> ports = new LinkedHashMap<>();
		boolean allFree = PUBLISHED.stream().allMatch(ComposeFileIT::free);
		for (int port : PUBLISHED) {
			ports.put(port, allFree ? port : FreePorts.resolve(0));
		}
		return ports;
	}

	private static boolean free(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** Port numbers and the volume's mount point, replaced wherever they occur. */
	record Remap(Map<Integer, Integer> ports, Map<String, String> paths) {

		String apply(String value) {
			String out = value;
			for (Map.Entry<Integer, Integer> port : this.ports.entrySet()) {
				out = out.replaceAll("(?<!\\d)" + port.getKey() + "(?!\\d)", String.valueOf(port.getValue()));
			}
			for (Map.Entry<String, String> path : this.paths.entrySet()) {
				out = out.replace(path.getKey(), path.getValue());
			}
			return out;
		}

	}

	private static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private static boolean onPath(String program) {
		return List.of(System.getenv().getOrDefault("PATH", "").split(":"))
			.stream()
			.anyMatch((dir) -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
	}

	// ---- docker-compose.yml -----------------------------------------------------------

	private static Map<String, Object> services() {
		return map(compose.get("services"));
	}

	/** The services of {@code docker compose up}: those in no profile. */
	private static Map<String, Object> defaultServices() {
		Map<String, Object> out = new LinkedHashMap<>(services());
		out.values().removeIf((service) -> map(service).containsKey("profiles"));
		return out;
	}

	private static Map<String, Object> service(String name) {
		Map<String, Object> service = map(services().get(name));
		assertThat(service).as("service " + name).isNotEmpty();
		return service;
	}

	private static List<String> command(String name) {
		Object command = service(name).get("command");
		return (command != null) ? strings(command) : List.of();
	}

	private static Map<String, Object> healthcheck(String name) {
		return map(service(name).get("healthcheck"));
	}

	private static List<String> healthTest(String name) {
		return strings(healthcheck(name).get("test")).stream().map(ComposeFileIT::interpolate).toList();
	}

	private static Map<String, String> dependsOn(String name) {
		Map<String, String> out = new LinkedHashMap<>();
		map(service(name).get("depends_on"))
			.forEach((key, value) -> out.put(key, String.valueOf(map(value).get("condition"))));
		return out;
	}

	/** The service's environment after compose's interpolation, with default values. */
	private static Map<String, String> environment(String name) {
		Map<String, String> out = new LinkedHashMap<>();
		map(service(name).get("environment")).forEach((key, value) -> out.put(key, interpolate(String.valueOf(value))));
		return out;
	}

	/**
	 * Compose's interpolation: {@code $$} is a dollar, {@code ${VAR:-default}} its
	 * default (the test does not read this machine's environment, as a fresh shell would
	 * not have FEDLAB_APP_URL).
	 */
	static String interpolate(String value) {
		Matcher m = Pattern.compile("\\$\\$|\\$\\{(\\w+)(?::?-([^}]*))?}").matcher(value);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String replacement = m.group().equals("$$") ? "$" : (m.group(2) != null) ? m.group(2) : "";
			m.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		m.appendTail(out);
		return out.toString();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (value instanceof Map<?, ?> m) ? (Map<String, Object>) m : Map.of();
	}

	private static List<String> strings(Object value) {
		assertThat(value).isInstanceOf(List.class);
		return ((List<?>) value).stream().map(String::valueOf).toList();
	}

	// ---- Dockerfile -------------------------------------------------------------------

	/** Instructions with their continuation lines joined, comments dropped. */
	private static List<String> logicalLines(String text) {
		List<String> out = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : text.split("\n")) {
			String stripped = line.strip();
			if (stripped.startsWith("#") || (stripped.isEmpty() && current.length() == 0)) {
				continue;
			}
			if (stripped.endsWith("\\")) {
				current.append(stripped, 0, stripped.length() - 1).append(' ');
				continue;
			}
			current.append(stripped);
			if (current.length() > 0) {
				out.add(current.toString().replaceAll("\\s+", " ").strip());
			}
			current.setLength(0);
		}
		return out;
	}

	private static List<String> instructions(String keyword) {
		return dockerfile.stream()
			.filter((line) -> line.startsWith(keyword + " "))
			.map((line) -> line.substring(keyword.length() + 1).strip())
			.collect(Collectors.toList());
	}

	private static List<String> entrypoint() {
		String json = instructions("ENTRYPOINT").get(0);
		Matcher m = Pattern.compile("\"([^\"]*)\"").matcher(json);
		List<String> out = new ArrayList<>();
		while (m.find()) {
			out.add(m.group(1));
		}
		return out;
	}

	/** The runtime stage's ENV, {@code KEY=value} pairs. */
	private static Map<String, String> dockerEnv() {
		Map<String, String> env = new LinkedHashMap<>();
		int lastFrom = dockerfile
			.lastIndexOf(dockerfile.stream().filter((l) -> l.startsWith("FROM ")).reduce((a, b) -> b).orElseThrow());
		for (String line : dockerfile.subList(lastFrom, dockerfile.size())) {
			if (line.startsWith("ENV ")) {
				// KEY=value or KEY="a value with spaces"
				Matcher pair = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|(\\S+))").matcher(line.substring(4));
				while (pair.find()) {
					env.put(pair.group(1), (pair.group(2) != null) ? pair.group(2) : pair.group(3));
				}
			}
		}
		return env;
	}

}

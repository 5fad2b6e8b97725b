package io.fedlab.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.fedlab.localidp.http.FreePorts;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real Redis server (Debian's {@code redis-server}) on a free port, with nothing saved
 * to disk, so a restart starts empty, like a Redis that lost its data. Started, stopped
 * and restarted on the same port by the test.
 */
public final class RedisServerProcess implements AutoCloseable {

	public static final Path EXECUTABLE = Path.of("/usr/bin/redis-server");

	private final int port;

	private final String password;

	private final Path log;

	private Process process;

	private RedisServerProcess(int port, String password, Path log) {
		this.port = port;
		this.password = password;
		this.log = log;
	}

	/**
	 * Skips the calling test class when {@code redis-server} is missing, except in CI
	 * ({@code CI=true}), where its absence fails the build.
	 */
	public static void assumeInstalled() {
		boolean installed = Files.isExecutable(EXECUTABLE);
		if (!installed && "true".equals(System.getenv("CI"))) {
			fail(EXECUTABLE + " is missing: CI must install redis-server (.ci/run)");
		}
		assumeTrue(installed, "redis-server is not installed (apt-get install redis-server): skipped");
	}

	/** Starts a server that requires {@code password} (Redis AUTH). */
	public static RedisServerProcess start(String password) {
		try {
			Path log = Files.createTempFile("redis-server-", ".log");
			RedisServerProcess redis = new RedisServerProcess(FreePorts.resolve(0), password, log);
			redis.start();
			return redis;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return this.port;
	}

	/** Starts the server (again) on its port, empty, and waits until it answers PING. */
	public void start() {
		List<String> command = new ArrayList<>(List.of(EXECUTABLE.toString(), "--port", String.valueOf(this.port),
				"--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--requirepass", this.password));
		try {
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				fail("redis-server exited: " + tail());
			}
			if (ping()) {
				return;
			}
			sleep(100);
		}
		fail("redis-server never answered on port " + this.port + ": " + tail());
	}

	/** Stops the server; everything it held is gone. */
	public void stop() {
		if (this.process == null) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.process = null;
	}

	/** Sends one command (RESP) and returns the raw reply. */
	public String command(String... args) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 1000);
			socket.setSoTimeout(2000);
			OutputStream out = socket.getOutputStream();
			out.write(resp("AUTH", this.password));
			out.write(resp(args));
			out.flush();
			InputStream in = socket.getInputStream();
			String auth = readLine(in);
			if (!auth.equals("+OK")) {
				return auth;
			}
			return readReply(in);
		}
		catch (IOException ex) {
			return "-" + ex.getClass().getSimpleName();
		}
	}

	@Override
	public void close() {
		stop();
	}

	private boolean ping() {
		return command("PING").equals("+PONG");
	}

	private static byte[] resp(String... args) {
		StringBuilder out = new StringBuilder("*").append(args.length).append("\r\n");
		for (String arg : args) {
			out.append('$')
				.append(arg.getBytes(StandardCharsets.UTF_8).length)
				.append("\r\n")
				.append(arg)
				.append("\r\n");
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A simple reply as its line; a bulk string or an array of them, joined by newlines.
	 */
	private static String readReply(InputStream in) throws IOException {
		String line = readLine(in);
		if (line.startsWith("$")) {
			int length = Integer.parseInt(line.substring(1));
			if (length < 0) {
				return "";
			}
			byte[] data = in.readNBytes(length + 2);
			return new String(data, 0, length, StandardCharsets.UTF_8);
		}
		if (line.startsWith("*")) {
			int count = Integer.parseInt(line.substring(1));
			List<String> items = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				items.add(readReply(in));
			}
			return String.join("\n", items);
		}
		return line;
	}

	private static String readLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		int c;
		while ((c = in.read()) != -1) {
			if (c == '\r') {
				in.read();
				break;
			}
			line.append((char) c);
		}
		return line.toString();
	}

	private String tail() {
		try {
			List<String> lines = Files.readAllLines(this.log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
		}
		catch (IOException ex) {
			return "(no log)";
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

package io.fedlab.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged jar as a separate process, so start-up, RSS and heap are those of the real
 * thing: {@code java -jar target/fedlab-*.jar …}, its output in a log file.
 */
final class StackProcess implements AutoCloseable {

	private static final Pattern HEAP_USED = Pattern.compile("total (\\d+)K, used (\\d+)K");

	private final Process process;

	private final Path log;

	private final long startNanos;

	private StackProcess(Process process, Path log, long startNanos) {
		this.process = process;
		this.log = log;
		this.startNanos = startNanos;
	}

	static StackProcess start(Path jar, List<String> jvmArgs, List<String> args, Map<String, String> env, Path log)
			throws IOException {
		List<String> argv = new ArrayList<>();
		argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		argv.addAll(jvmArgs);
		argv.add("-jar");
		argv.add(jar.toString());
		argv.addAll(args);
		ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().putAll(env);
		long start = System.nanoTime();
		return new StackProcess(builder.start(), log, start);
	}

	/**
	 * Another server's main class as a separate process ({@code java -cp … main}), for
	 * the peers the report compares with.
	 */
	static StackProcess startMain(String classpath, String mainClass, List<String> jvmArgs, Map<String, String> env,
			Path log) throws IOException {
		List<String> argv = new ArrayList<>();
		argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		argv.addAll(jvmArgs);
		argv.add("-cp");
		argv.add(classpath);
		argv.add(mainClass);
		ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().putAll(env);
		long start = System.nanoTime();
		return new StackProcess(builder.start(), log, start);
	}

	/** Starts a Flight Recording of CPU samples and thread starts in the process. */
	void startRecording(String name) throws IOException, InterruptedException {
		jcmd("JFR.start name=" + name + " settings=profile");
	}

	/** Stops the recording and writes it to {@code file}. */
	void stopRecording(String name, Path file) throws IOException, InterruptedException {
		jcmd("JFR.stop name=" + name + " filename=" + file.toAbsolutePath());
	}

	long pid() {
		return this.process.pid();
	}

	/**
	 * Milliseconds from the JVM's launch to the first 200 from {@code url}, polled every
	 * 20 ms.
	 */
	long millisToFirst200(String url, Duration limit) throws InterruptedException {
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(1))
			.build();
		long deadline = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The process exited:\n" + tail());
			}
			try {
				HttpResponse<Void> response = http.send(
						HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - this.startNanos);
				}
			}
			catch (IOException ex) {
				// Not listening yet
			}
			Thread.sleep(20);
		}
		throw new IllegalStateException(url + " never answered 200:\n" + tail());
	}

	/** Milliseconds from the JVM's launch until {@code file} exists and is not empty. */
	long millisToFile(Path file, Duration limit) throws InterruptedException, IOException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The process exited:\n" + tail());
			}
			if (Files.exists(file) && Files.size(file) > 0) {
				return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - this.startNanos);
			}
			Thread.sleep(20);
		}
		throw new IllegalStateException(file + " never appeared:\n" + tail());
	}

	/** Waits for the process to end by itself; fails when it does not or fails. */
	void awaitExit(Duration limit) throws InterruptedException {
		if (!this.process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new IllegalStateException("The process did not exit:\n" + tail());
		}
		if (this.process.exitValue() != 0) {
			throw new IllegalStateException("The process exited with " + this.process.exitValue() + ":\n" + tail());
		}
	}

	/** VmRSS of the process, in MiB. */
	double rssMiB() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
			}
		}
		throw new IllegalStateException("No VmRSS for " + pid());
	}

	/** The heap in use right after a full GC (jcmd GC.run, then GC.heap_info), in MiB. */
	double liveHeapMiB() throws IOException, InterruptedException {
		jcmd("GC.run");
		return heapKiB(2) / 1024.0;
	}

	/** Heap capacity committed, in MiB (from the last GC.heap_info). */
	double committedHeapMiB() throws IOException, InterruptedException {
		return heapKiB(1) / 1024.0;
	}

	/**
	 * A heap figure summed over the generations GC.heap_info lists: one line for G1,
	 * young and old (tenured) for the serial and parallel collectors.
	 */
	private long heapKiB(int group) throws IOException, InterruptedException {
		Matcher line = HEAP_USED.matcher(jcmd("GC.heap_info"));
		long total = 0;
		boolean found = false;
		while (line.find()) {
			total += Long.parseLong(line.group(group));
			found = true;
		}
		if (!found) {
			throw new IllegalStateException("No heap figures from jcmd");
		}
		return total;
	}

	/**
	 * The collector's counters (jcmd PerfCounter.print): young and old/full collections,
	 * and the seconds spent in each.
	 */
	GcCounters gcCounters() throws IOException, InterruptedException {
		String out = jcmd("PerfCounter.print");
		double frequency = perfCounter(out, "sun.os.hrt.frequency");
		return new GcCounters((long) perfCounter(out, "sun.gc.collector.0.invocations"),
				perfCounter(out, "sun.gc.collector.0.time") / frequency,
				(long) perfCounter(out, "sun.gc.collector.1.invocations"),
				perfCounter(out, "sun.gc.collector.1.time") / frequency);
	}

	private static double perfCounter(String out, String name) {
		Matcher value = Pattern.compile("^" + Pattern.quote(name) + "=(\\d+)", Pattern.MULTILINE).matcher(out);
		if (!value.find()) {
			throw new IllegalStateException("No " + name + " in PerfCounter.print");
		}
		return Double.parseDouble(value.group(1));
	}

	/** Collections so far: young, and old generation or full. */
	record GcCounters(long young, double youngSeconds, long full, double fullSeconds) {

		GcCounters minus(GcCounters earlier) {
			return new GcCounters(this.young - earlier.young, this.youngSeconds - earlier.youngSeconds,
					this.full - earlier.full, this.fullSeconds - earlier.fullSeconds);
		}

		GcCounters plus(GcCounters other) {
			return new GcCounters(this.young + other.young, this.youngSeconds + other.youngSeconds,
					this.full + other.full, this.fullSeconds + other.fullSeconds);
		}

	}

	String jcmd(String command) throws IOException, InterruptedException {
		Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
				Long.toString(pid()), command)
			.redirectErrorStream(true)
			.start();
		String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
			throw new IllegalStateException("jcmd " + command + " failed: " + out);
		}
		return out;
	}

	String tail() {
		try {
			List<String> lines = Files.readAllLines(this.log, StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}

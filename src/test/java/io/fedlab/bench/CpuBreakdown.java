package io.fedlab.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the stack's CPU went during one phase: the execution samples of a Flight Recorder
 * file taken from the stack process ({@code jcmd JFR.start} / {@code JFR.dump}), each put
 * in the first bucket whose rule its stack matches, so a sample is counted once. Emulator
 * samples are named after the handler the dispatcher called (the hop: e.g.
 * {@code OAuthEndpoints.token}); app samples after what the app was doing (rendering, the
 * OAuth 2.0 callback, GetUser, the filter chain). The JVM's own threads (JIT, GC) are not
 * sampled by Flight Recorder; the threads-started count shows thread churn.
 */
final class CpuBreakdown {

	private static final String DISPATCHER = "io.fedlab.localidp.http.Dispatcher";

	private final Map<String, Integer> buckets;

	private final int samples;

	private final long threadsStarted;

	private CpuBreakdown(Map<String, Integer> buckets, int samples, long threadsStarted) {
		this.buckets = buckets;
		this.samples = samples;
		this.threadsStarted = threadsStarted;
	}

	static CpuBreakdown read(Path recording) throws IOException {
		Map<String, Integer> buckets = new TreeMap<>();
		int samples = 0;
		long threadsStarted = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
			String type = event.getEventType().getName();
			if (type.equals("jdk.ThreadStart")) {
				threadsStarted++;
			}
			else if (type.equals("jdk.ExecutionSample")) {
				samples++;
				buckets.merge(bucket(event), 1, Integer::sum);
			}
		}
		return new CpuBreakdown(buckets, samples, threadsStarted);
	}

	int samples() {
		return this.samples;
	}

	long threadsStarted() {
		return this.threadsStarted;
	}

	/** Share of the samples per bucket, in percent, largest first. */
	Map<String, Double> shares() {
		Map<String, Double> shares = new LinkedHashMap<>();
		this.buckets.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.forEach((e) -> shares.put(e.getKey(), 100.0 * e.getValue() / Math.max(1, this.samples)));
		return shares;
	}

	static String bucket(RecordedEvent sample) {
		RecordedStackTrace trace = sample.getStackTrace();
		List<RecordedFrame> frames = (trace != null) ? trace.getFrames() : List.of();
		RecordedThread thread = sample.getThread("sampledThread");
		String threadName = (thread != null && thread.getJavaName() != null) ? thread.getJavaName() : "";
		if (any(frames, (m) -> m.startsWith("com.nimbusds.jose.crypto.RSASSASigner.sign"))) {
			return "RSA signing (emulators)";
		}
		String handler = emulatorHandler(frames);
		if (handler != null) {
			return "emulator " + handler;
		}
		if (any(frames, (m) -> m.startsWith("io.fedlab.localidp.http.BoundedRequestJournalStore"))) {
			return "emulator request journal";
		}
		if (any(frames, (m) -> m.startsWith("com.github.tomakehurst.wiremock") || m.startsWith("wiremock."))) {
			return "emulator HTTP (Jetty, WireMock)";
		}
		// A filter's frame stays on the stack for everything after it in the chain: only
		// the methods that do a filter's own work name the hop.
		if (any(frames, (m) -> m.endsWith("OAuth2LoginAuthenticationFilter.attemptAuthentication"))) {
			return "app callback (token exchange, userInfo, ID token checks)";
		}
		if (any(frames, (m) -> m.endsWith("OAuth2AuthorizationRequestRedirectFilter.sendRedirectForAuthorization")
				|| m.contains("OAuth2AuthorizationRequestResolver.resolve"))) {
			return "app authorization redirect";
		}
		if (any(frames, (m) -> m.startsWith("org.thymeleaf"))) {
			return "app page rendering (Thymeleaf)";
		}
		if (any(frames, (m) -> m.startsWith("io.fedlab.cognito.SdkUserPoolProfiles"))) {
			return "app GetUser (AWS SDK)";
		}
		if (any(frames, (m) -> m.startsWith("io.fedlab.account"))) {
			return "app controllers (token decoding, views)";
		}
		if (any(frames, (m) -> m.startsWith("org.springframework.session") || m.contains("StandardSession"))) {
			return "app HTTP session";
		}
		if (any(frames, (m) -> m.startsWith("org.springframework.security"))) {
			return "app security filter chain";
		}
		if (any(frames, (m) -> m.startsWith("org.apache."))) {
			return "app Tomcat";
		}
		if (any(frames, (m) -> m.startsWith("jdk.internal.net.http"))) {
			return "app back-channel HTTP client";
		}
		return "other (" + threadName.replaceAll("\\d+", "N") + ")";
	}

	/**
	 * The handler an emulator's dispatcher called: the frame just above
	 * {@code Dispatcher.transform}, lambdas skipped.
	 */
	private static String emulatorHandler(List<RecordedFrame> frames) {
		for (int i = frames.size() - 1; i >= 0; i--) {
			if (method(frames.get(i)).startsWith(DISPATCHER + ".transform")) {
				for (int j = i - 1; j >= 0; j--) {
					String m = method(frames.get(j));
					// lambdas: hidden classes ($$Lambda) and their bodies (lambda$…)
					if (m.startsWith("io.fedlab.localidp.") && !m.contains("$$Lambda") && !m.contains("lambda$")) {
						String type = m.substring(0, m.lastIndexOf('.'));
						return type.substring(type.lastIndexOf('.') + 1) + m.substring(m.lastIndexOf('.'));
					}
				}
				return "dispatch";
			}
		}
		return null;
	}

	private static boolean any(List<RecordedFrame> frames, Predicate<String> method) {
		for (RecordedFrame frame : frames) {
			if (method.test(method(frame))) {
				return true;
			}
		}
		return false;
	}

	private static String method(RecordedFrame frame) {
		return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
	}

}

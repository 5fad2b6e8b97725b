package io.fedlab.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium, reused across tests: {@link #reset()} clears every cookie of
 * every origin, so each test starts as a new visitor. Keeps what the browser logged (the
 * console) and every document it requested (redirects included, from Chrome's performance
 * log), so tests can assert the hops a flow passed through.
 */
final class Browser implements AutoCloseable {

	/** Long enough for a loaded 2-core machine; only ever waited on, never asserted. */
	static final Duration WAIT = Duration.ofSeconds(20);

	private static final Json JSON = new Json();

	private final String name;

	private final Path profile;

	private final ChromeDriver driver;

	private final List<String> console = new ArrayList<>();

	private final List<String> documents = new ArrayList<>();

	Browser(String name) {
		this.name = name;
		this.profile = Chromium.freshProfile();
		this.driver = Chromium.start(this.profile);
	}

	String name() {
		return this.name;
	}

	WebDriver driver() {
		return this.driver;
	}

	/** A new visitor: no cookies for any origin, blank page, empty logs. */
	void reset() {
		this.driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
		this.driver.get("about:blank");
		drain();
		this.console.clear();
		this.documents.clear();
	}

	void open(String url) {
		this.driver.get(url);
	}

	String url() {
		return this.driver.getCurrentUrl();
	}

	/** Waits for {@code condition}; a timeout names what was awaited and the URL. */
	<T> T waitUntil(String what, Function<WebDriver, T> condition) {
		return new WebDriverWait(this.driver, WAIT).withMessage(() -> what + ", at " + url()).until(condition);
	}

	/**
	 * Every cookie the browser holds, whatever the origin (Chrome DevTools
	 * {@code Network.getAllCookies}).
	 */
	@SuppressWarnings("unchecked")
	List<Map<String, Object>> cookies() {
		Map<String, Object> result = this.driver.executeCdpCommand("Network.getAllCookies", Map.of());
		return (List<Map<String, Object>>) result.get("cookies");
	}

	/** Removes one cookie, as its expiry would. */
	void deleteCookie(String name, String url) {
		this.driver.executeCdpCommand("Network.deleteCookies", Map.of("name", name, "url", url));
	}

	/** The console messages since the last reset, oldest first. */
	List<String> console() {
		drain();
		return List.copyOf(this.console);
	}

	/**
	 * {@code METHOD url} of every document request since the last reset, redirects
	 * included, oldest first.
	 */
	List<String> documents() {
		drain();
		return List.copyOf(this.documents);
	}

	/** Forgets the document requests so far, to look at one flow alone. */
	void forgetDocuments() {
		drain();
		this.documents.clear();
	}

	String pageSource() {
		return this.driver.getPageSource();
	}

	void screenshot(Path file) {
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void drain() {
		for (LogEntry entry : this.driver.manage().logs().get(LogType.BROWSER)) {
			this.console.add(entry.getLevel() + " " + entry.getMessage());
		}
		for (LogEntry entry : this.driver.manage().logs().get(LogType.PERFORMANCE)) {
			String document = document(entry.getMessage());
			if (document != null) {
				this.documents.add(document);
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static String document(String message) {
		if (!message.contains("Network.requestWillBeSent") || !message.contains("\"Document\"")) {
			return null;
		}
		Map<String, Object> entry = JSON.toType(message, Json.MAP_TYPE);
		Map<String, Object> event = (Map<String, Object>) entry.get("message");
		Map<String, Object> params = (Map<String, Object>) event.get("params");
		if (!"Network.requestWillBeSent".equals(event.get("method")) || !"Document".equals(params.get("type"))) {
			return null;
		}
		Map<String, Object> request = (Map<String, Object>) params.get("request");
		return request.get("method") + " " + request.get("url");
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			deleteTree(this.profile);
		}
	}

	private static void deleteTree(Path root) {
		try (Stream<Path> paths = Files.walk(root)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary profile left behind is harmless
		}
	}

}

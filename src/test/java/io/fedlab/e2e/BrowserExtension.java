package io.fedlab.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The browsers of the end-to-end tests and their evidence. Two Chromium instances at most
 * for the whole run, shared by every test class (JUnit closes them at the end); each test
 * gets them with no cookies. Each {@link #step} saves a screenshot under
 * {@code target/e2e/<TestClass>/<nn-step>.png}; a failed test adds, per browser it used,
 * a screenshot, the page source, the console log and the documents requested.
 * <p>
 * Without Chromium the tests are skipped with one line saying how to install it, except
 * where {@code CI=true}: there they fail, so CI never passes without running them.
 */
final class BrowserExtension implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback, TestWatcher {

	private static final Namespace NAMESPACE = Namespace.create(BrowserExtension.class);

	private static final Path ROOT = Path.of("target", "e2e");

	private final Map<String, Browser> used = new LinkedHashMap<>();

	private ExtensionContext root;

	private Path folder;

	private int steps;

	/**
	 * Skips the class, before its Spring context starts, where Chromium is missing and CI
	 * is not set; {@link #beforeAll} fails it where CI is set.
	 */
	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		String missing = Chromium.missing(Chromium.BROWSER, Chromium.DRIVER);
		if (missing == null || Chromium.mustRun(System.getenv())) {
			return ConditionEvaluationResult.enabled("Chromium and ChromeDriver are installed, or CI requires them");
		}
		announceOnce(context, missing);
		return ConditionEvaluationResult.disabled(missing);
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		String missing = Chromium.missing(Chromium.BROWSER, Chromium.DRIVER);
		if (missing != null) {
			throw new AssertionError(missing + " (CI=true: browser tests may not be skipped)");
		}
		this.root = context.getRoot();
		this.folder = ROOT.resolve(context.getRequiredTestClass().getSimpleName());
		deleteTree(this.folder);
		this.steps = 0;
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		this.used.clear();
	}

	/** The first browser, cleared for this test on first use. */
	Browser browser() {
		return browser("first");
	}

	/** A second browser, for a second person or a session running alongside. */
	Browser otherBrowser() {
		return browser("second");
	}

	/** Saves a screenshot of {@code browser} as {@code <nn>-<name>.png}. */
	void step(Browser browser, String name) {
		browser.screenshot(this.folder.resolve(next(name) + ".png"));
	}

	@Override
	public void testFailed(ExtensionContext context, Throwable cause) {
		String prefix = next(context.getRequiredTestMethod().getName() + "-failed");
		this.used.values().forEach((browser) -> {
			String base = prefix + "-" + browser.name();
			try {
				browser.screenshot(this.folder.resolve(base + ".png"));
				write(base + ".html", browser.pageSource());
				write(base + "-console.log", String.join("\n", browser.console()) + "\n\nDocuments requested:\n"
						+ String.join("\n", browser.documents()) + "\n");
			}
			catch (RuntimeException ex) {
				cause.addSuppressed(ex);
			}
		});
	}

	private Browser browser(String name) {
		Browser browser = this.used.get(name);
		if (browser == null) {
			browser = this.root.getStore(NAMESPACE).computeIfAbsent(name, Browser::new, Browser.class);
			browser.reset();
			this.used.put(name, browser);
		}
		return browser;
	}

	private String next(String name) {
		this.steps++;
		String slug = name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
		return "%02d-%s".formatted(this.steps, slug);
	}

	private void write(String name, String text) {
		try {
			Files.createDirectories(this.folder);
			Files.writeString(this.folder.resolve(name), (text != null) ? text : "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void announceOnce(ExtensionContext context, String line) {
		ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
		if (store.get("announced") == null) {
			store.put("announced", Boolean.TRUE);
			System.err.println(line);
		}
	}

	private static void deleteTree(Path root) {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

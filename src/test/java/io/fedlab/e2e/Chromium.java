package io.fedlab.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium and ChromeDriver, never a browser or driver downloaded at test time:
 * both paths are given to Selenium, so Selenium Manager has nothing to resolve.
 */
final class Chromium {

	static final String INSTALL_COMMAND = "sudo apt-get install chromium chromium-driver";

	static final Path BROWSER = Path.of(System.getProperty("fedlab.e2e.chromium", "/usr/bin/chromium"));

	static final Path DRIVER = Path.of(System.getProperty("fedlab.e2e.chromedriver", "/usr/bin/chromedriver"));

	private static final List<String> ARGUMENTS = List.of("--headless=new", "--no-sandbox", "--disable-gpu",
			"--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
			"--disable-sync", "--no-first-run", "--window-size=1280,1000");

	/**
	 * Selenium looks for DevTools bindings matching the browser's version at start-up and
	 * warns when it has none; nothing here uses them (CDP commands go through
	 * ChromeDriver), so the warning is noise. Held strongly: JUL keeps loggers weakly.
	 */
	private static final List<Logger> QUIET = List.of(Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"),
			Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver"));

	private Chromium() {
	}

	/**
	 * The one line shown when the browser tests cannot run here, or {@code null} when
	 * both programs are installed.
	 */
	static String missing(Path browser, Path driver) {
		List<String> missing = new ArrayList<>();
		for (Path program : List.of(browser, driver)) {
			if (!Files.isExecutable(program)) {
				missing.add(program.toString());
			}
		}
		if (missing.isEmpty()) {
			return null;
		}
		return "Browser tests need Chromium and ChromeDriver (" + String.join(" and ", missing)
				+ " not found); install them with: " + INSTALL_COMMAND;
	}

	/** In CI a missing browser fails the build: the browser tests must never vanish. */
	static boolean mustRun(Map<String, String> environment) {
		return "true".equalsIgnoreCase(environment.get("CI"));
	}

	/** A headless Chromium with a fresh profile, console and network logs on. */
	static ChromeDriver start(Path userDataDir) {
		QUIET.forEach((logger) -> logger.setLevel(Level.SEVERE));
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER.toFile());
		options.addArguments(ARGUMENTS);
		options.addArguments("--user-data-dir=" + userDataDir);
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		logs.enable(LogType.PERFORMANCE, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER.toString());
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

	static Path freshProfile() {
		try {
			return Files.createTempDirectory("fedlab-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

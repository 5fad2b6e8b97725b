package io.fedlab.e2e;

import java.net.URI;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A page object: constructing one waits until the browser shows that page (its path and a
 * marker element), so a flow that ends elsewhere fails there, naming the page expected
 * and the URL reached.
 */
abstract class Page {

	protected final Browser browser;

	Page(Browser browser, String origin, String path, By marker) {
		this.browser = browser;
		new WebDriverWait(browser.driver(), Browser.WAIT)
			.withMessage(() -> getClass().getSimpleName() + " (" + origin + path + ") expected, but the browser is at "
					+ browser.url())
			.until((driver) -> isAt(driver.getCurrentUrl(), origin, path) && !driver.findElements(marker).isEmpty());
	}

	static boolean isAt(String url, String origin, String path) {
		if (url == null || !url.startsWith(origin)) {
			return false;
		}
		return path.equals(URI.create(url).getPath());
	}

	String url() {
		return this.browser.url();
	}

	protected WebElement find(By by) {
		return this.browser.driver().findElement(by);
	}

	protected List<WebElement> findAll(By by) {
		return this.browser.driver().findElements(by);
	}

	protected String text(By by) {
		return find(by).getText().trim();
	}

}

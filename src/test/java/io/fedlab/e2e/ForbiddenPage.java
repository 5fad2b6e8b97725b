package io.fedlab.e2e;

import org.openqa.selenium.By;

/**
 * The app's 403 page, shown at the URL that was refused (the access-denied page is a
 * forward).
 */
final class ForbiddenPage extends Page {

	ForbiddenPage(Browser browser, String app, String path) {
		super(browser, app, path, By.id("forbidden-text"));
	}

	String text() {
		return text(By.id("forbidden-text"));
	}

}

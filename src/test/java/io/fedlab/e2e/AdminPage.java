package io.fedlab.e2e;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The app's {@code /admin} page, open to the {@code admins} group. */
final class AdminPage extends Page {

	AdminPage(Browser browser, String app) {
		super(browser, app, "/admin", By.id("admin-text"));
	}

	static AdminPage open(Browser browser, String app) {
		browser.open(app + "/admin");
		return new AdminPage(browser, app);
	}

	List<String> authorities() {
		return findAll(By.cssSelector("#authorities li")).stream().map(WebElement::getText).toList();
	}

}

package io.fedlab.e2e;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The app's profile ({@code /profile}): who Cognito says you are, the three tokens, the
 * user-pool profile from {@code GetUser}, refresh and sign out.
 */
final class ProfilePage extends Page {

	private final String app;

	ProfilePage(Browser browser, String app) {
		super(browser, app, "/profile", By.id("username"));
		this.app = app;
	}

	static ProfilePage open(Browser browser, String app) {
		browser.open(app + "/profile");
		return new ProfilePage(browser, app);
	}

	String username() {
		return text(By.id("username"));
	}

	String email() {
		return text(By.cssSelector("#email span"));
	}

	List<String> groups() {
		return findAll(By.cssSelector("#groups .tag")).stream().map(WebElement::getText).toList();
	}

	/**
	 * The kinds of token shown, in page order: {@code id}, {@code access},
	 * {@code refresh}.
	 */
	List<String> tokenKinds() {
		return findAll(By.cssSelector("article.token")).stream()
			.map((article) -> article.getAttribute("id").substring("token-".length()))
			.toList();
	}

	/** The user-pool profile's attributes by name, as {@code GetUser} returned them. */
	Map<String, String> userPoolAttributes() {
		Map<String, String> attributes = new LinkedHashMap<>();
		for (WebElement row : findAll(By.cssSelector("#userpool tbody tr"))) {
			attributes.put(row.findElement(By.tagName("th")).getText(), row.findElement(By.tagName("td")).getText());
		}
		return attributes;
	}

	/** The raw token as the page holds it, revealed or not. */
	String rawToken(String kind) {
		return find(By.id("raw-" + kind)).getAttribute("textContent");
	}

	/** Clicks "Reveal the raw value" of one token. */
	ProfilePage reveal(String kind) {
		find(By.cssSelector("#token-" + kind + " details.raw summary")).click();
		// into view, for the screenshot of this step
		new Actions(this.browser.driver()).scrollToElement(copyButton(kind)).perform();
		return this;
	}

	boolean rawTokenDisplayed(String kind) {
		return find(By.id("raw-" + kind)).isDisplayed();
	}

	/** The copy button of one token, hidden until the app's script shows it. */
	WebElement copyButton(String kind) {
		return find(By.cssSelector("#token-" + kind + " button.copy"));
	}

	/** Presses "Refresh tokens"; the page comes back with the outcome. */
	ProfilePage refresh() {
		find(By.cssSelector("form[action$='/profile/refresh'] button")).click();
		this.browser.waitUntil("the refresh outcome",
				(driver) -> !driver.findElements(By.id("refresh-outcome")).isEmpty());
		return new ProfilePage(this.browser, this.app);
	}

	String refreshOutcome() {
		return text(By.id("refresh-outcome"));
	}

	/** Presses "Sign out"; the browser goes through the logout chain. */
	void signOut() {
		find(By.cssSelector("form.signout button")).click();
	}

}

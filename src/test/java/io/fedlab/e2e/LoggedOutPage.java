package io.fedlab.e2e;

import org.openqa.selenium.By;

/** The app's {@code /logged-out} page, the end of the logout chain. */
final class LoggedOutPage extends Page {

	private final String app;

	LoggedOutPage(Browser browser, String app) {
		super(browser, app, "/logged-out", By.id("logged-out-text"));
		this.app = app;
	}

	String text() {
		return text(By.id("logged-out-text"));
	}

	/** "Sign in again", then the sign-in page's button. */
	void signInAgain() {
		find(By.cssSelector("main .actions a.button")).click();
		new SignInPage(this.browser, this.app).proceed();
	}

}

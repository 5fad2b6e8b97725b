package io.fedlab.e2e;

import org.openqa.selenium.By;

/** The app's {@code /signin} page: one button that starts the sign-in at Cognito. */
final class SignInPage extends Page {

	SignInPage(Browser browser, String app) {
		super(browser, app, "/signin", By.id("signin"));
	}

	void proceed() {
		find(By.id("signin")).click();
	}

}

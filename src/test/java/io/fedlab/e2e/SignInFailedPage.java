package io.fedlab.e2e;

import org.openqa.selenium.By;

/** The app's explained sign-in error ({@code /signin/failed}). */
final class SignInFailedPage extends Page {

	private final String app;

	SignInFailedPage(Browser browser, String app) {
		super(browser, app, "/signin/failed", By.id("problem-title"));
		this.app = app;
	}

	String title() {
		return text(By.id("problem-title"));
	}

	String cause() {
		return text(By.id("problem-cause"));
	}

	String fix() {
		return text(By.id("problem-fix"));
	}

	/** "Try signing in again", then the sign-in page's button. */
	void retry() {
		find(By.cssSelector("main .actions a.button")).click();
		new SignInPage(this.browser, this.app).proceed();
	}

}

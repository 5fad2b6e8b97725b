package io.fedlab.e2e;

import org.openqa.selenium.By;

/** The app's home page ({@code /}): the hops diagram and the sign-in button. */
final class HomePage extends Page {

	private final String app;

	HomePage(Browser browser, String app) {
		super(browser, app, "/", By.cssSelector("ol.hops"));
		this.app = app;
	}

	static HomePage open(Browser browser, String app) {
		browser.open(app + "/");
		return new HomePage(browser, app);
	}

	/**
	 * Home's button, then the sign-in page's: the browser leaves for Cognito. The caller
	 * says where it expects to land (the Auth0 form, or the profile when silent).
	 */
	void signIn() {
		find(By.cssSelector("main .actions a.button")).click();
		new SignInPage(this.browser, this.app).proceed();
	}

}

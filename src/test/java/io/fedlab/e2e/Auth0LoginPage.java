package io.fedlab.e2e;

import org.openqa.selenium.By;

/** The local Auth0's Universal Login form ({@code /u/login}). */
final class Auth0LoginPage extends Page {

	Auth0LoginPage(Browser browser, String auth0) {
		super(browser, auth0, "/u/login", By.cssSelector("form input#password"));
	}

	/** Submits the form; Auth0 sends the browser back to Cognito. */
	void signInAs(String email, String password) {
		find(By.id("username")).clear();
		find(By.id("username")).sendKeys(email);
		find(By.id("password")).sendKeys(password);
		find(By.cssSelector("form button[type=submit]")).click();
	}

}

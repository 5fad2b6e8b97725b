package io.fedlab.e2e;

import org.openqa.selenium.By;

/**
 * The local Cognito hosted UI's sign-in page ({@code /login}): one button per identity
 * provider of the app client. The app's own sign-in never shows it, because it sends
 * {@code identity_provider}.
 */
final class CognitoHostedUiPage extends Page {

	CognitoHostedUiPage(Browser browser, String hostedUi) {
		super(browser, hostedUi, "/login", By.cssSelector("main a.button"));
	}

	/** Clicks the provider's button; Cognito sends the browser on to that provider. */
	void choose(String provider) {
		find(By.linkText(provider)).click();
	}

}

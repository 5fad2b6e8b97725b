package io.fedlab.e2e;

import java.net.URI;
import java.util.List;

import io.fedlab.localidp.LocalStack;

/**
 * The three sites of a local run and the sign-ins every test needs, in page objects.
 *
 * @param app the app's base URL
 * @param hostedUi the local Cognito user-pool domain (hosted UI)
 * @param auth0 the local Auth0 tenant, without the issuer's trailing slash
 */
record Journeys(String app, String hostedUi, String auth0) {

	static final String ALICE = "alice@example.com";

	static final String ALICE_PASSWORD = "wonderland";

	static final String BOB = "bob@example.com";

	static final String BOB_PASSWORD = "builder";

	static Journeys of(LocalStack stack, String appBaseUrl) {
		return new Journeys(appBaseUrl, stack.settings().hostedUiUrl(), stack.settings().auth0Domain());
	}

	/** From the home page through the Auth0 form to the profile. */
	ProfilePage signInWithPassword(Browser browser, String email, String password) {
		HomePage.open(browser, this.app).signIn();
		new Auth0LoginPage(browser, this.auth0).signInAs(email, password);
		return new ProfilePage(browser, this.app);
	}

	/** From the home page straight to the profile: live Cognito or Auth0 sessions. */
	ProfilePage signInSilently(Browser browser) {
		HomePage.open(browser, this.app).signIn();
		return new ProfilePage(browser, this.app);
	}

	/**
	 * {@code METHOD origin/path} of each document the browser requested, the query left
	 * out, to compare hops.
	 */
	static List<String> hops(List<String> documents) {
		return documents.stream().map(Journeys::hop).toList();
	}

	static String hop(String document) {
		int space = document.indexOf(' ');
		URI uri = URI.create(document.substring(space + 1));
		return document.substring(0, space) + " " + uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
	}

}

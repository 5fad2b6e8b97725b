package io.fedlab.provisioning;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cognito matches redirect and logout URLs as exact strings (emulated-behaviour.md §C2,
 * §C9 fact 9).
 */
class UrlDiffTests {

	private static final String APP = "http://localhost:8080/login/oauth2/code/cognito";

	@Test
	void differencesWhenRegisteredHasTrailingSlashThenNamed() {
		assertThat(UrlDiff.differences(APP, APP + "/")).containsExactly("a trailing slash the app does not send");
	}

	@Test
	void differencesWhenAppSendsTrailingSlashThenNamed() {
		assertThat(UrlDiff.differences(APP + "/", APP)).containsExactly("no trailing slash, but the app sends one");
	}

	@Test
	void differencesWhenSchemePortAndCaseDifferThenEachNamed() {
		assertThat(UrlDiff.differences("https://app.example.com/cb", "http://app.example.com:8443/CB")).containsExactly(
				"scheme http instead of https", "port 8443 instead of no port", "path in another letter case");
		assertThat(UrlDiff.differences("https://app.example.com/cb", "https://App.Example.com/cb"))
			.containsExactly("host in another letter case");
	}

	@Test
	void differencesWhenLoopbackSpelledDifferentlyThenNamed() {
		assertThat(UrlDiff.differences(APP, "http://127.0.0.1:8080/login/oauth2/code/cognito"))
			.containsExactly("host 127.0.0.1 instead of localhost");
	}

	@Test
	void differencesWhenIdenticalOrUnrelatedThenNone() {
		assertThat(UrlDiff.differences(APP, APP)).isEmpty();
		assertThat(UrlDiff.differences(APP, "https://other.example.com/logout")).isEmpty();
	}

}

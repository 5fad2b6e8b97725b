package io.fedlab.localidp.auth0;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UrlsTests {

	private static final List<String> ALLOWED = List.of("https://pool.example.com/logout", "http://*.example.org",
			"http://localhost:8080/");

	@Test
	void allowedWhenReturnToHasQueryAndFragmentThenTheyAreIgnored() {
		// emulated-behaviour.md §A5: "the query string, and hash information … are not
		// taken into
		// account".
		assertThat(Urls.allowedIgnoringQuery("https://pool.example.com/logout?client_id=x&logout_uri=y#z", ALLOWED))
			.isTrue();
	}

	@Test
	void allowedWhenSchemeAndHostDifferInCaseThenMatchButPathIsCaseSensitive() {
		assertThat(Urls.allowedIgnoringQuery("HTTPS://Pool.Example.com/logout", ALLOWED)).isTrue();
		assertThat(Urls.allowedIgnoringQuery("https://pool.example.com/Logout", ALLOWED)).isFalse();
	}

	@Test
	void allowedWhenWildcardThenOneSubdomainLabelOnly() {
		assertThat(Urls.allowedIgnoringQuery("http://app.example.org/", ALLOWED)).isTrue();
		assertThat(Urls.allowedIgnoringQuery("http://example.org/", ALLOWED)).isFalse();
		assertThat(Urls.allowedIgnoringQuery("http://evil.com/.example.org", ALLOWED)).isFalse();
	}

	@Test
	void allowedWhenUrlTricksHostThenRefused() {
		assertThat(Urls.allowedIgnoringQuery("https://pool.example.com@evil.com/logout", ALLOWED)).isFalse();
		assertThat(Urls.allowedIgnoringQuery("https://evil.com?https://pool.example.com/logout", ALLOWED)).isFalse();
		assertThat(Urls.allowedIgnoringQuery("javascript:alert(1)//pool.example.com/logout", ALLOWED)).isFalse();
		assertThat(Urls.allowedIgnoringQuery("http://localhost:8080", ALLOWED)).isTrue();
	}

	@Test
	void withParamsWhenUrlHasQueryAndFragmentThenAppendsBeforeFragmentWithPercent20() {
		assertThat(Urls.withParams("https://a/cb?x=1#f", "error_description", "Login required", "state", null))
			.isEqualTo("https://a/cb?x=1&error_description=Login%20required#f");
		assertThat(Urls.withParams("https://a/cb", "code", "c", "state", "a b+c"))
			.isEqualTo("https://a/cb?code=c&state=a%20b%2Bc");
	}

}

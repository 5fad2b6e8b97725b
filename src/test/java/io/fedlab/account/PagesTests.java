package io.fedlab.account;

import io.fedlab.security.RevocationRetry;
import io.fedlab.support.WebSliceTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebSliceTest
class PagesTests {

	@Autowired
	MockMvc mvc;

	@Test
	void homeWhenAnonymousThenExplainsTheHopsAndOffersSignIn() throws Exception {
		String body = page("/");
		assertThat(body).contains("class=\"hops\"").contains("href=\"/signin\"").contains("idpresponse");
		assertThat(body).doesNotContain("<script>").doesNotContain(" style=\"").doesNotContain("http://cdn");
	}

	@Test
	void homeWhenSignedInThenSignOutIsAPostFormWithCsrfToken() throws Exception {
		String body = this.mvc.perform(get("/").with(oidcLogin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).containsPattern("<form[^>]*action=\"/logout\"[^>]*method=\"post\"").contains("name=\"_csrf\"");
	}

	@Test
	void loggedOutWhenAnonymousThenPublicAndSaysWhichSessionsEnded() throws Exception {
		assertThat(page("/logged-out")).contains("You are signed out").contains("Auth0");
	}

	@Test
	void loggedOutWhenRevocationRefusedThenSaysTheRefreshTokenStillWorksInsteadOfRevoked() throws Exception {
		String body = this.mvc.perform(get("/logged-out").cookie(new Cookie(RevocationRetry.COOKIE, "refused")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(body).contains("id=\"revocation\" class=\"notice warning\"")
			.contains("Your refresh token could not be revoked")
			.contains("still works at Cognito until it expires")
			.contains("Tell the administrator")
			.doesNotContain("the refresh token was revoked");
	}

	@Test
	void loggedOutWhenRevocationCookieUnknownOrMalformedThenTodaysText() throws Exception {
		for (String value : new String[] { "A".repeat(43), "<script>", "" }) {
			String body = this.mvc.perform(get("/logged-out").cookie(new Cookie(RevocationRetry.COOKIE, value)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();

			assertThat(body).as(value).contains("the refresh token was revoked").doesNotContain("id=\"revocation\"");
		}
	}

	@Test
	void setupWhenAnonymousThenExactValuesForAuth0AndTheAppClient() throws Exception {
		String body = page("/setup");
		assertThat(body).contains("http://localhost:9230/oauth2/idpresponse")
			.contains("http://localhost:8080/login/oauth2/code/cognito")
			.contains("http://localhost:8080/logged-out")
			.contains("(leave empty)")
			.contains("IAM OIDC identity provider: not needed")
			.doesNotContain("http://localhost:8080/oauth2/authorization/cognito")
			.contains("http://localhost:9230/logout")
			.contains(">http://localhost:8080<")
			.contains("data-copy=\"setup-0-0\"");
	}

	@Test
	void accessDeniedPageWhenRenderedThenNamesTheRequiredGroup() throws Exception {
		String body = this.mvc.perform(get("/access-denied").with(oidcLogin()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("only for members of the Cognito group admins");
	}

	@Test
	void staticAssetsWhenAnonymousThenServedFromThisApp() throws Exception {
		this.mvc.perform(get("/css/fedlab.css")).andExpect(status().isOk());
		this.mvc.perform(get("/js/fedlab.js")).andExpect(status().isOk());
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

}

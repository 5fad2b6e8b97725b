package io.fedlab.security;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.fedlab.support.TestIdTokens;
import io.fedlab.support.WebSliceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebSliceTest
class SecurityConfigurationTests {

	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "object-src 'none'; base-uri 'none'; form-action 'self' http://localhost:9230 http://localhost:9240; "
			+ "frame-ancestors 'none'";

	@Autowired
	MockMvc mvc;

	@Test
	void profileWhenAnonymousThenRedirectsToSignInPage() throws Exception {
		this.mvc.perform(get("/profile")).andExpect(status().isFound()).andExpect(redirectedUrl("/signin"));
	}

	@Test
	void signInPageWhenAnonymousThenShownWithButtonAndNoAutoRedirect() throws Exception {
		String body = this.mvc.perform(get("/signin"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("href=\"/oauth2/authorization/cognito\"");
	}

	@Test
	void authorizationRequestWhenStartedThenKeepsSpringDefaultsStateNonceAndPkceS256() throws Exception {
		Map<String, List<String>> query = authorizationQuery("/oauth2/authorization/cognito");
		// PKCE is on for confidential clients in Spring Security 7 (emulated-behaviour.md
		// §R2);
		// S256 only (RFC 7636 §4.2)
		assertThat(query.get("code_challenge_method")).containsExactly("S256");
		assertThat(query.get("code_challenge").get(0)).hasSizeGreaterThanOrEqualTo(43);
		assertThat(query.get("state").get(0)).hasSizeGreaterThanOrEqualTo(32);
		assertThat(query.get("nonce").get(0)).hasSizeGreaterThanOrEqualTo(32);
		assertThat(query.get("response_type")).containsExactly("code");
		assertThat(query.get("client_id")).containsExactly("testclient123");
		assertThat(query.get("scope").get(0)).isEqualTo("openid%20email%20profile%20aws.cognito.signin.user.admin");
		// absolute and fixed, never derived from request headers (emulated-behaviour.md
		// §R3
		// item 5)
		assertThat(query.get("redirect_uri")).containsExactly("http://localhost:8080/login/oauth2/code/cognito");
	}

	@Test
	void authorizationRequestWhenStartedThenSendsIdentityProviderToSkipCognitoChooser() throws Exception {
		Map<String, List<String>> query = authorizationQuery("/oauth2/authorization/cognito");
		assertThat(query.get("identity_provider")).containsExactly("Auth0");
	}

	@Test
	void authorizationRequestWhenRedirectUriParameterGivenThenIgnored() throws Exception {
		Map<String, List<String>> query = authorizationQuery(
				"/oauth2/authorization/cognito?redirect_uri=https://evil.example/cb");
		assertThat(query.get("redirect_uri").get(0)).doesNotContain("evil");
	}

	@Test
	void authorizationRequestWhenRestartedThenStateCarriesTheRestartMarker() throws Exception {
		Map<String, List<String>> query = authorizationQuery("/oauth2/authorization/cognito?restart=1");
		assertThat(query.get("state").get(0)).startsWith("restart-").hasSizeGreaterThan(40);
		assertThat(query.get("code_challenge_method")).containsExactly("S256");
	}

	@Test
	void homeWhenRequestedThenStrictSecurityHeaders() throws Exception {
		this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", CSP))
			.andExpect(header().string("Referrer-Policy", "no-referrer"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Cross-Origin-Opener-Policy", "same-origin"));
	}

	@Test
	void profileWhenSignedInThenNoStoreSoTokensAreNotCached() throws Exception {
		String cacheControl = this.mvc.perform(get("/profile").with(oidcLogin()))
			.andReturn()
			.getResponse()
			.getHeader("Cache-Control");
		assertThat(cacheControl).contains("no-store");
	}

	@Test
	void adminWhenInAdminsGroupThenShown() throws Exception {
		this.mvc.perform(get("/admin").with(user("admins"))).andExpect(status().isOk());
	}

	@Test
	void adminWhenNotInAdminsGroupThenFriendly403Page() throws Exception {
		this.mvc.perform(get("/admin").with(user("readers")))
			.andExpect(status().isForbidden())
			.andExpect(forwardedUrl("/access-denied"));
	}

	@Test
	void adminWhenAnonymousThenRedirectsToSignIn() throws Exception {
		this.mvc.perform(get("/admin")).andExpect(redirectedUrl("/signin"));
	}

	@Test
	void signInWhenContinueParameterPointsElsewhereThenNoRedirect() throws Exception {
		MvcResult result = this.mvc.perform(get("/signin").param("continue", "https://evil.example"))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(result.getResponse().getHeader("Location")).isNull();
		assertThat(result.getResponse().getContentAsString()).doesNotContain("evil.example");
	}

	@Test
	void logoutWhenGetThenNotALogout() throws Exception {
		MvcResult result = this.mvc.perform(get("/logout").with(oidcLogin())).andReturn();
		assertThat(result.getResponse().getHeader("Location")).isNull();
	}

	@Test
	void logoutWhenPostedWithoutCsrfTokenThenForbidden() throws Exception {
		this.mvc.perform(post("/logout").with(oidcLogin())).andExpect(status().isForbidden());
	}

	@Test
	void logoutWhenPostedThenAuth0ThenCognitoChainAndSessionEnded() throws Exception {
		MockHttpSession session = new MockHttpSession();
		// Clear-Site-Data is written on secure requests only (so not on plain-http local
		// runs)
		MvcResult result = this.mvc
			.perform(post("/logout").secure(true).session(session).with(oidcLogin()).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(CognitoLogoutUrlsTests.AUTH0_THEN_COGNITO))
			.andExpect(header().string("Clear-Site-Data", "\"cache\", \"storage\""))
			.andReturn();
		assertThat(session.isInvalid()).isTrue();
		assertThat(result.getResponse().getCookie("FEDLAB_SESSION").getMaxAge()).isZero();
	}

	@Test
	void logoutWhenPlainHttpThenNoClearSiteDataButStillTheChain() throws Exception {
		this.mvc.perform(post("/logout").with(oidcLogin()).with(csrf()))
			.andExpect(redirectedUrl(CognitoLogoutUrlsTests.AUTH0_THEN_COGNITO))
			.andExpect(header().doesNotExist("Clear-Site-Data"));
	}

	@Test
	void callbackWhenNoStateThenRestartsAProperSignInOnce() throws Exception {
		this.mvc.perform(get("/login/oauth2/code/cognito").param("code", "abc"))
			.andExpect(redirectedUrl("/oauth2/authorization/cognito?restart=1"));
	}

	@Test
	void callbackWhenStateUnknownThenRestartsAProperSignInOnce() throws Exception {
		this.mvc.perform(get("/login/oauth2/code/cognito").param("code", "abc").param("state", "unknown-state"))
			.andExpect(redirectedUrl("/oauth2/authorization/cognito?restart=1"));
	}

	@Test
	void callbackWhenStateDiffersFromThePendingSignInThenExplainedNotRestarted() throws Exception {
		MockHttpSession session = new MockHttpSession();
		authorizationQuery("/oauth2/authorization/cognito", session);
		this.mvc
			.perform(get("/login/oauth2/code/cognito").session(session).param("code", "abc").param("state", "forged"))
			.andExpect(redirectedUrl("/signin/failed"));
		String body = this.mvc.perform(get("/signin/failed").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("This answer does not belong to the sign-in this browser started");
	}

	@Test
	void callbackWhenRestartedSignInCameBackWithoutAnySessionCookieThenTheUrlCarriesTheExplanation() throws Exception {
		this.mvc.perform(get("/login/oauth2/code/cognito").param("code", "abc").param("state", "restart-abcdef"))
			.andExpect(redirectedUrl("/signin/failed?problem=cookie-not-returned"));
		// read with no session at all, as that browser would
		String body = this.mvc.perform(get("/signin/failed").param("problem", "cookie-not-returned"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("Your browser did not send the session cookie back")
			.contains("open the app at the exact base URL");
	}

	@Test
	void signInFailedWhenUrlNamesAProblemThatNeedsTheSessionThenNothingIsExplained() throws Exception {
		String body = this.mvc.perform(get("/signin/failed").param("problem", "state-mismatch"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("There is no failed sign-in to explain")
			.doesNotContain("This answer does not belong to the sign-in this browser started");
	}

	@Test
	void callbackWhenRestartedSignInAlsoLostItsRequestThenExplainedPageNotALoop() throws Exception {
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(get("/login/oauth2/code/cognito").session(session).with((request) -> {
			// the browser sent a session cookie, but that session holds no sign-in
			request.setRequestedSessionId(session.getId());
			return request;
		}).param("code", "abc").param("state", "restart-abcdef")).andExpect(redirectedUrl("/signin/failed"));
		String body = this.mvc.perform(get("/signin/failed").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("This sign-in did not start here, or its session was lost")
			.contains("authorization_request_not_found");
	}

	@Test
	void callbackWhenCognitoReportsMissingAttributesThenExplainedWithoutEchoingTheDescription() throws Exception {
		MockHttpSession session = new MockHttpSession();
		String state = authorizationQuery("/oauth2/authorization/cognito", session).get("state").get(0);
		this.mvc
			.perform(get("/login/oauth2/code/cognito").session(session)
				.param("error", "invalid_request")
				.param("error_description", "attributes required: [email, <script>]")
				.param("state", decode(state)))
			.andExpect(redirectedUrl("/signin/failed"));
		String body = this.mvc.perform(get("/signin/failed").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("Cognito is missing required attributes").contains(": email.");
		assertThat(body).doesNotContain("<script>").doesNotContain("&lt;script&gt;");
	}

	@Test
	void signInFailedPageWhenNothingFailedThenSaysSo() throws Exception {
		String body = this.mvc.perform(get("/signin/failed"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("There is no failed sign-in to explain");
	}

	private Map<String, List<String>> authorizationQuery(String path) throws Exception {
		return authorizationQuery(path, new MockHttpSession());
	}

	private Map<String, List<String>> authorizationQuery(String path, MockHttpSession session) throws Exception {
		String location = this.mvc.perform(get(path).session(session))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		assertThat(location).startsWith("http://localhost:9230/oauth2/authorize?");
		return UriComponentsBuilder.fromUri(URI.create(location)).build().getQueryParams();
	}

	private static String decode(String value) {
		return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

	/**
	 * A signed-in user whose authorities come from the real groups mapper, as at sign-in.
	 */
	static org.springframework.test.web.servlet.request.RequestPostProcessor user(String... groups) {
		OidcIdToken idToken = TestIdTokens.oidcIdToken(TestIdTokens.withGroups(TestIdTokens.idToken(), groups).build());
		List<GrantedAuthority> authorities = List
			.copyOf(new CognitoGroupsAuthoritiesMapper().mapAuthorities(List.of(new OidcUserAuthority(idToken))));
		return oidcLogin().oidcUser(new DefaultOidcUser(authorities, idToken));
	}

}

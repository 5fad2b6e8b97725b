package io.fedlab.account;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.fedlab.cognito.UserPoolProfile;
import io.fedlab.cognito.UserPoolProfileException;
import io.fedlab.cognito.UserPoolProfiles;
import io.fedlab.security.RefreshOutcome;
import io.fedlab.support.TestClientRegistrations;
import io.fedlab.support.TestIdTokens;
import io.fedlab.support.WebSliceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebSliceTest
class ProfileControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserPoolProfiles userPoolProfiles;

	@Test
	void profileWhenSignedInWithOidcLoginThenPageRenders() throws Exception {
		this.mvc.perform(get("/profile").with(oidcLogin())).andExpect(status().isOk());
	}

	@Test
	void profileWhenSignedInThenIdentityFromTheIdToken() throws Exception {
		String body = profile(TestIdTokens.oidcIdToken(TestIdTokens.idToken().build()));
		assertThat(body).contains(TestIdTokens.USERNAME).contains(TestIdTokens.SUB).contains("alice@example.com");
		assertThat(body).contains("verified: yes").contains(TestIdTokens.AUTO_GROUP);
	}

	@Test
	void profileWhenIdentitiesClaimThenParsedWithReadableLinkDate() throws Exception {
		// emulated-behaviour.md §C9 fact 6: in the ID token, primary and dateCreated
		// (epoch ms) are
		// strings
		String body = profile(TestIdTokens.oidcIdToken(TestIdTokens.idToken().build()));
		String identities = body.substring(body.indexOf("id=\"identities\""));
		assertThat(identities).contains("Auth0").contains("OIDC").contains("auth0|65f0aa01");
		assertThat(identities).contains("2023-11-14 22:13:20 UTC");
	}

	@Test
	void profileWhenSignedInThenIdAndAccessTokensDecodedWithTheirKeys() throws Exception {
		String body = profile(TestIdTokens.oidcIdToken(TestIdTokens.idToken().build()));
		String idToken = section(body, "token-id");
		assertThat(idToken).contains(TestIdTokens.ID_KID).contains("token_use").contains("cognito:username");
		assertThat(idToken).contains("Expires: ").contains(" UTC (in ");
		String accessToken = section(body, "token-access");
		assertThat(accessToken).contains(TestIdTokens.ACCESS_KID).contains("client_id");
	}

	@Test
	void profileWhenRawTokensAllowedThenBehindARevealControl() throws Exception {
		OidcIdToken idToken = TestIdTokens.oidcIdToken(TestIdTokens.idToken().build());
		String body = profile(idToken);
		assertThat(body).contains("<details class=\"raw\">").contains(idToken.getTokenValue());
		assertThat(body).contains("data-copy=\"raw-id\"");
	}

	@Test
	void profileWhenHostileClaimValueThenEscaped() throws Exception {
		String body = profile(
				TestIdTokens.oidcIdToken(TestIdTokens.idToken().claim("email", "<script>alert(1)</script>").build()));
		assertThat(body).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
	}

	@Test
	void profileWhenGetUserSucceedsThenUserPoolProfileShown() throws Exception {
		given(this.userPoolProfiles.fetch(anyString())).willReturn(new UserPoolProfile(TestIdTokens.USERNAME,
				List.of(new UserPoolProfile.Attribute("email", "alice@example.com"),
						new UserPoolProfile.Attribute("identities",
								"[{\"userId\":\"auth0|65f0aa01\",\"primary\":true,\"dateCreated\":1700000000000}]"))));
		String userPool = section(profile(TestIdTokens.oidcIdToken(TestIdTokens.idToken().build())), "userpool");
		assertThat(userPool).contains("identities").contains("alice@example.com");
	}

	@Test
	void profileWhenTheAnswerIsKeptThenItsAgeAndAReloadButton() throws Exception {
		given(this.userPoolProfiles.keptFor()).willReturn(Duration.ofSeconds(30));
		given(this.userPoolProfiles.fetch(anyString())).willReturn(new UserPoolProfile(TestIdTokens.USERNAME,
				List.of(new UserPoolProfile.Attribute("email", "alice@example.com")), Instant.now().minusSeconds(12)));
		String body = profile(TestIdTokens.oidcIdToken(TestIdTokens.idToken().build()));
		assertThat(body).containsPattern("Answered by Cognito 1[23] s ago\\. The app keeps an answer for 30 s");
		assertThat(body).contains("action=\"/profile/user-pool/reload\"").contains("Reload from Cognito");
	}

	@Test
	void reloadUserPoolWhenPostedThenTheKeptAnswerForThisTokenIsDropped() throws Exception {
		this.mvc.perform(post("/profile/user-pool/reload").with(oidcLogin()).with(csrf()))
			.andExpect(redirectedUrl("/profile"));
		then(this.userPoolProfiles).should().forget(anyString());
	}

	@Test
	void reloadUserPoolWhenPostedWithoutCsrfTokenThenForbiddenAndNothingDropped() throws Exception {
		this.mvc.perform(post("/profile/user-pool/reload").with(oidcLogin())).andExpect(status().isForbidden());
		then(this.userPoolProfiles).should(never()).forget(anyString());
	}

	@Test
	void profileWhenGetUserFailsThenClearMessageAndThePageStillWorks() throws Exception {
		given(this.userPoolProfiles.fetch(anyString()))
			.willThrow(new UserPoolProfileException("NotAuthorizedException"));
		String body = profile(TestIdTokens.oidcIdToken(TestIdTokens.idToken().build()));
		assertThat(body).contains("The user-pool profile could not be fetched (NotAuthorizedException)");
		assertThat(body).contains(TestIdTokens.SUB);
	}

	@Test
	void profileWhenRefreshTokenInSessionThenShownAsOpaqueJweHeaderAndLength() throws Exception {
		OAuth2RefreshToken refreshToken = TestIdTokens.refreshToken();
		String body = profile(TestIdTokens.oidcIdToken(TestIdTokens.idToken().build()), refreshToken);
		String refresh = section(body, "token-refresh");
		assertThat(refresh).contains("JWE").contains("RSA-OAEP").contains("A256GCM");
		assertThat(refresh).contains(refreshToken.getTokenValue().length() + " characters");
		assertThat(refresh).doesNotContain("Claims");
	}

	@Test
	void refreshWhenPostedWithoutCsrfTokenThenForbidden() throws Exception {
		this.mvc.perform(post("/profile/refresh").with(oidcLogin())).andExpect(status().isForbidden());
	}

	@Test
	void refreshWhenNoRefreshTokenThenBackToProfileSayingSo() throws Exception {
		this.mvc.perform(post("/profile/refresh").with(oidcLogin()).with(csrf()))
			.andExpect(redirectedUrl("/profile"))
			.andExpect(flash().attribute("refresh", new RefreshOutcome(RefreshOutcome.Status.NO_REFRESH_TOKEN, null)));
	}

	@Test
	void profileWhenRefreshKeptTheRefreshTokenThenSaysRotationIsOff() throws Exception {
		String body = this.mvc
			.perform(get("/profile").with(oidcLogin())
				.flashAttr("refresh", new RefreshOutcome(RefreshOutcome.Status.KEPT_REFRESH_TOKEN, null)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("Cognito issued no new refresh token: rotation is off for this app client");
	}

	@Test
	void profileWhenRefreshRejectedThenWarningWithTheCode() throws Exception {
		String body = this.mvc
			.perform(get("/profile").with(oidcLogin())
				.flashAttr("refresh", new RefreshOutcome(RefreshOutcome.Status.REJECTED, "invalid_id_token")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("The refreshed ID token was rejected (invalid_id_token)");
	}

	private String profile(OidcIdToken idToken) throws Exception {
		return profile(idToken, null);
	}

	/**
	 * Signed in with the given ID token, and the session holding the authorized client as
	 * the real HttpSessionOAuth2AuthorizedClientRepository keeps it (oidcLogin() cannot
	 * carry a JWT access token or a refresh token).
	 */
	private String profile(OidcIdToken idToken, OAuth2RefreshToken refreshToken) throws Exception {
		DefaultOidcUser user = new DefaultOidcUser(List.of(new OidcUserAuthority(idToken)), idToken);
		OAuth2AuthenticationToken token = new OAuth2AuthenticationToken(user, user.getAuthorities(), "cognito");
		OAuth2AccessToken accessToken = TestIdTokens.oauth2AccessToken(TestIdTokens.accessToken().build());
		MockHttpSession session = new MockHttpSession();
		session.setAttribute(HttpSessionOAuth2AuthorizedClientRepository.class.getName() + ".AUTHORIZED_CLIENTS",
				new HashMap<>(Map.of("cognito",
						new OAuth2AuthorizedClient(TestClientRegistrations.clientRegistration().build(), user.getName(),
								accessToken, refreshToken))));
		return this.mvc.perform(get("/profile").session(session).with(authentication(token)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static String section(String body, String id) {
		int start = body.indexOf("id=\"" + id + "\"");
		assertThat(start).as("element #" + id).isPositive();
		int end = body.indexOf("</article>", start);
		if (end < 0 || id.equals("userpool")) {
			end = body.indexOf("</table>", start);
		}
		return body.substring(start, end);
	}

}

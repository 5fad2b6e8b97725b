package io.fedlab.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;

import io.fedlab.support.TestClientRegistrations;
import io.fedlab.support.TestIdTokens;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

class RefreshTokenRevokerTests {

	private final HttpSessionOAuth2AuthorizedClientRepository repository = new HttpSessionOAuth2AuthorizedClientRepository();

	private final RestClient.Builder builder = RestClient.builder();

	private final MockRestServiceServer server = MockRestServiceServer.bindTo(this.builder).build();

	private final InMemoryPendingRevocations pending = new InMemoryPendingRevocations(Clock.systemUTC());

	private final RevocationRetry retry = new RevocationRetry(this.pending,
			new RevocationEndpoint(CognitoLogoutUrlsTests.cognito(), this.builder.build()),
			new InMemoryClientRegistrationRepository(TestClientRegistrations.clientRegistration().build()),
			RevocationRetryTests.settings(), Clock.systemUTC());

	private final RefreshTokenRevoker revoker = new RefreshTokenRevoker(this.repository, this.retry);

	@Test
	void logoutWhenRefreshTokenThenRevokedAtPoolDomainWithClientSecretBasic() {
		OAuth2RefreshToken refreshToken = TestIdTokens.refreshToken();
		String basic = Base64.getEncoder().encodeToString("testclient123:test-secret".getBytes(StandardCharsets.UTF_8));
		// emulated-behaviour.md §C1.8: form-encoded token, confidential clients
		// authenticate with
		// Basic
		this.server.expect(requestTo("http://localhost:9230/oauth2/revoke"))
			.andExpect(method(HttpMethod.POST))
			.andExpect(header("Authorization", "Basic " + basic))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_FORM_URLENCODED))
			.andExpect(content().formDataContains(java.util.Map.of("token", refreshToken.getTokenValue())))
			.andRespond(withSuccess());
		Fixture fixture = signedIn(refreshToken);
		this.revoker.logout(fixture.request, fixture.response, fixture.authentication);
		this.server.verify();
	}

	@Test
	void logoutWhenRevokedThenAuthorizedClientDropped() {
		this.server.expect(requestTo("http://localhost:9230/oauth2/revoke")).andRespond(withSuccess());
		Fixture fixture = signedIn(TestIdTokens.refreshToken());
		this.revoker.logout(fixture.request, fixture.response, fixture.authentication);
		assertThat((Object) this.repository.loadAuthorizedClient("cognito", fixture.authentication, fixture.request))
			.isNull();
	}

	@Test
	void logoutWhenRevocationFailsThenLogoutCarriesOnAndClientIsStillDropped() {
		this.server.expect(requestTo("http://localhost:9230/oauth2/revoke"))
			.andRespond(withStatus(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON)
				.body("{\"error\":\"unsupported_token_type\"}"));
		Fixture fixture = signedIn(TestIdTokens.refreshToken());
		this.revoker.logout(fixture.request, fixture.response, fixture.authentication);
		this.server.verify();
		assertThat((Object) this.repository.loadAuthorizedClient("cognito", fixture.authentication, fixture.request))
			.isNull();
	}

	@Test
	void logoutWhenRevokedThenNoRetryAndAnyEarlierNoticeCookieCleared() {
		this.server.expect(requestTo("http://localhost:9230/oauth2/revoke")).andRespond(withSuccess());
		Fixture fixture = signedIn(TestIdTokens.refreshToken());

		this.revoker.logout(fixture.request, fixture.response, fixture.authentication);

		assertThat(this.pending.size()).isZero();
		assertThat(fixture.response.getHeader("Set-Cookie")).startsWith(RevocationRetry.COOKIE + "=;")
			.contains("Max-Age=0");
		assertThat(Revocation.from(fixture.request))
			.hasValueSatisfying((revocation) -> assertThat(revocation.outcome()).isEqualTo("revoked"));
	}

	@Test
	void logoutWhenRevocationAnswers500ThenRetryQueuedAndCookieNamesItForTheLoggedOutPage() {
		this.server.expect(requestTo("http://localhost:9230/oauth2/revoke"))
			.andRespond(withStatus(HttpStatus.INTERNAL_SERVER_ERROR));
		OAuth2RefreshToken refreshToken = TestIdTokens.refreshToken();
		Fixture fixture = signedIn(refreshToken);

		this.revoker.logout(fixture.request, fixture.response, fixture.authentication);

		this.server.verify();
		assertThat(this.pending.size()).isEqualTo(1);
		String cookie = fixture.response.getHeader("Set-Cookie");
		assertThat(cookie).startsWith(RevocationRetry.COOKIE + "=")
			.contains("Path=/logged-out", "HttpOnly", "SameSite=Lax", "Max-Age=300")
			.doesNotContain(refreshToken.getTokenValue());
		String id = cookie.substring(RevocationRetry.COOKIE.length() + 1, cookie.indexOf(';'));
		assertThat(this.retry.notice(id)).isEqualTo(RevocationNotice.PENDING);
		assertThat(Revocation.from(fixture.request)).hasValueSatisfying((revocation) -> {
			assertThat(revocation.outcome()).isEqualTo("failed");
			assertThat(revocation.status()).isEqualTo(500);
		});
	}

	@Test
	void logoutWhenRevocationRefusedWith400ThenNotRetriedAndLoggedOutPageToldSo() {
		this.server.expect(requestTo("http://localhost:9230/oauth2/revoke"))
			.andRespond(withStatus(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON)
				.body("{\"error\":\"unsupported_token_type\"}"));
		Fixture fixture = signedIn(TestIdTokens.refreshToken());

		this.revoker.logout(fixture.request, fixture.response, fixture.authentication);

		assertThat(this.pending.size()).isZero();
		assertThat(fixture.response.getHeader("Set-Cookie")).startsWith(RevocationRetry.COOKIE + "=refused;");
		assertThat(this.retry.notice("refused")).isEqualTo(RevocationNotice.REFUSED);
	}

	@Test
	void logoutWhenNoRefreshTokenThenNoRevocationCall() {
		Fixture fixture = signedIn(null);
		this.revoker.logout(fixture.request, fixture.response, fixture.authentication);
		this.server.verify();
	}

	private Fixture signedIn(OAuth2RefreshToken refreshToken) {
		DefaultOidcUser user = new DefaultOidcUser(java.util.List.of(),
				TestIdTokens.oidcIdToken(TestIdTokens.idToken().build()));
		OAuth2AuthenticationToken authentication = new OAuth2AuthenticationToken(user, user.getAuthorities(),
				"cognito");
		MockHttpServletRequest request = new MockHttpServletRequest();
		MockHttpServletResponse response = new MockHttpServletResponse();
		OAuth2AuthorizedClient client = new OAuth2AuthorizedClient(TestClientRegistrations.clientRegistration().build(),
				user.getName(), TestIdTokens.oauth2AccessToken(TestIdTokens.accessToken().build()), refreshToken);
		this.repository.saveAuthorizedClient(client, authentication, request, response);
		return new Fixture(request, response, authentication);
	}

	record Fixture(MockHttpServletRequest request, MockHttpServletResponse response,
			OAuth2AuthenticationToken authentication) {
	}

}

package io.fedlab.security;

import java.time.Duration;

import io.fedlab.cognito.BackChannelProperties;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

import static org.assertj.core.api.Assertions.assertThat;

class SignInFailureHandlerTests {

	private static final BackChannelProperties LIMITS = new BackChannelProperties(Duration.ofSeconds(2),
			Duration.ofSeconds(5), 64);

	@Test
	void failureWhenRestartedSignInCameBackWithoutCookieOverHttpWhileTheCookieIsSecureThenNeedsHttps()
			throws Exception {
		MockHttpServletResponse response = fail(new SignInFailureHandler(new SignInErrorCatalogue(), LIMITS, true),
				restartedCallback(false));
		assertThat(response.getRedirectedUrl()).isEqualTo("/signin/failed?problem=cookie-needs-https");
	}

	@Test
	void failureWhenRestartedSignInCameBackWithoutCookieOverHttpsThenTheCookieWasNotReturned() throws Exception {
		MockHttpServletResponse response = fail(new SignInFailureHandler(new SignInErrorCatalogue(), LIMITS, true),
				restartedCallback(true));
		assertThat(response.getRedirectedUrl()).isEqualTo("/signin/failed?problem=cookie-not-returned");
	}

	@Test
	void failureWhenFirstCallbackWithoutPendingRequestThenRestartedOnce() throws Exception {
		MockHttpServletRequest request = restartedCallback(false);
		request.setParameter("state", "not-a-restart");
		MockHttpServletResponse response = fail(new SignInFailureHandler(new SignInErrorCatalogue(), LIMITS, true),
				request);
		assertThat(response.getRedirectedUrl()).isEqualTo(SignInFailureHandler.RESTART_URL);
	}

	private static MockHttpServletRequest restartedCallback(boolean secure) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login/oauth2/code/cognito");
		request.setSecure(secure);
		request.setParameter("code", "abc");
		request.setParameter("state", CognitoAuthorizationRequestResolver.RESTART_STATE_PREFIX + "xyz");
		return request;
	}

	private static MockHttpServletResponse fail(SignInFailureHandler handler, MockHttpServletRequest request)
			throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		handler.onAuthenticationFailure(request, response,
				new OAuth2AuthenticationException(new OAuth2Error("authorization_request_not_found")));
		return response;
	}

}

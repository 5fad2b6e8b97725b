package io.fedlab.security;

import java.io.IOException;
import java.util.List;

import io.fedlab.cognito.BackChannelProperties;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Sends a failed sign-in to the explained error page, logging the error code only (never
 * the description, a token or the code: ASVS 16.2.5, 16.3.1; emulated-behaviour.md §R3
 * item 10).
 * <p>
 * A callback that carries a {@code code} but matches no pending authorization request (a
 * sign-in started at Auth0's "Application Login URI", a bookmarked hosted-UI page, an
 * expired session) restarts a proper sign-in once. The restarted request's {@code state}
 * is marked, so a second failure shows the page instead of looping. A callback whose
 * {@code state} differs from a sign-in still pending in this session, or repeats one
 * already used, is explained instead, never restarted.
 */
final class SignInFailureHandler implements AuthenticationFailureHandler {

	static final String FAILURE_URL = "/signin/failed";

	static final String RESTART_URL = "/oauth2/authorization/cognito?"
			+ CognitoAuthorizationRequestResolver.RESTART_PARAMETER + "=1";

	private static final Logger logger = LoggerFactory.getLogger(SignInFailureHandler.class);

	static final String PROBLEM_PARAMETER = "problem";

	private final SignInErrorCatalogue catalogue;

	private final BackChannelProperties limits;

	private final boolean secureCookie;

	private final RedirectStrategy redirectStrategy = new DefaultRedirectStrategy();

	SignInFailureHandler(SignInErrorCatalogue catalogue, BackChannelProperties limits, boolean secureCookie) {
		this.catalogue = catalogue;
		this.limits = limits;
		this.secureCookie = secureCookie;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		OAuth2Error error = (exception instanceof OAuth2AuthenticationException oauth2) ? oauth2.getError()
				: new OAuth2Error("authentication_failed");
		SignInProblem problem = null;
		if (isUnsolicitedCallback(request, error)) {
			problem = attackOrReplay(request, error);
			if (problem == null && !CognitoAuthorizationRequestResolver.isRestartedFlow(request)) {
				logger.info(
						"Sign-in callback without a pending authorization request ({}); starting a proper sign-in once",
						SignInErrorCatalogue.safeCode(error.getErrorCode()));
				this.redirectStrategy.sendRedirect(request, response, RESTART_URL);
				return;
			}
			if (problem == null && request.getRequestedSessionId() == null) {
				// The restarted sign-in came back without the session cookie again: a
				// session would never reach the browser, so the URL carries the problem
				String key = (this.secureCookie && !request.isSecure()) ? "cookie-needs-https" : "cookie-not-returned";
				logger.warn("Sign-in failed: the browser sent no session cookie back ({})", key);
				this.redirectStrategy.sendRedirect(request, response,
						FAILURE_URL + "?" + PROBLEM_PARAMETER + "=" + key);
				return;
			}
		}
		if (problem == null) {
			// A callback with error= is Cognito reporting; without it, one of this app's
			// own calls to Cognito failed after the callback
			problem = (request.getParameter("error") != null) ? this.catalogue.classify(error)
					: this.catalogue.classifyOwnCall(error, exception.getCause(), this.limits);
		}
		logger.warn("Sign-in failed: {} ({})", problem.code(), problem.key());
		request.getSession().setAttribute(SignInProblem.SESSION_ATTRIBUTE, problem);
		this.redirectStrategy.sendRedirect(request, response, FAILURE_URL);
	}

	/**
	 * A callback that matches no pending request is only restarted when this browser has
	 * nothing in progress. If the session still holds a pending sign-in, the callback's
	 * {@code state} was altered or belongs to another sign-in (the CSRF check of RFC 6749
	 * §10.12, RFC 9700 §4.7.1): a silent restart would hide it, and would replace the
	 * genuine pending request. If the {@code state} is the one this session's last
	 * callback used, it is the same answer replayed (RFC 9700 §4.2.4: state is single
	 * use).
	 */
	private static SignInProblem attackOrReplay(HttpServletRequest request, OAuth2Error error) {
		String code = SignInErrorCatalogue.safeCode(error.getErrorCode());
		if (SignInRequests.isReplay(request)) {
			return new SignInProblem("callback-replayed", code, List.of());
		}
		if (SignInRequests.hasPending(request)) {
			return new SignInProblem("state-mismatch", code, List.of());
		}
		return null;
	}

	/**
	 * A callback with a code that belongs to no request of ours: no {@code state} at all
	 * (Spring reports {@code invalid_request}) or a {@code state} with no saved request
	 * ({@code authorization_request_not_found}). A callback with {@code error} is Cognito
	 * reporting a failure, which is explained, never retried.
	 */
	private static boolean isUnsolicitedCallback(HttpServletRequest request, OAuth2Error error) {
		if (request.getParameter("code") == null || request.getParameter("error") != null) {
			return false;
		}
		String code = error.getErrorCode();
		return "authorization_request_not_found".equals(code)
				|| ("invalid_request".equals(code) && request.getParameter("state") == null);
	}

}

package io.fedlab.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * Logs the sign-in (the Cognito {@code sub} only: ASVS 16.3.1) and returns to the page
 * the user asked for, which can only be a URL of this app saved before the redirect (no
 * {@code ?continue=} parameter is honoured: ASVS 3.7.2), or the profile page.
 */
final class SignInSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

	private static final Logger logger = LoggerFactory.getLogger(SignInSuccessHandler.class);

	SignInSuccessHandler() {
		setDefaultTargetUrl("/profile");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		logger.info("Signed in: sub={}", authentication.getName());
		super.onAuthenticationSuccess(request, response, authentication);
	}

}

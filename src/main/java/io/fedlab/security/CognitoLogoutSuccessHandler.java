package io.fedlab.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * Redirects to the identity providers' logout chain. The target comes from configuration
 * only, never from the request, so logout is no open redirect (ASVS 3.7.2). Spring's
 * {@code OidcClientInitiatedLogoutSuccessHandler} is the wrong tool for Cognito
 * (emulated-behaviour.md §C8).
 */
final class CognitoLogoutSuccessHandler implements LogoutSuccessHandler {

	private final CognitoLogoutUrls urls;

	private final RedirectStrategy redirectStrategy = new DefaultRedirectStrategy();

	CognitoLogoutSuccessHandler(CognitoLogoutUrls urls) {
		this.urls = urls;
	}

	@Override
	public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException {
		this.redirectStrategy.sendRedirect(request, response, this.urls.target());
	}

}

package io.fedlab.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.header.HeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Writes the app's security headers on error pages that were never given them. Spring
 * Security's header filter skips error dispatches, and it never saw the requests that
 * were refused before it: a malformed query string, a request its firewall rejects, a
 * method the servlet refuses. Their error pages would be the only pages without a content
 * security policy and {@code nosniff}.
 */
final class ErrorPageHeadersFilter extends OncePerRequestFilter {

	private final List<HeaderWriter> writers;

	ErrorPageHeadersFilter(List<HeaderWriter> writers) {
		this.writers = List.copyOf(writers);
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getDispatcherType() == DispatcherType.ERROR && !response.isCommitted()
				&& !response.containsHeader("X-Content-Type-Options")) {
			this.writers.forEach((writer) -> writer.writeHeaders(request, response));
		}
		chain.doFilter(request, response);
	}

}

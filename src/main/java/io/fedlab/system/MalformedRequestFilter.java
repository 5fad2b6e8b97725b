package io.fedlab.system;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a client's malformed request with 400 before anything else reads it. Tomcat
 * parses the query string and form body on the first {@code getParameter} call and, when
 * it cannot (a broken percent-escape such as {@code %zz}, an unknown charset, too many
 * parameters), throws from that call: whichever filter or controller asked first would
 * turn the client's mistake into a 500 with a stack trace. Parsing here, first, makes it
 * one 400 on the app's own error page (the error dispatch passes Spring Security's header
 * writers), logged as a count ({@link ClientMistakes}), never with the value.
 * <p>
 * {@code /error} requested directly, rather than reached through an error dispatch, is
 * not a page: 404.
 */
final class MalformedRequestFilter extends OncePerRequestFilter {

	private final ClientMistakes mistakes;

	MalformedRequestFilter(ClientMistakes mistakes) {
		this.mistakes = mistakes;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			request.getParameterMap();
		}
		catch (RuntimeException unparsable) {
			this.mistakes.record("malformed query string or form body");
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		if (request.getDispatcherType() == DispatcherType.REQUEST && "/error".equals(request.getRequestURI())) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		chain.doFilter(request, response);
	}

}

package io.fedlab.session;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Placed in front of Spring Session's filter: when the session store fails (Redis down,
 * restarting or too slow), the request ends on a 503 page that says so, instead of a 500
 * and a stack trace in the error page chain, which would reach for the session again. The
 * page is rendered from the request as Spring Session never saw it, so nothing on the way
 * touches Redis. Once Redis is back, a session it lost is simply not found and the user
 * is asked to sign in again.
 */
final class SessionStoreOutageFilter extends OncePerRequestFilter {

	static final String PAGE = "/session-unavailable";

	private static final Logger log = LoggerFactory.getLogger(SessionStoreOutageFilter.class);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			DataAccessException failure = storeFailure(ex);
			if (failure == null || response.isCommitted()) {
				throw ex;
			}
			log.warn("Session store unavailable ({}): {} {} answered 503", failure.getClass().getSimpleName(),
					request.getMethod(), request.getRequestURI());
			response.reset();
			request.getRequestDispatcher(PAGE).forward(request, response);
		}
	}

	static DataAccessException storeFailure(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessException dataAccess) {
				return dataAccess;
			}
		}
		return null;
	}

}

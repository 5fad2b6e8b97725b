package io.fedlab.session;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The page {@link SessionStoreOutageFilter} forwards to. Every method is mapped because
 * the forward keeps the original request's method (a POST to {@code /logout}, say).
 */
@Controller
@Profile(RedisSessionConfiguration.PROFILE)
class SessionUnavailableController {

	static final String VIEW = "error/session-unavailable";

	@RequestMapping(SessionStoreOutageFilter.PAGE)
	String sessionUnavailable(HttpServletResponse response) {
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, "5");
		return VIEW;
	}

}

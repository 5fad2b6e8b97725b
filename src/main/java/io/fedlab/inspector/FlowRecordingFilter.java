package io.fedlab.inspector;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.fedlab.security.Revocation;
import io.fedlab.security.SignInProblem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records the app's side of a sign-in and a logout from around Spring Security's filter
 * chain (it runs just before it): the authorization request the redirect carries, the
 * callback and how it ended, the logout and where it sent the browser, and the arrival
 * back on {@code /logged-out}. It only observes: requests and responses pass through
 * unchanged, except for the logout cookie below.
 */
final class FlowRecordingFilter extends OncePerRequestFilter {

	static final String AUTHORIZATION_PREFIX = "/oauth2/authorization/";

	static final String CALLBACK_PREFIX = "/login/oauth2/code/";

	static final String FAILURE_PATH = "/signin/failed";

	static final String LOGGED_OUT_PATH = "/logged-out";

	/**
	 * The record of the callback being handled, for the token, ID-token and user-info
	 * recorders.
	 */
	static final String CURRENT = FlowRecordingFilter.class.getName() + ".CURRENT";

	static final List<String> AUTHORIZATION_PARAMETERS = List.of("response_type", "client_id", "redirect_uri", "scope",
			"identity_provider", "state", "nonce", "code_challenge", "code_challenge_method");

	private static final Pattern SAFE_CODE = Pattern.compile("[a-z_]{1,64}");

	private final LogoutRecords logoutRecords;

	private final Clock clock;

	private final String appBase;

	/**
	 * @param appBase the app's base URL, for the endpoints recorded: never the request's
	 * {@code Host} header
	 */
	FlowRecordingFilter(LogoutRecords logoutRecords, Clock clock, String appBase) {
		this.logoutRecords = logoutRecords;
		this.clock = clock;
		this.appBase = appBase;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean get = "GET".equals(request.getMethod());
		if (get && path.startsWith(AUTHORIZATION_PREFIX)) {
			authorization(request, response, chain);
		}
		else if (path.startsWith(CALLBACK_PREFIX)) {
			callback(request, response, chain);
		}
		else if ("POST".equals(request.getMethod()) && "/logout".equals(path)) {
			logout(request, response, chain);
		}
		else if (get && LOGGED_OUT_PATH.equals(path)) {
			loggedOut(request);
			chain.doFilter(request, response);
		}
		else {
			chain.doFilter(request, response);
		}
	}

	private void authorization(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long start = now();
		RedirectCapture capture = new RedirectCapture(response);
		chain.doFilter(request, capture);
		String location = capture.location();
		HttpSession session = request.getSession(false);
		if (location == null || session == null) {
			return;
		}
		Map<String, List<String>> parameters = Mask.parameters(location);
		List<Fact> facts = new ArrayList<>();
		facts.add(new Fact("endpoint", Mask.withoutQuery(location)));
		AUTHORIZATION_PARAMETERS.forEach((name) -> {
			String value = first(parameters, name);
			if (value != null) {
				facts.add(new Fact(name, Mask.value(name, value)));
			}
		});
		parameters.forEach((name, values) -> {
			if (!AUTHORIZATION_PARAMETERS.contains(name)) {
				facts.add(new Fact(name, Mask.value(name, values.get(0))));
			}
		});
		FlowRecord record = FlowRecord.signIn(start)
			.withState(first(parameters, "state"))
			.withHop(new Hop(Step.AUTHORIZATION_REQUEST, start, now() - start, Hop.Status.OK, Hop.Source.APP,
					Hop.Correlation.RECORDED, facts, null));
		// a new sign-in replaces the previous record: the view shows the latest flow
		session.setAttribute(FlowRecord.SESSION_ATTRIBUTE, record);
	}

	private void callback(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long start = now();
		HttpSession session = request.getSession(false);
		FlowRecord found = (session != null
				&& session.getAttribute(FlowRecord.SESSION_ATTRIBUTE) instanceof FlowRecord inSession
				&& inSession.kind() == FlowRecord.Kind.SIGN_IN && inSession.ended() == 0) ? inSession
						: FlowRecord.signIn(start);
		String state = request.getParameter("state");
		String code = request.getParameter("code");
		String error = request.getParameter("error");
		List<Fact> facts = new ArrayList<>();
		facts.add(new Fact("endpoint", endpoint(request)));
		if (code != null) {
			facts.add(new Fact("code", Mask.value("code", code)));
		}
		if (state != null) {
			facts.add(new Fact("state", Mask.value("state", state)));
		}
		facts.add(new Fact("state_matched", found.stateMatches(state) ? "yes" : "no"));
		if (error != null) {
			facts.add(new Fact("error", SAFE_CODE.matcher(error).matches() ? error : "unknown"));
		}
		String description = request.getParameter("error_description");
		if (description != null) {
			facts.add(new Fact("error_description", Mask.value("error_description", description)));
		}
		FlowRecord record = found.withCode(code)
			.withHop(new Hop(Step.CALLBACK, start, null, (error != null) ? Hop.Status.REPORTED : Hop.Status.OK,
					Hop.Source.APP, Hop.Correlation.RECORDED, facts, null));
		// the recorders below replace it, hop by hop, in the request and the session
		Recorders.keep(request, record);
		RedirectCapture capture = new RedirectCapture(response);
		try {
			chain.doFilter(request, capture);
		}
		finally {
			FlowRecord recorded = Recorders.current(request);
			request.removeAttribute(CURRENT);
			long end = now();
			FlowRecord timed = ((recorded != null) ? recorded : record).withChanged(Step.CALLBACK,
					(hop) -> new Hop(hop.step(), hop.at(), end - hop.at(), hop.status(), hop.source(),
							hop.correlation(), hop.facts(), hop.problem()));
			finish(request, timed, capture.location(), end);
		}
	}

	/**
	 * Ends the record by where the callback sent the browser, and sets it in the session
	 * again: the session that Spring Security just gave a new id, if the sign-in
	 * succeeded.
	 */
	private void finish(HttpServletRequest request, FlowRecord record, String location, long end) {
		HttpSession session = request.getSession(false);
		String target = (location != null) ? Mask.withoutQuery(location) : null;
		FlowRecord ended;
		if (target != null && target.endsWith(FAILURE_PATH)) {
			ended = Failures.mark(record, problem(session)).withEnd(FlowRecord.Outcome.FAILED, end);
		}
		else if (target != null && target.contains(AUTHORIZATION_PREFIX)) {
			ended = record.withEnd(FlowRecord.Outcome.RESTARTED, end);
		}
		else if (target != null) {
			ended = record
				.withHop(
						new Hop(Step.SIGNED_IN, end, null, Hop.Status.OK, Hop.Source.APP, Hop.Correlation.RECORDED,
								List.of(new Fact("redirect", target),
										new Fact("session", "new session id (ASVS 7.2.4)")),
								null))
				.withEnd(FlowRecord.Outcome.SIGNED_IN, end);
		}
		else {
			ended = record.withEnd(FlowRecord.Outcome.FAILED, end);
		}
		if (session != null) {
			session.setAttribute(FlowRecord.SESSION_ATTRIBUTE, ended);
		}
	}

	/**
	 * The explained problem the failure handler left in the session (read, not taken).
	 */
	private static SignInProblem problem(HttpSession session) {
		if (session == null) {
			return null;
		}
		for (String name : Collections.list(session.getAttributeNames())) {
			if (session.getAttribute(name) instanceof SignInProblem problem) {
				return problem;
			}
		}
		return null;
	}

	/**
	 * The session, and the sign-in record in it, end at logout; the logout record must
	 * still reach {@code /logged-out} after three redirects through Auth0 and Cognito. It
	 * goes to a small in-memory store (bounded, entries live five minutes) under a random
	 * 256-bit id, and the id goes to the browser in an HttpOnly cookie that lives as
	 * long: only this browser can ask for it, and nothing about the flow leaves the
	 * server. A flash attribute would not do: it is kept in the session that logout
	 * invalidates.
	 */
	private void logout(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session == null
				|| session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) == null) {
			chain.doFilter(request, response);
			return;
		}
		long start = now();
		String id = this.logoutRecords.newId();
		// set before the chain: the redirect commits the response
		response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, id, LogoutRecords.TIME_TO_LIVE).toString());
		RedirectCapture capture = new RedirectCapture(response);
		chain.doFilter(request, capture);
		String location = capture.location();
		if (location == null) {
			return;
		}
		long end = now();
		FlowRecord record = FlowRecord.logout(start)
			.withCookie(id)
			.withHop(new Hop(Step.LOGOUT, start, end - start, Hop.Status.OK, Hop.Source.APP, Hop.Correlation.RECORDED,
					List.of(new Fact("session", "invalidated"), new Fact("authorized_client", "removed"),
							new Fact("Clear-Site-Data", "\"cache\", \"storage\"")),
					null));
		Revocation revocation = Revocation.from(request).orElse(null);
		if (revocation != null) {
			List<Fact> facts = new ArrayList<>();
			facts.add(new Fact("endpoint", "POST /oauth2/revoke (client_secret_basic)"));
			facts.add(new Fact("outcome", revocation.outcome()));
			if (revocation.status() != 0) {
				facts.add(new Fact("status", String.valueOf(revocation.status())));
			}
			if (revocation.error() != null) {
				facts.add(new Fact("error", revocation.error()));
			}
			facts.add(new Fact("token", "the refresh token (never shown)"));
			boolean failed = "failed".equals(revocation.outcome()) || "unreachable".equals(revocation.outcome());
			record = record.withHop(new Hop(Step.REVOCATION, start, revocation.durationMillis(),
					failed ? Hop.Status.FAILED : Hop.Status.OK, Hop.Source.APP, Hop.Correlation.RECORDED, facts, null));
		}
		List<Fact> redirect = new ArrayList<>();
		redirect.add(new Fact("redirect", Mask.withoutQuery(location)));
		Mask.query(location).forEach((name, value) -> redirect.add(new Fact(name, value)));
		record = record.withChanged(Step.LOGOUT, (hop) -> {
			Hop updated = hop;
			for (Fact fact : redirect) {
				updated = updated.withFact(fact.name(), fact.value());
			}
			return updated;
		});
		this.logoutRecords.put(id, record);
	}

	private String endpoint(HttpServletRequest request) {
		return this.appBase + request.getRequestURI().substring(request.getContextPath().length());
	}

	private void loggedOut(HttpServletRequest request) {
		String id = cookieValue(request, LogoutRecords.COOKIE);
		if (id == null) {
			return;
		}
		long at = now();
		Hop arrived = new Hop(Step.LOGGED_OUT, at, null, Hop.Status.OK, Hop.Source.APP, Hop.Correlation.RECORDED,
				List.of(new Fact("endpoint", endpoint(request))), null);
		this.logoutRecords.change(id, (record) -> (record.ended() != 0) ? record
				: record.withHop(arrived).withEnd(FlowRecord.Outcome.LOGGED_OUT, at));
	}

	static ResponseCookie cookie(HttpServletRequest request, String value, Duration maxAge) {
		return ResponseCookie.from(LogoutRecords.COOKIE, value)
			.httpOnly(true)
			.secure(request.isSecure())
			// Lax: the cookie must come back on Cognito's cross-site redirect to
			// /logged-out
			.sameSite("Lax")
			.path("/")
			.maxAge(maxAge)
			.build();
	}

	static String cookieValue(HttpServletRequest request, String name) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (name.equals(cookie.getName())) {
				return cookie.getValue();
			}
		}
		return null;
	}

	static String first(Map<String, List<String>> parameters, String name) {
		List<String> values = parameters.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	private long now() {
		return this.clock.millis();
	}

}

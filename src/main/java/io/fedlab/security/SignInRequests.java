package io.fedlab.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * Spring's session-held authorization requests (one pending per session, looked up by
 * {@code state} and removed at the callback: emulated-behaviour.md §R2), plus two facts
 * the failure handler needs to tell an unsolicited callback from an attack: whether this
 * session has a sign-in pending, and which {@code state} its last callback used. Spring
 * answers neither, because it only looks a request up by the callback's own
 * {@code state}.
 */
final class SignInRequests implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

	private static final String PENDING = SignInRequests.class.getName() + ".PENDING";

	private static final String USED_STATE = SignInRequests.class.getName() + ".USED_STATE";

	private final AuthorizationRequestRepository<OAuth2AuthorizationRequest> delegate = new HttpSessionOAuth2AuthorizationRequestRepository();

	@Override
	public OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
		return this.delegate.loadAuthorizationRequest(request);
	}

	@Override
	public void saveAuthorizationRequest(OAuth2AuthorizationRequest authorizationRequest, HttpServletRequest request,
			HttpServletResponse response) {
		this.delegate.saveAuthorizationRequest(authorizationRequest, request, response);
		if (authorizationRequest != null) {
			request.getSession().setAttribute(PENDING, Boolean.TRUE);
		}
		else {
			forgetPending(request);
		}
	}

	@Override
	public OAuth2AuthorizationRequest removeAuthorizationRequest(HttpServletRequest request,
			HttpServletResponse response) {
		OAuth2AuthorizationRequest removed = this.delegate.removeAuthorizationRequest(request, response);
		if (removed != null) {
			forgetPending(request);
			request.getSession().setAttribute(USED_STATE, removed.getState());
		}
		return removed;
	}

	/** Whether this browser's session holds a sign-in that has not come back yet. */
	static boolean hasPending(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session != null && session.getAttribute(PENDING) != null;
	}

	/**
	 * Whether the callback's {@code state} is the one this session's last callback
	 * already used: the same answer, replayed.
	 */
	static boolean isReplay(HttpServletRequest callback) {
		HttpSession session = callback.getSession(false);
		String state = callback.getParameter("state");
		return session != null && state != null && state.equals(session.getAttribute(USED_STATE));
	}

	private static void forgetPending(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.removeAttribute(PENDING);
		}
	}

}

package io.fedlab.inspector;

import java.util.function.UnaryOperator;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The sign-in record of the callback this thread is handling, if any, and the one way to
 * change it: each change replaces the record in the request (for the next recorder) and
 * in the session. Setting the session attribute again is what makes a session store
 * outside the JVM (Spring Session on Redis) write the change; it also keeps what was
 * recorded so far if the request ends early. A session id changed on the way (session
 * fixation protection, ASVS 7.2.4) keeps its attributes, so the record goes along.
 */
final class Recorders {

	private Recorders() {
	}

	/** Whether this thread is handling a callback whose sign-in is being recorded. */
	static boolean recording() {
		HttpServletRequest request = request();
		return request != null && current(request) != null;
	}

	/**
	 * Replaces the sign-in record of the callback this thread is handling with its
	 * changed copy; nothing when there is none.
	 */
	static void change(UnaryOperator<FlowRecord> change) {
		HttpServletRequest request = request();
		FlowRecord record = (request != null) ? current(request) : null;
		if (record != null) {
			keep(request, change.apply(record));
		}
	}

	static FlowRecord current(HttpServletRequest request) {
		return (request.getAttribute(FlowRecordingFilter.CURRENT) instanceof FlowRecord record) ? record : null;
	}

	/**
	 * Makes this the callback's current record, and the session's, if the request has a
	 * session (never creates one).
	 */
	static void keep(HttpServletRequest request, FlowRecord record) {
		request.setAttribute(FlowRecordingFilter.CURRENT, record);
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.setAttribute(FlowRecord.SESSION_ATTRIBUTE, record);
		}
	}

	private static HttpServletRequest request() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return (attributes instanceof ServletRequestAttributes servlet) ? servlet.getRequest() : null;
	}

}

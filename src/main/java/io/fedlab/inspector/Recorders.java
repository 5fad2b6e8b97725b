package io.fedlab.inspector;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** The sign-in record of the callback this thread is handling, if any. */
final class Recorders {

	private Recorders() {
	}

	static FlowRecord current() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		Object record = (attributes != null)
				? attributes.getAttribute(FlowRecordingFilter.CURRENT, RequestAttributes.SCOPE_REQUEST) : null;
		return (record instanceof FlowRecord flowRecord) ? flowRecord : null;
	}

}

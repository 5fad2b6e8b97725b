package io.fedlab.system;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's error page for what it refuses before the app sees it (a request line it
 * cannot parse, an invalid URI, oversized headers), with the security headers every app
 * page has and without the report or server version. Without it, those answers are the
 * one page of the app without {@code frame-ancestors}, {@code nosniff} and a referrer
 * policy.
 */
public final class HeadersErrorReportValve extends ErrorReportValve {

	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
			+ "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

	public HeadersErrorReportValve() {
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		if (response.getStatus() == HttpServletResponse.SC_NOT_IMPLEMENTED && !response.isCommitted()) {
			// Tomcat's answer to a transfer coding it does not know (RFC 9112 §6.1 allows
			// 400 as well); the app implements no 501 of its own, and a client's
			// malformed request is a 4xx here, never a 5xx
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		if (response.getStatus() >= 400 && !response.isCommitted() && response.getContentWritten() == 0) {
			setIfAbsent(response, "Content-Security-Policy", CONTENT_SECURITY_POLICY);
			setIfAbsent(response, "X-Content-Type-Options", "nosniff");
			setIfAbsent(response, "X-Frame-Options", "DENY");
			setIfAbsent(response, "Referrer-Policy", "no-referrer");
			setIfAbsent(response, "Cache-Control", "no-store");
		}
		super.report(request, response, throwable);
	}

	private static void setIfAbsent(Response response, String name, String value) {
		if (!response.containsHeader(name)) {
			response.setHeader(name, value);
		}
	}

}

package io.fedlab.inspector;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/** Remembers where a response redirected to; everything else passes through. */
final class RedirectCapture extends HttpServletResponseWrapper {

	private String location;

	RedirectCapture(HttpServletResponse response) {
		super(response);
	}

	@Override
	public void sendRedirect(String location) throws IOException {
		this.location = location;
		super.sendRedirect(location);
	}

	@Override
	public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
		this.location = location;
		super.sendRedirect(location, sc, clearBuffer);
	}

	@Override
	public void setHeader(String name, String value) {
		if ("Location".equalsIgnoreCase(name)) {
			this.location = value;
		}
		super.setHeader(name, value);
	}

	String location() {
		return this.location;
	}

}

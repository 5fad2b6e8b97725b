package io.fedlab.localidp.http;

import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * Builders for the responses the emulators send. Every response is {@code no-store}: none
 * of them may be cached by a browser or a proxy. Every response also carries
 * {@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY} and
 * {@code Referrer-Policy: strict-origin-when-cross-origin}, as the real hosted pages
 * carry such headers (the values are the emulator's choice); pages add a CSP with
 * {@code frame-ancestors 'none'}.
 */
public final class Responses {

	private Responses() {
	}

	public static Builder status(int status) {
		return new Builder(status);
	}

	public static ResponseDefinition html(int status, String html) {
		return status(status).header("Content-Type", "text/html;charset=UTF-8")
			.header("Content-Security-Policy",
					"default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; frame-ancestors 'none'")
			.body(html)
			.build();
	}

	public static ResponseDefinition json(int status, String json) {
		return status(status).header("Content-Type", "application/json;charset=UTF-8").body(json).build();
	}

	public static ResponseDefinition text(int status, String text) {
		return status(status).header("Content-Type", "text/plain;charset=UTF-8").body(text).build();
	}

	public static ResponseDefinition redirect(String location) {
		return status(302).header("Location", location).build();
	}

	/** A response under construction; headers may repeat (several {@code Set-Cookie}). */
	public static final class Builder {

		private final int status;

		private final List<HttpHeader> headers = new ArrayList<>();

		private String body;

		private Builder(int status) {
			this.status = status;
			this.headers.add(new HttpHeader("Cache-Control", "no-store"));
			this.headers.add(new HttpHeader("Pragma", "no-cache"));
			this.headers.add(new HttpHeader("X-Content-Type-Options", "nosniff"));
			this.headers.add(new HttpHeader("X-Frame-Options", "DENY"));
			this.headers.add(new HttpHeader("Referrer-Policy", "strict-origin-when-cross-origin"));
		}

		public Builder header(String name, String value) {
			this.headers.add(new HttpHeader(name, value));
			return this;
		}

		public Builder body(String body) {
			this.body = body;
			return this;
		}

		public Builder html(String html) {
			return header("Content-Type", "text/html;charset=UTF-8").body(html);
		}

		public Builder json(String json) {
			return header("Content-Type", "application/json;charset=UTF-8").body(json);
		}

		public ResponseDefinition build() {
			// Merge repeated header names into one multi-valued header, as WireMock
			// expects.
			java.util.Map<String, List<String>> merged = new java.util.LinkedHashMap<>();
			for (HttpHeader header : this.headers) {
				merged.computeIfAbsent(header.key(), (k) -> new ArrayList<>()).addAll(header.values());
			}
			List<HttpHeader> out = new ArrayList<>();
			merged.forEach((name, values) -> out.add(new HttpHeader(name, values)));
			ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition()
				.withStatus(this.status)
				.withHeaders(new HttpHeaders(out));
			if (this.body != null) {
				builder.withBody(this.body);
			}
			return builder.build();
		}

	}

}

package io.fedlab.inspector;

import java.util.List;
import java.util.Map;

/**
 * One request from an emulator's WireMock journal, reduced to what correlation needs.
 * Holds raw values (codes, tokens, cookies) in memory only while a view is built; they
 * reach the view only through {@link Mask}, and the bearer token and cookies only as
 * fingerprints.
 *
 * @param source which emulator logged it
 * @param at when it arrived (epoch milliseconds)
 * @param method the HTTP method
 * @param url the path and query
 * @param form the decoded form body, if any
 * @param bearerFingerprint fingerprint of the Bearer token, or {@code null}
 * @param cookieFingerprints fingerprints of the cookies sent, by name
 * @param status the response status
 * @param location the response's {@code Location}, or {@code null}
 * @param responseFields the top-level fields of a JSON response body, raw
 */
record JournalEntry(Hop.Source source, long at, String method, String url, Map<String, List<String>> form,
		String bearerFingerprint, Map<String, String> cookieFingerprints, int status, String location,
		Map<String, String> responseFields) {

	String path() {
		return Mask.withoutQuery(this.url);
	}

	String query(String name) {
		return FlowRecordingFilter.first(Mask.parameters(this.url), name);
	}

	String formValue(String name) {
		return FlowRecordingFilter.first(this.form, name);
	}

	String locationParameter(String name) {
		return FlowRecordingFilter.first(Mask.parameters(this.location), name);
	}

	@Override
	public String toString() {
		return this.source + " " + this.method + " " + path() + " " + this.status;
	}

}

package io.fedlab.account;

import java.util.List;

/**
 * One token as the profile page shows it: decoded header and claims (not verified here;
 * Spring verified the ID token at sign-in), when it expires, and optionally the raw
 * value.
 *
 * @param kind {@code id}, {@code access} or {@code refresh}
 * @param format {@code JWS}, {@code JWE} or {@code opaque}
 * @param header the JOSE header members
 * @param claims the payload claims (empty for a JWE or an opaque token)
 * @param keyId the {@code kid} of the signing key, or {@code null}
 * @param expiry when it expires, or {@code null}
 * @param length length in characters
 * @param raw the raw value, or {@code null} when revealing is turned off
 */
record TokenView(String kind, String format, List<Row> header, List<Row> claims, String keyId, Time expiry, int length,
		String raw) {

	/**
	 * A header member or claim.
	 *
	 * @param name the name
	 * @param value the value as text (JSON for arrays and objects)
	 * @param time the value read as a time, for time claims, or {@code null}
	 */
	record Row(String name, String value, Time time) {

	}

	/**
	 * A point in time, readable.
	 *
	 * @param text the UTC time
	 * @param relative the distance from now, compact
	 * @param past whether it is in the past
	 */
	record Time(String text, String relative, boolean past) {

	}

}

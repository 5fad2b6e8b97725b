package io.fedlab.inspector;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A one-way digest of a flow value ({@code state}, a code, a token), so the inspector can
 * recognise the same value in an emulator's journal later without keeping the value in
 * the session.
 */
final class Fingerprint {

	private Fingerprint() {
	}

	static String of(String value) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java platform", ex);
		}
	}

	static boolean matches(String fingerprint, String value) {
		return fingerprint != null && value != null && fingerprint.equals(of(value));
	}

}

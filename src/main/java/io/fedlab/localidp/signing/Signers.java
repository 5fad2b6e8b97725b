package io.fedlab.localidp.signing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * One {@link RSASSASigner} per signing key, built once: building one decodes the JWK's
 * eight base64 numbers and makes a Java private key, work a profile of the sign-in showed
 * repeated for every token signed. Nimbus's signers are thread-safe.
 */
public final class Signers {

	/** More keys than any run rotates through; past it the cache starts again. */
	private static final int MAX_KEYS = 256;

	private static final Map<String, Signer> BY_KID = new ConcurrentHashMap<>();

	private Signers() {
	}

	/**
	 * The signer for this private key.
	 * @param key an RSA key with its private part
	 * @return a signer for it, shared
	 * @throws JOSEException when the key has no usable private part
	 */
	public static JWSSigner of(RSAKey key) throws JOSEException {
		Signer cached = BY_KID.get(key.getKeyID());
		// The same kid with another key (a test's fresh data folder, say) is built anew.
		if (cached != null && cached.key().equals(key)) {
			return cached.signer();
		}
		if (BY_KID.size() >= MAX_KEYS) {
			BY_KID.clear();
		}
		RSASSASigner signer = new RSASSASigner(key);
		BY_KID.put(key.getKeyID(), new Signer(key, signer));
		return signer;
	}

	private record Signer(RSAKey key, JWSSigner signer) {
	}

}

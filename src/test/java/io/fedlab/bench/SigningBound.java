package io.fedlab.bench;

import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The ceiling RSA puts on sign-ins: RS256 signatures per second with Nimbus JOSE on an
 * RSA-2048 key, the library and key size the emulators sign with (KeyRing, Auth0Tokens,
 * CognitoTokens).
 */
final class SigningBound {

	private SigningBound() {
	}

	/** Signatures per second from {@code threads} threads signing for {@code seconds}. */
	static double signaturesPerSecond(int threads, double seconds) throws Exception {
		RSAKey key = new RSAKeyGenerator(2048).keyID("bench").generate();
		RSASSASigner signer = new RSASSASigner(key);
		// Warm-up: JIT and the provider's lazy set-up
		Load.duration(threads, 1.5, (w) -> sign(signer));
		Load.Result run = Load.duration(threads, seconds, (w) -> sign(signer));
		return run.perSecond();
	}

	private static void sign(RSASSASigner signer) throws JOSEException {
		// About the size of a Cognito ID token's claims
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(UUID.randomUUID().toString())
			.issuer("http://localhost:9229/us-east-1_AbCdEfGhI")
			.audience("3n4b5urk1ft4fl3mg5e62d9ado")
			.claim("email", "alice@example.com")
			.claim("token_use", "id")
			.claim("cognito:username", "auth0_auth0|alice")
			.issueTime(new Date())
			.expirationTime(new Date(System.currentTimeMillis() + 3_600_000))
			.jwtID(UUID.randomUUID().toString())
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("bench").build(), claims);
		jwt.sign(signer);
		jwt.serialize();
	}

}

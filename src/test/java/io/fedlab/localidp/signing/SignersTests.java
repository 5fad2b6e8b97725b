package io.fedlab.localidp.signing;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignersTests {

	@Test
	void ofWhenTheSameKeyTwiceThenTheSameSigner() throws Exception {
		RSAKey key = new RSAKeyGenerator(2048).keyID("signers-same").generate();

		assertThat(Signers.of(key)).isSameAs(Signers.of(key));
	}

	@Test
	void ofWhenAnotherKeyWithTheSameKidThenASignerForThatKey() throws Exception {
		RSAKey first = new RSAKeyGenerator(2048).keyID("signers-reused-kid").generate();
		RSAKey second = new RSAKeyGenerator(2048).keyID("signers-reused-kid").generate();
		Signers.of(first);

		JWSSigner signer = Signers.of(second);

		JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.RS256), new Payload("{}"));
		jws.sign(signer);
		assertThat(jws.verify(new RSASSAVerifier(second))).isTrue();
		assertThat(jws.verify(new RSASSAVerifier(first))).isFalse();
	}

}

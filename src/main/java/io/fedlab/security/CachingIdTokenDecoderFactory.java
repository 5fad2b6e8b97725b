package io.fedlab.security;

import java.text.ParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jwt.JWTParser;

import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestOperations;

/**
 * One ID-token decoder per client registration and JWKS URL, kept for the life of the
 * app. Spring Security 7's {@link OidcIdTokenDecoderFactory} builds a new decoder, with
 * an empty JWKS cache, for every ID token, so every sign-in fetched Cognito's JWKS. A
 * kept decoder keeps Nimbus's JWKS cache (5 minutes), which still re-fetches when a token
 * names a {@code kid} it has not seen, so a key rotation is picked up
 * (emulated-behaviour.md §R3; Cognito publishes rotated keys in the same JWKS,
 * emulated-behaviour.md §C3).
 * <p>
 * Each decoder is the one {@link OidcIdTokenDecoderFactory} builds by default (RS256, the
 * same validators and claim conversions), with two differences: the key set is fetched
 * through the app's back-channel client (timeouts and bulkhead), which the factory offers
 * no way to set; and a token whose header names another algorithm is refused as such
 * before any key is looked up, so the page says "algorithm" rather than "unknown key".
 */
final class CachingIdTokenDecoderFactory implements JwtDecoderFactory<ClientRegistration> {

	/** The only algorithm Cognito signs ID tokens with, and the factory's default. */
	static final SignatureAlgorithm ALGORITHM = SignatureAlgorithm.RS256;

	private static final Pattern SAFE_ALGORITHM = Pattern.compile("[A-Za-z0-9+_-]{1,16}");

	private final RestOperations keySetClient;

	private final Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();

	CachingIdTokenDecoderFactory(RestOperations keySetClient) {
		this.keySetClient = keySetClient;
	}

	@Override
	public JwtDecoder createDecoder(ClientRegistration registration) {
		// The validators (iss, aud, nonce handling) are bound to the registration, so the
		// key holds everything that shapes the decoder.
		String key = registration.getRegistrationId() + ' ' + registration.getProviderDetails().getJwkSetUri() + ' '
				+ registration.getProviderDetails().getIssuerUri() + ' ' + registration.getClientId();
		return this.decoders.computeIfAbsent(key, (k) -> build(registration));
	}

	private JwtDecoder build(ClientRegistration registration) {
		String jwkSetUri = registration.getProviderDetails().getJwkSetUri();
		if (!StringUtils.hasText(jwkSetUri)) {
			OAuth2Error error = new OAuth2Error("missing_signature_verifier",
					"Failed to find a Signature Verifier " + "for Client Registration: '"
							+ registration.getRegistrationId() + "'. Check to ensure you have "
							+ "configured the JwkSet URI.",
					null);
			throw new OAuth2AuthenticationException(error, error.toString());
		}
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri)
			.jwsAlgorithm(ALGORITHM)
			.restOperations(this.keySetClient)
			.build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(new OidcIdTokenValidator(registration)));
		decoder.setClaimSetConverter(OidcIdTokenDecoderFactory.createDefaultClaimTypeConverter());
		return (token) -> {
			rejectOtherAlgorithms(token);
			return decoder.decode(token);
		};
	}

	/**
	 * Nimbus refuses an HS256 (or any non-RS256) token with "Another algorithm expected,
	 * or no matching key(s) found", which reads like a key rotation problem. The header
	 * says which it is.
	 */
	private static void rejectOtherAlgorithms(String token) {
		Algorithm algorithm;
		try {
			algorithm = JWTParser.parse(token).getHeader().getAlgorithm();
		}
		catch (ParseException | RuntimeException malformed) {
			// the decoder itself reports a malformed token
			return;
		}
		if (algorithm != null && !ALGORITHM.getName().equals(algorithm.getName())) {
			String name = SAFE_ALGORITHM.matcher(algorithm.getName()).matches() ? algorithm.getName() : "(invalid)";
			// the same words NimbusJwtDecoder uses for alg none, which the failure page
			// explains as an algorithm problem
			throw new BadJwtException("Unsupported algorithm of " + name);
		}
	}

}

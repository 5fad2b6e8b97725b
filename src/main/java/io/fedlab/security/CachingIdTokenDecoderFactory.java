package io.fedlab.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;

/**
 * One ID-token decoder per client registration and JWKS URL, kept for the life of the
 * app. Spring Security 7's {@link OidcIdTokenDecoderFactory} builds a new decoder, with
 * an empty JWKS cache, for every ID token, so every sign-in fetched Cognito's JWKS. A
 * kept decoder keeps Nimbus's JWKS cache (5 minutes), which still re-fetches when a token
 * names a {@code kid} it has not seen, so a key rotation is picked up (rp-security.md
 * §4.2; Cognito publishes rotated keys in the same JWKS, cognito.md §3).
 */
final class CachingIdTokenDecoderFactory implements JwtDecoderFactory<ClientRegistration> {

	private final OidcIdTokenDecoderFactory delegate = new OidcIdTokenDecoderFactory();

	private final Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();

	@Override
	public JwtDecoder createDecoder(ClientRegistration registration) {
		// The validators (iss, aud, nonce handling) are bound to the registration, so the
		// key holds everything that shapes the decoder.
		String key = registration.getRegistrationId() + ' ' + registration.getProviderDetails().getJwkSetUri() + ' '
				+ registration.getProviderDetails().getIssuerUri() + ' ' + registration.getClientId();
		return this.decoders.computeIfAbsent(key, (k) -> this.delegate.createDecoder(registration));
	}

}

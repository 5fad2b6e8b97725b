package io.fedlab.inspector;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Spring's ID-token decoder factory, unchanged (signature against the issuer's JWKS, then
 * {@code iss}, {@code aud}, {@code azp}, {@code exp}, {@code iat}: OIDC Core §3.1.3.7),
 * with the checks that ran recorded. Spring checks the {@code nonce} right after; the
 * user-info recorder marks it passed, {@link Failures} marks it failed.
 */
final class RecordingIdTokenDecoderFactory implements JwtDecoderFactory<ClientRegistration> {

	private final JwtDecoderFactory<ClientRegistration> delegate;

	private final Clock clock;

	RecordingIdTokenDecoderFactory(JwtDecoderFactory<ClientRegistration> delegate, Clock clock) {
		this.delegate = delegate;
		this.clock = clock;
	}

	@Override
	public JwtDecoder createDecoder(ClientRegistration registration) {
		JwtDecoder decoder = this.delegate.createDecoder(registration);
		return (token) -> {
			if (!Recorders.recording()) {
				return decoder.decode(token);
			}
			long start = this.clock.millis();
			try {
				Jwt jwt = decoder.decode(token);
				Hop hop = new Hop(Step.ID_TOKEN_CHECKS, start, this.clock.millis() - start, Hop.Status.OK,
						Hop.Source.APP, Hop.Correlation.RECORDED, passed(jwt, registration), null);
				Recorders.change((record) -> record.withHop(hop));
				return jwt;
			}
			catch (JwtException ex) {
				List<Fact> facts = new ArrayList<>();
				facts.add(new Fact("failed", failedCheck(ex)));
				facts.add(new Fact("expected_iss", registration.getProviderDetails().getIssuerUri()));
				facts.add(new Fact("expected_aud", registration.getClientId()));
				Hop hop = new Hop(Step.ID_TOKEN_CHECKS, start, this.clock.millis() - start, Hop.Status.FAILED,
						Hop.Source.APP, Hop.Correlation.RECORDED, facts, null);
				Recorders.change((record) -> record.withHop(hop));
				throw ex;
			}
		};
	}

	static List<Fact> passed(Jwt jwt, ClientRegistration registration) {
		List<Fact> facts = new ArrayList<>();
		Object alg = jwt.getHeaders().get("alg");
		Object kid = jwt.getHeaders().get("kid");
		facts.add(new Fact("signature", "verified: " + alg + ", kid " + kid + " from the issuer's JWKS"));
		facts.add(new Fact("iss", "matches: " + jwt.getClaimAsString("iss")));
		facts.add(new Fact("aud", "contains the client id: " + registration.getClientId()));
		Instant expiresAt = jwt.getExpiresAt();
		if (expiresAt != null) {
			facts.add(new Fact("exp", "in the future: " + expiresAt));
		}
		facts.add(new Fact("nonce", "checked next by Spring"));
		return facts;
	}

	/** Which check failed, by name only: the exception text can hold claim values. */
	static String failedCheck(JwtException ex) {
		if (ex instanceof JwtValidationException validation) {
			List<String> names = new ArrayList<>();
			validation.getErrors().forEach((error) -> {
				String text = String.valueOf(error.getDescription()).toLowerCase(Locale.ROOT);
				for (String claim : List.of("iss", "aud", "azp", "exp", "iat", "nbf", "sub")) {
					if (text.contains(claim + "=") || text.contains(claim + " ") || text.contains("(" + claim + ")")) {
						names.add(claim);
					}
				}
				if (text.contains("expired")) {
					names.add("exp");
				}
			});
			return names.isEmpty() ? "claims" : String.join(", ", names.stream().distinct().toList());
		}
		String text = String.valueOf(ex.getMessage()).toLowerCase(Locale.ROOT);
		if (text.contains("signature") || text.contains("jws") || text.contains("key")) {
			return "signature";
		}
		return "decoding";
	}

}

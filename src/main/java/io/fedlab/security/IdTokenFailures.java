package io.fedlab.security;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names why Spring rejected an ID token ({@code invalid_id_token}), from the description
 * Spring writes: Nimbus' signature and key verdicts, {@code JwtTimestampValidator}'s "Jwt
 * expired at …" and {@code OidcIdTokenValidator}'s "The ID Token contains invalid claims:
 * {iss=…, aud=…}". Only claim names from a fixed list are kept, never a value
 * (emulated-behaviour.md §R3 item 10). Each verdict matches one OpenID conformance RP
 * module (emulated-behaviour.md §R1.2).
 */
final class IdTokenFailures {

	// "{aud=[x], azp=null}": the claim names are the map's keys
	private static final Pattern INVALID_CLAIM = Pattern.compile("[{,]\\s*([a-z_]{2,16})=(null\\b)?");

	/** The claims OidcIdTokenValidator checks, in the order a page should name them. */
	private static final List<String> CHECKED_CLAIMS = List.of("iss", "sub", "aud", "azp", "exp", "iat");

	private IdTokenFailures() {
	}

	/**
	 * The problem for an {@code invalid_id_token} description, or the generic entry.
	 * @param code the safe error code to keep
	 * @param description Spring's description, may be empty
	 * @return the explained problem
	 */
	static SignInProblem classify(String code, String description) {
		String lower = description.toLowerCase(Locale.ROOT);
		if (lower.contains(" on get request for ") || (lower.contains("retrieve") && lower.contains("jwk set"))) {
			// the JWKS fetch failed ("500 Server Error on GET request for …", "I/O error
			// on GET request for …"): no key, so no verdict on the token itself
			return problem("jwks-unavailable", code);
		}
		if (lower.contains("unsupported algorithm")) {
			// an unsigned (alg: none) token: Spring accepts RS256 only
			// (-idtoken-sig-none)
			return problem("id-token-algorithm", code);
		}
		if (lower.contains("invalid signature")) {
			// a known kid, a signature that does not verify (-invalid-sig-rs256)
			return problem("id-token-signature", code);
		}
		if (lower.contains("no matching key")) {
			// Nimbus re-fetched the JWKS and still found no RS256 key with that kid
			return problem("id-token-unknown-key", code);
		}
		if (lower.contains("jwt expired at")) {
			return problem("id-token-expired", code);
		}
		if (lower.contains("jwt used before")) {
			return problem("id-token-not-yet-valid", code);
		}
		int claims = description.indexOf("invalid claims:");
		return (claims >= 0) ? invalidClaims(code, description.substring(claims)) : problem("invalid-id-token", code);
	}

	private static SignInProblem invalidClaims(String code, String claims) {
		String missing = null;
		String wrong = null;
		Matcher matcher = INVALID_CLAIM.matcher(claims);
		while (matcher.find()) {
			String name = matcher.group(1);
			if (!CHECKED_CLAIMS.contains(name)) {
				continue;
			}
			if (matcher.group(2) != null && !name.equals("azp")) {
				missing = first(missing, name);
			}
			else {
				wrong = first(wrong, name);
			}
		}
		if (missing != null) {
			// -missing-sub, -missing-iat, -missing-aud and no exp (emulated-behaviour.md
			// §R1.4)
			return new SignInProblem("id-token-missing-claim", code, List.of(missing));
		}
		if (wrong == null) {
			return problem("invalid-id-token", code);
		}
		return switch (wrong) {
			case "iss" -> problem("id-token-issuer", code);
			case "aud", "azp" -> problem("id-token-audience", code);
			case "exp" -> problem("id-token-expired", code);
			case "iat" -> problem("id-token-not-yet-valid", code);
			default -> problem("invalid-id-token", code);
		};
	}

	private static String first(String current, String candidate) {
		if (current == null || CHECKED_CLAIMS.indexOf(candidate) < CHECKED_CLAIMS.indexOf(current)) {
			return candidate;
		}
		return current;
	}

	private static SignInProblem problem(String key, String code) {
		return new SignInProblem(key, code, List.of());
	}

}

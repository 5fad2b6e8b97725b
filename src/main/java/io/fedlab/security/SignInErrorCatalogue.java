package io.fedlab.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fedlab.cognito.BackChannelProperties;
import io.fedlab.cognito.CallFailure;

import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * Maps a failed sign-in's {@link OAuth2Error} to an explained {@link SignInProblem}.
 * Cognito reports most federation failures as {@code invalid_request} with a free-text
 * {@code error_description} ("not fixed strings": emulated-behaviour.md §C1.4), so
 * descriptions are matched first, then the code. Only validated fragments of a
 * description are kept.
 */
public final class SignInErrorCatalogue {

	private static final Pattern SAFE_CODE = Pattern.compile("[a-z_]{1,64}");

	private static final Pattern ATTRIBUTE_NAME = Pattern
		.compile("[A-Za-z][A-Za-z0-9_-]{0,31}(?::[A-Za-z0-9_-]{1,32})?");

	// "attributes required: [email]" and "[given_name, family_name]"
	// (emulated-behaviour.md §C1.4)
	private static final Pattern ATTRIBUTES_REQUIRED = Pattern.compile("attributes required:?\\s*\\[([^\\]]{0,512})\\]",
			Pattern.CASE_INSENSITIVE);

	// "Invalid user attributes: email: Attribute cannot be updated." / "... email. The
	// attribute is required."
	private static final Pattern INVALID_USER_ATTRIBUTES = Pattern
		.compile("Invalid user attributes:\\s*([A-Za-z][A-Za-z0-9_-]{0,31}(?::[A-Za-z0-9_-]{1,32})?)");

	// "<Provider> Error - <status> ..." relayed from the IdP (emulated-behaviour.md
	// §C1.4, §C9 item
	// 13; emulated-behaviour.md §A9)
	private static final Pattern PROVIDER_ERROR = Pattern.compile("^([A-Za-z0-9][A-Za-z0-9.-]{0,31}) Error - (\\d{3})");

	/** The hop of this app's own call that Spring's error code stands for. */
	private static final Map<String, String> OWN_HOPS = Map.of("invalid_token_response", "/oauth2/token",
			"invalid_user_info_response", "/oauth2/userInfo", "invalid_id_token", ".well-known/jwks.json");

	private static final Map<String, String> BY_CODE = Map.ofEntries(Map.entry("invalid_nonce", "invalid-nonce"),
			Map.entry("invalid_id_token", "invalid-id-token"),
			Map.entry("authorization_request_not_found", "request-not-found"),
			Map.entry("invalid_state_parameter", "request-not-found"), Map.entry("invalid_request", "invalid-request"),
			Map.entry("invalid_token_response", "invalid-token-response"),
			Map.entry("invalid_user_info_response", "invalid-user-info-response"),
			Map.entry("login_required", "login-required"), Map.entry("access_denied", "access-denied"),
			Map.entry("redirect_mismatch", "redirect-mismatch"),
			Map.entry("invalid_redirect_uri_parameter", "redirect-mismatch"),
			Map.entry("invalid_grant", "invalid-grant"), Map.entry("invalid_client", "invalid-client"),
			Map.entry("unauthorized_client", "unauthorized-client"), Map.entry("invalid_scope", "invalid-scope"),
			Map.entry("server_error", "server-error"), Map.entry("temporarily_unavailable", "server-error"));

	/**
	 * Classify an error that Cognito reported by redirecting back with {@code error}: a
	 * failure of the federation behind Cognito, or of the request itself.
	 * @param error the error from the failed authentication
	 * @return the explained problem
	 */
	public SignInProblem classify(OAuth2Error error) {
		String code = safeCode(error.getErrorCode());
		String description = (error.getDescription() != null) ? error.getDescription() : "";
		if ("invalid_id_token".equals(code)) {
			// Spring's own verdict on Cognito's ID token, not a relayed Cognito error
			return IdTokenFailures.classify(code, description);
		}
		return relayed(code, description);
	}

	/**
	 * Classify a failure of one of this app's own calls to Cognito after the callback
	 * (token, key set, userInfo). The network failure behind it, if any, names the hop
	 * and what went wrong; the description never blames the identity provider, because
	 * Cognito's federation had already succeeded when it sent the browser back.
	 * @param error the error Spring reported
	 * @param cause the exception behind it, or {@code null}
	 * @param limits the back-channel settings, named on the page
	 * @return the explained problem
	 */
	public SignInProblem classifyOwnCall(OAuth2Error error, Throwable cause, BackChannelProperties limits) {
		String code = safeCode(error.getErrorCode());
		Optional<CallFailure> failure = CallFailure.of(cause);
		if (failure.isPresent()) {
			String hop = OWN_HOPS.getOrDefault(code, "API");
			return switch (failure.get()) {
				case TIMEOUT ->
					new SignInProblem("cognito-timeout", code, List.of(hop, readable(limits.readTimeout())));
				case UNREACHABLE ->
					new SignInProblem("cognito-unreachable", code, List.of(hop, readable(limits.connectTimeout())));
				case BUSY ->
					new SignInProblem("cognito-busy", code, List.of(hop, String.valueOf(limits.maxConcurrentCalls())));
			};
		}
		String description = (error.getDescription() != null) ? error.getDescription() : "";
		if ("invalid_id_token".equals(code)) {
			return IdTokenFailures.classify(code, description);
		}
		return new SignInProblem(BY_CODE.getOrDefault(code, "unknown"), code, List.of());
	}

	private SignInProblem relayed(String code, String description) {
		Matcher matcher = ATTRIBUTES_REQUIRED.matcher(description);
		if (matcher.find()) {
			return new SignInProblem("attributes-required", code, List.of(String.join(", ", names(matcher.group(1)))));
		}
		matcher = INVALID_USER_ATTRIBUTES.matcher(description);
		if (matcher.find()) {
			return new SignInProblem("invalid-user-attributes", code, List.of(matcher.group(1)));
		}
		if (description.startsWith("Bad id_token issuer")) {
			// The issuer value itself is not echoed: it comes from a token
			return new SignInProblem("bad-issuer", code, List.of());
		}
		matcher = PROVIDER_ERROR.matcher(description);
		if (matcher.find()) {
			// 5xx: the IdP itself failed, not its configuration (a 401/403 means
			// credentials or settings)
			String key = matcher.group(2).startsWith("5") ? "provider-unavailable" : "provider-error";
			return new SignInProblem(key, code, List.of(matcher.group(1), matcher.group(2)));
		}
		String lower = description.toLowerCase(Locale.ROOT);
		if (lower.contains("timeout") || lower.contains("timed out") || lower.contains("connection reset")) {
			return new SignInProblem("idp-timeout", code, List.of(idpHop(lower)));
		}
		if ("unauthorized_client".equals(code) && lower.contains("invalid_redirect")) {
			return new SignInProblem("redirect-mismatch", code, List.of());
		}
		return new SignInProblem(BY_CODE.getOrDefault(code, "unknown"), code, List.of());
	}

	// Cognito names the call that failed: "Timeout occurred in calling IdP token
	// endpoint",
	// "Timeout in calling jwks uri"; "Connection reset" and "Read timed out" name none
	private static String idpHop(String lower) {
		if (lower.contains("userinfo")) {
			return "userinfo endpoint";
		}
		if (lower.contains("token endpoint")) {
			return "token endpoint";
		}
		if (lower.contains("jwks")) {
			return "key set (JWKS)";
		}
		if (lower.contains("discovery")) {
			return "discovery document";
		}
		return "back-channel endpoints";
	}

	private static String readable(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + " s" : millis + " ms";
	}

	static String safeCode(String code) {
		return (code != null && SAFE_CODE.matcher(code).matches()) ? code : "unknown";
	}

	private static List<String> names(String list) {
		List<String> names = new ArrayList<>();
		for (String candidate : list.split(",")) {
			String name = candidate.trim();
			if (ATTRIBUTE_NAME.matcher(name).matches() && names.size() < 10) {
				names.add(name);
			}
		}
		return names;
	}

}

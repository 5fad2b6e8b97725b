package io.fedlab.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import io.fedlab.cognito.CognitoProperties;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * The pool domain's {@code /oauth2/revoke} (client_secret_basic), and what its answer
 * means for a retry (emulated-behaviour.md §C1.8). It logs nothing: the caller knows
 * whether this is the logout or a retry.
 */
final class RevocationEndpoint {

	/**
	 * Error codes that say the token itself is no longer usable: nothing left to revoke.
	 * Cognito answers 200 for a revoked or unknown token, so these come from a server
	 * that follows RFC 7009 more strictly; retrying would never help.
	 */
	private static final Set<String> TOKEN_UNUSABLE = Set.of("invalid_grant", "invalid_token");

	private final CognitoProperties cognito;

	private final RestClient restClient;

	RevocationEndpoint(CognitoProperties cognito, RestClient restClient) {
		this.cognito = cognito;
		this.restClient = restClient;
	}

	Attempt revoke(ClientRegistration registration, String refreshToken) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("token", refreshToken);
		try {
			int status = this.restClient.post()
				.uri(this.cognito.domainBase() + "/oauth2/revoke")
				.headers((headers) -> headers.setBasicAuth(formEncode(registration.getClientId()),
						formEncode(registration.getClientSecret()), StandardCharsets.UTF_8))
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.accept(MediaType.APPLICATION_JSON)
				.body(form)
				.retrieve()
				.toBodilessEntity()
				.getStatusCode()
				.value();
			return new Attempt(Verdict.REVOKED, new Revocation("revoked", status, null, 0));
		}
		catch (RestClientResponseException ex) {
			int status = ex.getStatusCode().value();
			String error = errorCode(ex);
			return new Attempt(verdict(status, error), new Revocation("failed", status, error, 0));
		}
		catch (ResourceAccessException ex) {
			// connection refused, timeouts: the pool domain may answer later
			return new Attempt(Verdict.RETRY, new Revocation("unreachable", 0, null, 0));
		}
		catch (RestClientException ex) {
			return new Attempt(Verdict.RETRY, new Revocation("failed", 0, null, 0));
		}
	}

	/**
	 * A 400 is final: the request itself is wrong for Cognito (not a refresh token,
	 * revocation turned off for the app client), and the same request gets the same
	 * answer. Anything else may pass later: 5xx and 429 by themselves, 401
	 * {@code invalid_client} or 403/404 once the configuration is fixed.
	 */
	static Verdict verdict(int status, String error) {
		if (status != HttpStatus.BAD_REQUEST.value()) {
			return Verdict.RETRY;
		}
		return TOKEN_UNUSABLE.contains(error) ? Verdict.UNUSABLE : Verdict.REFUSED;
	}

	// RFC 6749 §2.3.1: client_id and client_secret are form-encoded before Basic encoding
	private static String formEncode(String value) {
		return URLEncoder.encode((value != null) ? value : "", StandardCharsets.UTF_8);
	}

	private static String errorCode(RestClientResponseException ex) {
		try {
			Map<String, Object> body = ex.getResponseBodyAs(new ParameterizedTypeReference<Map<String, Object>>() {
			});
			Object error = (body != null) ? body.get("error") : null;
			return SignInErrorCatalogue.safeCode((error != null) ? error.toString() : null);
		}
		catch (RuntimeException notJson) {
			return "unknown";
		}
	}

	/** What an answer means for the refresh token. */
	enum Verdict {

		/** Revoked (or already revoked, or unknown: Cognito answers 200 to both). */
		REVOKED,

		/** Not revoked, but the token can no longer be used: done. */
		UNUSABLE,

		/**
		 * Not revoked, and asking again gets the same answer: done, token still valid.
		 */
		REFUSED,

		/** Not revoked yet: try again later. */
		RETRY

	}

	/**
	 * One call's verdict, and the outcome as the flow inspector shows it.
	 *
	 * @param verdict what the answer means for the token
	 * @param revocation the outcome, status and safe error code (never the token)
	 */
	record Attempt(Verdict verdict, Revocation revocation) {

	}

}

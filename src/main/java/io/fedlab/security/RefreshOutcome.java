package io.fedlab.security;

import java.io.Serial;
import java.io.Serializable;

/**
 * What a "Refresh tokens" action did.
 *
 * @param status the result
 * @param errorCode the OAuth 2.0 error code when the refresh failed ({@code timeout},
 * {@code unreachable} or {@code busy} when Cognito did not answer), else {@code null}
 */
public record RefreshOutcome(Status status, String errorCode) implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * The result of a refresh.
	 */
	public enum Status {

		/** New tokens, including a new refresh token (rotation is on). */
		ROTATED,

		/**
		 * New ID and access tokens; Cognito sent no refresh token, so the old one is kept
		 * (emulated-behaviour.md §C1.6).
		 */
		KEPT_REFRESH_TOKEN,

		/** The session holds no refresh token to use. */
		NO_REFRESH_TOKEN,

		/**
		 * Cognito refused the refresh token (for example revoked: {@code invalid_grant}).
		 */
		FAILED,

		/**
		 * Cognito did not answer (timeout, unreachable, or the app's limit of concurrent
		 * calls reached): nothing changed, the session keeps its tokens.
		 */
		UNANSWERED,

		/**
		 * The refreshed ID token failed validation (different iss, sub or aud: OIDC Core
		 * §12.2).
		 */
		REJECTED

	}

}

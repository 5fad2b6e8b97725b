package io.fedlab.security;

/**
 * What the logged-out page tells the person about their refresh token, when its
 * revocation did not simply succeed at logout.
 */
public enum RevocationNotice {

	/** Revoked at logout, or nothing to revoke: the page says nothing more. */
	NONE,

	/** Not revoked yet: the app keeps retrying in the background. */
	PENDING,

	/** Not revoked at logout, but a retry has revoked it since. */
	REVOKED,

	/** Cognito refused to revoke it, and asking again would not change that. */
	REFUSED,

	/** The retries ran until the configured end of the token's lifetime, in vain. */
	GAVE_UP

}

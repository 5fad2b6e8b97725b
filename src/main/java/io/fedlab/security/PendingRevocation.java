package io.fedlab.security;

import java.time.Instant;

/**
 * A refresh token whose revocation failed at logout and is retried. Holds only what the
 * retry needs; the token is as sensitive as the session that held it, and
 * {@link #toString()} leaves it out.
 *
 * @param id a random 256-bit id, also the value of the logged-out page's cookie
 * @param registrationId the client registration whose credentials revoke it
 * @param token the refresh token
 * @param attempts how many attempts failed so far (the one at logout included)
 * @param nextAttempt when to try again
 * @param giveUpAt when to stop trying: the refresh token's lifetime has ended by then
 */
public record PendingRevocation(String id, String registrationId, String token, int attempts, Instant nextAttempt,
		Instant giveUpAt) {

	/**
	 * The same revocation after one more failed attempt.
	 * @param nextAttempt when to try again
	 * @return the copy
	 */
	public PendingRevocation failedAgain(Instant nextAttempt) {
		return new PendingRevocation(this.id, this.registrationId, this.token, this.attempts + 1, nextAttempt,
				this.giveUpAt);
	}

	@Override
	public String toString() {
		return "PendingRevocation[registrationId=" + this.registrationId + ", attempts=" + this.attempts
				+ ", nextAttempt=" + this.nextAttempt + ", giveUpAt=" + this.giveUpAt + "]";
	}

}

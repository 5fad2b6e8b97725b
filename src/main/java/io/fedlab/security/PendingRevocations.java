package io.fedlab.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where failed refresh-token revocations wait for their next attempt: in memory, or in
 * Redis with profile {@code redis} so that any instance can finish what another one
 * started. An entry is claimed for a lease before it is tried, so two retry runs (two
 * threads or two instances) never try the same entry at the same time; an entry whose
 * claimer died is claimed again once the lease has run out.
 */
public interface PendingRevocations {

	/**
	 * Adds a revocation to retry at its {@code nextAttempt}; it is gone by its
	 * {@code giveUpAt} at the latest.
	 * @param pending the revocation
	 */
	void add(PendingRevocation pending);

	/**
	 * Claims the entries due at {@code now}: none of them is due again before
	 * {@code now + lease}, unless {@link #reschedule rescheduled} earlier.
	 * @param now the time
	 * @param lease how long the claim holds
	 * @param max the most entries to claim
	 * @return the claimed entries
	 */
	List<PendingRevocation> claimDue(Instant now, Duration lease, int max);

	/**
	 * Ends a claim with a new attempt count and next attempt time; nothing if the entry
	 * is gone meanwhile.
	 * @param pending the entry as it should be stored
	 */
	void reschedule(PendingRevocation pending);

	/**
	 * Removes the entry (and its token) for good, keeping only how it ended under its id
	 * for a few minutes, for the logged-out page.
	 * @param id the entry's id
	 * @param outcome how it ended
	 */
	void finish(String id, RevocationNotice outcome);

	/**
	 * Where the entry with this id stands.
	 * @param id the entry's id
	 * @return {@link RevocationNotice#PENDING}, how it ended, or empty if unknown
	 */
	Optional<RevocationNotice> status(String id);

}

package io.fedlab.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * Retries the refresh-token revocations that failed at logout until Cognito confirms them
 * or the token's lifetime ends ({@link RevocationRetryProperties}): the first retry after
 * {@code initial-back-off}, then twice as long after each failure, up to
 * {@code max-back-off}. A 400 ends the retries (see {@link RevocationEndpoint#verdict}).
 * Each run claims the due entries for a lease, so with Redis any instance may take over
 * what another one started, and never two at once. Logs say what happened, never the
 * token.
 */
public final class RevocationRetry {

	/**
	 * The logged-out page's cookie: a pending revocation's id, or {@link #REFUSED}. It
	 * must come back on Cognito's cross-site redirect to {@code /logged-out}, which the
	 * session, invalidated at logout, cannot carry.
	 */
	public static final String COOKIE = "FEDLAB_REVOCATION";

	/** The cookie's value when Cognito refused the revocation for good. */
	static final String REFUSED = "refused";

	static final Duration COOKIE_MAX_AGE = Duration.ofMinutes(5);

	static final int BATCH = 20;

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{43}");

	private static final Logger logger = LoggerFactory.getLogger(RevocationRetry.class);

	private final SecureRandom random = new SecureRandom();

	private final PendingRevocations pending;

	private final RevocationEndpoint endpoint;

	private final ClientRegistrationRepository registrations;

	private final RevocationRetryProperties settings;

	private final Clock clock;

	RevocationRetry(PendingRevocations pending, RevocationEndpoint endpoint, ClientRegistrationRepository registrations,
			RevocationRetryProperties settings, Clock clock) {
		this.pending = pending;
		this.endpoint = endpoint;
		this.registrations = registrations;
		this.settings = settings;
		this.clock = clock;
	}

	RevocationEndpoint endpoint() {
		return this.endpoint;
	}

	/**
	 * Queues a revocation whose first attempt (at logout) failed.
	 * @param registrationId the client registration the token was issued to
	 * @param refreshToken the token
	 * @return the entry's id
	 */
	String schedule(String registrationId, String refreshToken) {
		Instant now = this.clock.instant();
		PendingRevocation revocation = new PendingRevocation(newId(), registrationId, refreshToken, 1,
				nextAttempt(now, 1, now.plus(this.settings.giveUpAfter())), now.plus(this.settings.giveUpAfter()));
		this.pending.add(revocation);
		return revocation.id();
	}

	/**
	 * One run: tries every due revocation once. Failures of the store itself (Redis
	 * unreachable) are logged and the next run tries again.
	 */
	void retryDue() {
		try {
			Instant now = this.clock.instant();
			List<PendingRevocation> due = this.pending.claimDue(now, this.settings.lease(), BATCH);
			for (PendingRevocation revocation : due) {
				retry(revocation);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Refresh-token revocation retry could not run ({}); the next run tries again",
					ex.getClass().getSimpleName());
		}
	}

	private void retry(PendingRevocation revocation) {
		Instant now = this.clock.instant();
		if (!now.isBefore(revocation.giveUpAt())) {
			this.pending.finish(revocation.id(), RevocationNotice.GAVE_UP);
			logger.warn("Refresh-token revocation given up after {} attempts: app.logout.revocation-retry."
					+ "give-up-after has passed, so the token should have expired", revocation.attempts());
			return;
		}
		ClientRegistration registration = this.registrations.findByRegistrationId(revocation.registrationId());
		RevocationEndpoint.Attempt attempt = (registration != null)
				? this.endpoint.revoke(registration, revocation.token()) : new RevocationEndpoint.Attempt(
						RevocationEndpoint.Verdict.RETRY, new Revocation("failed", 0, "unknown_registration", 0));
		int number = revocation.attempts() + 1;
		Revocation outcome = attempt.revocation();
		switch (attempt.verdict()) {
			case REVOKED -> {
				this.pending.finish(revocation.id(), RevocationNotice.REVOKED);
				logger.info("Refresh token revoked on attempt {}", number);
			}
			case UNUSABLE -> {
				this.pending.finish(revocation.id(), RevocationNotice.REVOKED);
				logger.info("Refresh-token revocation attempt {}: HTTP {} {}: the token is no longer usable; done",
						number, outcome.status(), outcome.error());
			}
			case REFUSED -> {
				this.pending.finish(revocation.id(), RevocationNotice.REFUSED);
				logger.warn("Refresh-token revocation attempt {}: HTTP {} {}: refused for good, not retried; the "
						+ "token stays valid until it expires", number, outcome.status(), outcome.error());
			}
			case RETRY -> {
				Instant next = nextAttempt(now, number, revocation.giveUpAt());
				this.pending.reschedule(revocation.failedAgain(next));
				logger.warn("Refresh-token revocation attempt {} failed: {}; next attempt in {}", number,
						describe(outcome), Duration.between(now, next));
			}
		}
	}

	/**
	 * What the logged-out page says, from its cookie.
	 * @param cookie the value of {@link #COOKIE}, or {@code null}
	 * @return the notice
	 */
	public RevocationNotice notice(String cookie) {
		if (cookie == null) {
			return RevocationNotice.NONE;
		}
		if (REFUSED.equals(cookie)) {
			return RevocationNotice.REFUSED;
		}
		if (!ID.matcher(cookie).matches()) {
			return RevocationNotice.NONE;
		}
		try {
			// not found: ended more than a few minutes ago, or lost with an instance's
			// memory
			return this.pending.status(cookie).orElse(RevocationNotice.NONE);
		}
		catch (RuntimeException ex) {
			logger.warn("Pending revocations unreadable ({}); the logged-out page says the retry is pending",
					ex.getClass().getSimpleName());
			return RevocationNotice.PENDING;
		}
	}

	/**
	 * The wait after {@code failures} failed attempts: {@code initial-back-off} doubled
	 * for each failure after the first, at most {@code max-back-off}.
	 */
	Duration backOff(int failures) {
		Duration wait = this.settings.initialBackOff();
		for (int i = 1; i < failures && wait.compareTo(this.settings.maxBackOff()) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.settings.maxBackOff()) > 0) ? this.settings.maxBackOff() : wait;
	}

	private Instant nextAttempt(Instant now, int failures, Instant giveUpAt) {
		Instant next = now.plus(backOff(failures));
		return next.isAfter(giveUpAt) ? giveUpAt : next;
	}

	static String describe(Revocation outcome) {
		if (outcome.status() == 0) {
			if (outcome.error() != null) {
				return outcome.error();
			}
			return "unreachable".equals(outcome.outcome()) ? "the pool domain could not be reached" : "no answer";
		}
		return "HTTP " + outcome.status() + " " + outcome.error();
	}

	private String newId() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}

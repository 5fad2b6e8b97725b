package io.fedlab.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pending revocations in this instance's memory (without profile {@code redis}): they end
 * with the instance. A claim moves the entry's due time forward by the lease, as the
 * Redis store does.
 */
final class InMemoryPendingRevocations implements PendingRevocations {

	static final Duration OUTCOME_TIME_TO_LIVE = Duration.ofMinutes(5);

	private final Clock clock;

	private final Map<String, Entry> pending = new LinkedHashMap<>();

	private final Map<String, Ended> ended = new LinkedHashMap<>();

	InMemoryPendingRevocations(Clock clock) {
		this.clock = clock;
	}

	@Override
	public synchronized void add(PendingRevocation revocation) {
		this.pending.put(revocation.id(), new Entry(revocation, revocation.nextAttempt()));
	}

	@Override
	public synchronized List<PendingRevocation> claimDue(Instant now, Duration lease, int max) {
		List<PendingRevocation> claimed = new ArrayList<>();
		for (Map.Entry<String, Entry> entry : this.pending.entrySet()) {
			if (claimed.size() >= max) {
				break;
			}
			if (!entry.getValue().due().isAfter(now)) {
				claimed.add(entry.getValue().revocation());
				entry.setValue(new Entry(entry.getValue().revocation(), now.plus(lease)));
			}
		}
		return claimed;
	}

	@Override
	public synchronized void reschedule(PendingRevocation revocation) {
		this.pending.computeIfPresent(revocation.id(), (id, entry) -> new Entry(revocation, revocation.nextAttempt()));
	}

	@Override
	public synchronized void finish(String id, RevocationNotice outcome) {
		this.pending.remove(id);
		expire();
		this.ended.put(id, new Ended(outcome, this.clock.instant().plus(OUTCOME_TIME_TO_LIVE)));
	}

	@Override
	public synchronized Optional<RevocationNotice> status(String id) {
		if (this.pending.containsKey(id)) {
			return Optional.of(RevocationNotice.PENDING);
		}
		expire();
		Ended outcome = this.ended.get(id);
		return (outcome != null) ? Optional.of(outcome.notice()) : Optional.empty();
	}

	synchronized int size() {
		return this.pending.size();
	}

	private void expire() {
		Instant now = this.clock.instant();
		this.ended.values().removeIf((outcome) -> !outcome.until().isAfter(now));
	}

	private record Entry(PendingRevocation revocation, Instant due) {

	}

	private record Ended(RevocationNotice notice, Instant until) {

	}

}

package io.fedlab.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.fedlab.security.PendingRevocation;
import io.fedlab.security.PendingRevocations;
import io.fedlab.security.RevocationNotice;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Pending revocations in Redis (profile {@code redis}), so that when the instance that
 * handled a logout stops, another one finishes the retry. Each entry is a hash
 * {@code <namespace>:{revocations}:pending:<id>} holding only what the retry needs (the
 * refresh token, as sensitive as the session that held it a moment ago, the registration
 * id, the attempt count and times), expiring {@link #GRACE} after the give-up time; a
 * sorted set {@code <namespace>:{revocations}:due} orders the ids by next attempt. A
 * claim is one Lua script: it takes the due ids and moves them a lease into the future in
 * the same step, so two instances never take the same entry at once. Times are the
 * instances' clocks in epoch milliseconds; a skew of seconds only shifts when an attempt
 * happens.
 */
final class RedisPendingRevocations implements PendingRevocations {

	static final Duration OUTCOME_TIME_TO_LIVE = Duration.ofMinutes(5);

	/**
	 * How long an entry outlives its give-up time, so that an instance can still claim it
	 * and log that it gave up, instead of the entry vanishing unnoticed.
	 */
	static final Duration GRACE = Duration.ofMinutes(5);

	private static final RedisScript<Long> ADD = RedisScript.of("""
			redis.call('HSET', KEYS[1], 'registrationId', ARGV[1], 'token', ARGV[2], 'attempts', ARGV[3],
				'nextAttempt', ARGV[4], 'giveUpAt', ARGV[5])
			redis.call('PEXPIREAT', KEYS[1], ARGV[7])
			redis.call('ZADD', KEYS[2], ARGV[4], ARGV[6])
			return 1
			""", Long.class);

	/** KEYS: due; ARGV: now, lease end, max, prefix of the entries' keys. */
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> CLAIM = RedisScript.of("""
			local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
			local claimed = {}
			for _, id in ipairs(ids) do
				local f = redis.call('HMGET', ARGV[4] .. id, 'registrationId', 'token', 'attempts', 'nextAttempt',
					'giveUpAt')
				if f[2] then
					redis.call('ZADD', KEYS[1], ARGV[2], id)
					table.insert(claimed, id)
					for i = 1, 5 do table.insert(claimed, f[i]) end
				else
					-- the entry expired at its give-up time
					redis.call('ZREM', KEYS[1], id)
				end
			end
			return claimed
			""", List.class);

	private static final RedisScript<Long> RESCHEDULE = RedisScript.of("""
			if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
			redis.call('HSET', KEYS[1], 'attempts', ARGV[1], 'nextAttempt', ARGV[2])
			redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
			return 1
			""", Long.class);

	private static final RedisScript<Long> FINISH = RedisScript.of("""
			redis.call('DEL', KEYS[1])
			redis.call('ZREM', KEYS[2], ARGV[1])
			redis.call('SET', KEYS[3], ARGV[2], 'PX', ARGV[3])
			return 1
			""", Long.class);

	private final StringRedisTemplate redis;

	private final String prefix;

	RedisPendingRevocations(StringRedisTemplate redis, String namespace) {
		this.redis = redis;
		// one hash tag for every key, so the scripts' keys share a slot in a cluster
		this.prefix = namespace + ":{revocations}:";
	}

	@Override
	public void add(PendingRevocation revocation) {
		this.redis.execute(ADD, List.of(pending(revocation.id()), due()), revocation.registrationId(),
				revocation.token(), String.valueOf(revocation.attempts()), millis(revocation.nextAttempt()),
				millis(revocation.giveUpAt()), revocation.id(), millis(revocation.giveUpAt().plus(GRACE)));
	}

	@Override
	public List<PendingRevocation> claimDue(Instant now, Duration lease, int max) {
		List<?> fields = this.redis.execute(CLAIM, List.of(due()), millis(now), millis(now.plus(lease)),
				String.valueOf(max), this.prefix + "pending:");
		List<PendingRevocation> claimed = new ArrayList<>();
		for (int i = 0; fields != null && i + 5 < fields.size(); i += 6) {
			claimed.add(new PendingRevocation(text(fields.get(i)), text(fields.get(i + 1)), text(fields.get(i + 2)),
					Integer.parseInt(text(fields.get(i + 3))), instant(fields.get(i + 4)), instant(fields.get(i + 5))));
		}
		return claimed;
	}

	@Override
	public void reschedule(PendingRevocation revocation) {
		this.redis.execute(RESCHEDULE, List.of(pending(revocation.id()), due()), String.valueOf(revocation.attempts()),
				millis(revocation.nextAttempt()), revocation.id());
	}

	@Override
	public void finish(String id, RevocationNotice outcome) {
		this.redis.execute(FINISH, List.of(pending(id), due(), ended(id)), id, outcome.name(),
				String.valueOf(OUTCOME_TIME_TO_LIVE.toMillis()));
	}

	@Override
	public Optional<RevocationNotice> status(String id) {
		if (Boolean.TRUE.equals(this.redis.hasKey(pending(id)))) {
			return Optional.of(RevocationNotice.PENDING);
		}
		String outcome = this.redis.opsForValue().get(ended(id));
		try {
			return Optional.ofNullable(outcome).map(RevocationNotice::valueOf);
		}
		catch (IllegalArgumentException unknown) {
			return Optional.empty();
		}
	}

	String due() {
		return this.prefix + "due";
	}

	String pending(String id) {
		return this.prefix + "pending:" + id;
	}

	private String ended(String id) {
		return this.prefix + "ended:" + id;
	}

	private static String millis(Instant instant) {
		return String.valueOf(instant.toEpochMilli());
	}

	private static String text(Object value) {
		return String.valueOf(value);
	}

	private static Instant instant(Object value) {
		return Instant.ofEpochMilli(Long.parseLong(text(value)));
	}

}

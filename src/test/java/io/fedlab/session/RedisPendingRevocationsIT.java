package io.fedlab.session;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import io.fedlab.security.PendingRevocation;
import io.fedlab.security.RevocationNotice;
import io.fedlab.support.RedisServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Redis store of pending revocations against a real Redis server, with two stores on
 * two connections standing for two instances.
 */
class RedisPendingRevocationsIT {

	static final String PASSWORD = "pending-revocations-test";

	static RedisServerProcess redis;

	static final List<LettuceConnectionFactory> connections = new ArrayList<>();

	final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	RedisPendingRevocations instanceA;

	RedisPendingRevocations instanceB;

	@BeforeAll
	static void start() {
		RedisServerProcess.assumeInstalled();
		redis = RedisServerProcess.start(PASSWORD);
	}

	@AfterAll
	static void stop() {
		connections.forEach(LettuceConnectionFactory::destroy);
		if (redis != null) {
			redis.close();
		}
	}

	@BeforeEach
	void stores() {
		redis.command("FLUSHALL");
		this.instanceA = store();
		this.instanceB = store();
	}

	@Test
	void addWhenStoredThenOnlyWhatTheRetryNeedsExpiringJustAfterTheGiveUpTime() {
		PendingRevocation revocation = revocation("a", this.now, this.now.plus(Duration.ofDays(30)));

		this.instanceA.add(revocation);

		String key = this.instanceA.pending("a");
		assertThat(key).isEqualTo("fedlab:session:{revocations}:pending:a");
		assertThat(redis.command("HKEYS", key).lines().sorted().toList()).containsExactly("attempts", "giveUpAt",
				"nextAttempt", "registrationId", "token");
		long ttl = Long.parseLong(redis.command("PTTL", key).substring(1));
		Duration lifetime = Duration.ofDays(30).plus(RedisPendingRevocations.GRACE);
		assertThat(ttl).isBetween(lifetime.minusMinutes(1).toMillis(), lifetime.toMillis());
		assertThat(this.instanceB.status("a")).contains(RevocationNotice.PENDING);
	}

	@Test
	void claimWhenClaimedByOneInstanceThenTheOtherGetsItOnlyAfterTheLease() {
		this.instanceA.add(revocation("a", this.now, this.now.plus(Duration.ofDays(1))));

		List<PendingRevocation> claimed = this.instanceA.claimDue(this.now, Duration.ofMinutes(1), 10);

		assertThat(claimed).singleElement().satisfies((revocation) -> {
			assertThat(revocation.id()).isEqualTo("a");
			assertThat(revocation.token()).isEqualTo("refresh-a");
			assertThat(revocation.registrationId()).isEqualTo("cognito");
			assertThat(revocation.attempts()).isEqualTo(1);
			assertThat(revocation.nextAttempt()).isEqualTo(this.now);
			assertThat(revocation.giveUpAt()).isEqualTo(this.now.plus(Duration.ofDays(1)));
		});
		assertThat(this.instanceB.claimDue(this.now.plusSeconds(59), Duration.ofMinutes(1), 10)).isEmpty();
		// the claimer died: after the lease the other instance takes it over
		assertThat(this.instanceB.claimDue(this.now.plusSeconds(60), Duration.ofMinutes(1), 10)).hasSize(1);
	}

	@Test
	void claimWhenBothInstancesClaimAtOnceThenEachEntryGoesToExactlyOne() throws Exception {
		for (int i = 0; i < 200; i++) {
			this.instanceA.add(revocation("r" + i, this.now, this.now.plus(Duration.ofDays(1))));
		}
		CountDownLatch go = new CountDownLatch(1);
		List<CompletableFuture<List<String>>> runs = new ArrayList<>();
		for (RedisPendingRevocations store : List.of(this.instanceA, this.instanceB, this.instanceA, this.instanceB)) {
			runs.add(CompletableFuture.supplyAsync(() -> {
				awaitQuietly(go);
				List<String> ids = new ArrayList<>();
				List<PendingRevocation> batch;
				while (!(batch = store.claimDue(this.now, Duration.ofMinutes(1), 7)).isEmpty()) {
					batch.forEach((revocation) -> ids.add(revocation.id()));
				}
				return ids;
			}));
		}
		go.countDown();

		List<String> all = new ArrayList<>();
		for (CompletableFuture<List<String>> run : runs) {
			all.addAll(run.get());
		}
		assertThat(all).hasSize(200).doesNotHaveDuplicates();
	}

	@Test
	void rescheduleWhenFailedAgainThenDueAtTheNewTimeWithTheNewCount() {
		PendingRevocation revocation = revocation("a", this.now, this.now.plus(Duration.ofDays(1)));
		this.instanceA.add(revocation);
		this.instanceA.claimDue(this.now, Duration.ofMinutes(1), 10);

		this.instanceA.reschedule(revocation.failedAgain(this.now.plusSeconds(20)));

		assertThat(this.instanceB.claimDue(this.now.plusSeconds(19), Duration.ofMinutes(1), 10)).isEmpty();
		assertThat(this.instanceB.claimDue(this.now.plusSeconds(20), Duration.ofMinutes(1), 10)).singleElement()
			.satisfies((again) -> assertThat(again.attempts()).isEqualTo(2));
	}

	@Test
	void finishWhenDoneThenTokenGoneOutcomeKeptBrieflyAndALateRescheduleIgnored() {
		PendingRevocation revocation = revocation("a", this.now, this.now.plus(Duration.ofDays(1)));
		this.instanceA.add(revocation);

		this.instanceB.finish("a", RevocationNotice.REVOKED);
		this.instanceA.reschedule(revocation.failedAgain(this.now));

		assertThat(redis.command("EXISTS", this.instanceA.pending("a"))).isEqualTo(":0");
		assertThat(redis.command("ZCARD", this.instanceA.due())).isEqualTo(":0");
		assertThat(this.instanceA.status("a")).contains(RevocationNotice.REVOKED);
		long ttl = Long.parseLong(redis.command("PTTL", "fedlab:session:{revocations}:ended:a").substring(1));
		assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5).toMillis());
		assertThat(this.instanceA.claimDue(this.now.plusSeconds(3600), Duration.ofMinutes(1), 10)).isEmpty();
		// the token went with the entry: only the outcome is left
		assertThat(redis.command("KEYS", "*")).isEqualTo("fedlab:session:{revocations}:ended:a");
		assertThat(this.instanceA.status("unknown")).isEmpty();
	}

	@Test
	void claimWhenEntryExpiredThenDroppedFromTheQueue() throws Exception {
		this.instanceA
			.add(revocation("a", this.now, Instant.now().minus(RedisPendingRevocations.GRACE).plusMillis(100)));
		Thread.sleep(300);

		assertThat(this.instanceA.claimDue(Instant.now(), Duration.ofMinutes(1), 10)).isEmpty();
		assertThat(redis.command("ZCARD", this.instanceA.due())).isEqualTo(":0");
	}

	private static PendingRevocation revocation(String id, Instant nextAttempt, Instant giveUpAt) {
		return new PendingRevocation(id, "cognito", "refresh-" + id, 1, nextAttempt, giveUpAt);
	}

	private static RedisPendingRevocations store() {
		RedisStandaloneConfiguration configuration = new RedisStandaloneConfiguration("localhost", redis.port());
		configuration.setPassword(PASSWORD);
		LettuceConnectionFactory connection = new LettuceConnectionFactory(configuration);
		connection.afterPropertiesSet();
		connection.start();
		connections.add(connection);
		return new RedisPendingRevocations(new StringRedisTemplate(connection), "fedlab:session");
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

package io.fedlab.security;

import java.io.InputStreamReader;
import java.io.Reader;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;

import io.fedlab.cognito.CognitoBusyException;
import io.fedlab.support.TestClientRegistrations;
import io.fedlab.support.SteppedClock;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.test.web.client.ExpectedCount;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withException;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

class RevocationRetryTests {

	private static final String REVOKE = "http://localhost:9230/oauth2/revoke";

	private final SteppedClock clock = new SteppedClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final InMemoryPendingRevocations pending = new InMemoryPendingRevocations(this.clock);

	private final RestClient.Builder builder = RestClient.builder();

	private final MockRestServiceServer server = MockRestServiceServer.bindTo(this.builder).build();

	private final RevocationRetry retry = new RevocationRetry(this.pending,
			new RevocationEndpoint(CognitoLogoutUrlsTests.cognito(), this.builder.build()),
			new InMemoryClientRegistrationRepository(TestClientRegistrations.clientRegistration().build()), settings(),
			this.clock);

	/** 10 s doubling up to 10 min, for 30 days: the defaults. */
	static RevocationRetryProperties settings() {
		return new RevocationRetryProperties(Duration.ofSeconds(10), Duration.ofMinutes(10), Duration.ofDays(30),
				Duration.ofSeconds(5), Duration.ofMinutes(1));
	}

	@Test
	void backOffWhenFailuresAddUpThenDoublesFromInitialUpToMax() {
		assertThat(this.retry.backOff(1)).isEqualTo(Duration.ofSeconds(10));
		assertThat(this.retry.backOff(2)).isEqualTo(Duration.ofSeconds(20));
		assertThat(this.retry.backOff(3)).isEqualTo(Duration.ofSeconds(40));
		assertThat(this.retry.backOff(6)).isEqualTo(Duration.ofSeconds(320));
		assertThat(this.retry.backOff(7)).isEqualTo(Duration.ofMinutes(10));
		assertThat(this.retry.backOff(100_000)).isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void retryWhenNotDueYetThenNoCallUntilTheBackOffHasPassed() {
		String id = this.retry.schedule("cognito", "refresh-token-1");

		this.clock.advance(Duration.ofSeconds(9));
		this.retry.retryDue();
		this.server.verify();

		this.server.expect(requestTo(REVOKE))
			.andExpect(content().formDataContains(Map.of("token", "refresh-token-1")))
			.andRespond(withSuccess());
		this.clock.advance(Duration.ofSeconds(1));
		this.retry.retryDue();

		this.server.verify();
		assertThat(this.retry.notice(id)).isEqualTo(RevocationNotice.REVOKED);
		assertThat(this.pending.size()).isZero();
	}

	@Test
	void retryWhen500Or429OrUnreachableThenRescheduledWithDoubledBackOff() {
		String id = this.retry.schedule("cognito", "refresh-token-1");
		this.server.expect(requestTo(REVOKE)).andRespond(withStatus(HttpStatus.INTERNAL_SERVER_ERROR));
		this.server.expect(requestTo(REVOKE)).andRespond(withStatus(HttpStatus.TOO_MANY_REQUESTS));
		this.server.expect(requestTo(REVOKE)).andRespond(withException(new ConnectException("refused")));

		// attempt 2 at +10 s, attempt 3 at +20 s after it, attempt 4 at +40 s after that
		for (Duration wait : new Duration[] { Duration.ofSeconds(10), Duration.ofSeconds(20),
				Duration.ofSeconds(40) }) {
			this.clock.advance(wait.minusSeconds(1));
			this.retry.retryDue();
			this.clock.advance(Duration.ofSeconds(1));
			this.retry.retryDue();
		}

		this.server.verify();
		assertThat(this.retry.notice(id)).isEqualTo(RevocationNotice.PENDING);
		assertThat(this.pending.claimDue(this.clock.instant().plusSeconds(80), Duration.ofMinutes(1), 10))
			.singleElement()
			.satisfies((revocation) -> {
				assertThat(revocation.attempts()).isEqualTo(4);
				assertThat(revocation.nextAttempt()).isEqualTo(this.clock.instant().plusSeconds(80));
			});
	}

	@Test
	void retryWhenBackChannelBulkheadFullThenRescheduled() {
		String id = this.retry.schedule("cognito", "refresh-token-1");
		this.server.expect(requestTo(REVOKE)).andRespond(withException(new CognitoBusyException(64)));

		this.clock.advance(Duration.ofSeconds(10));
		this.retry.retryDue();

		this.server.verify();
		assertThat(this.retry.notice(id)).isEqualTo(RevocationNotice.PENDING);
	}

	@Test
	void retryWhenInvalidClient401ThenKeepsRetryingBecauseTheSecretMayBeFixed() {
		String id = this.retry.schedule("cognito", "refresh-token-1");
		this.server.expect(requestTo(REVOKE))
			.andRespond(withStatus(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_JSON)
				.body("{\"error\":\"invalid_client\"}"));

		this.clock.advance(Duration.ofSeconds(10));
		this.retry.retryDue();

		this.server.verify();
		assertThat(this.retry.notice(id)).isEqualTo(RevocationNotice.PENDING);
	}

	@Test
	void retryWhenTokenUnusableThenDoneAsRevoked() {
		String id = this.retry.schedule("cognito", "refresh-token-1");
		this.server.expect(requestTo(REVOKE))
			.andRespond(withStatus(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON)
				.body("{\"error\":\"invalid_grant\"}"));

		this.clock.advance(Duration.ofSeconds(10));
		this.retry.retryDue();

		assertThat(this.retry.notice(id)).isEqualTo(RevocationNotice.REVOKED);
		assertThat(this.pending.size()).isZero();
	}

	@Test
	void retryWhenRefusedWith400ThenDoneAndNeverTriedAgain() {
		String id = this.retry.schedule("cognito", "refresh-token-1");
		this.server.expect(ExpectedCount.once(), requestTo(REVOKE))
			.andRespond(withStatus(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON)
				.body("{\"error\":\"unsupported_token_type\"}"));

		this.clock.advance(Duration.ofSeconds(10));
		this.retry.retryDue();
		assertThat(this.retry.notice(id)).isEqualTo(RevocationNotice.REFUSED);
		this.clock.advance(Duration.ofHours(1));
		this.retry.retryDue();

		this.server.verify();
		assertThat(this.pending.size()).isZero();
	}

	@Test
	void retryWhenGiveUpTimeReachedThenDroppedWithoutAnotherCall() {
		String id = this.retry.schedule("cognito", "refresh-token-1");
		this.server.expect(ExpectedCount.manyTimes(), requestTo(REVOKE))
			.andRespond(withStatus(HttpStatus.SERVICE_UNAVAILABLE));
		Instant giveUpAt = this.clock.instant().plus(Duration.ofDays(30));
		// every 10 minutes (the longest back-off) until the entry is no longer pending
		int runs = 0;
		while (this.retry.notice(id) == RevocationNotice.PENDING && runs++ < 30 * 24 * 6 + 10) {
			this.clock.advance(Duration.ofMinutes(10));
			this.retry.retryDue();
		}

		assertThat(this.retry.notice(id)).isEqualTo(RevocationNotice.GAVE_UP);
		assertThat(this.pending.size()).isZero();
		// ended at the first run at or after the give-up time: the back-off never
		// scheduled an attempt beyond it
		assertThat(this.clock.instant()).isAfterOrEqualTo(giveUpAt).isBefore(giveUpAt.plus(Duration.ofMinutes(10)));
	}

	@Test
	void claimWhenClaimedThenNotClaimedAgainUntilTheLeaseEnds() {
		this.retry.schedule("cognito", "refresh-token-1");
		Instant due = this.clock.instant().plusSeconds(10);

		assertThat(this.pending.claimDue(due, Duration.ofMinutes(1), 10)).hasSize(1);
		assertThat(this.pending.claimDue(due, Duration.ofMinutes(1), 10)).isEmpty();
		assertThat(this.pending.claimDue(due.plusSeconds(59), Duration.ofMinutes(1), 10)).isEmpty();
		assertThat(this.pending.claimDue(due.plusSeconds(60), Duration.ofMinutes(1), 10)).hasSize(1);
	}

	@Test
	void noticeWhenCookieUnknownOrMalformedThenNothingToSay() {
		assertThat(this.retry.notice(null)).isEqualTo(RevocationNotice.NONE);
		assertThat(this.retry.notice("not-an-id")).isEqualTo(RevocationNotice.NONE);
		assertThat(this.retry.notice("A".repeat(43))).isEqualTo(RevocationNotice.NONE);
	}

	@Test
	void noticeWhenEndedLongAgoThenForgotten() {
		String id = this.retry.schedule("cognito", "refresh-token-1");
		this.server.expect(requestTo(REVOKE)).andRespond(withSuccess());
		this.clock.advance(Duration.ofSeconds(10));
		this.retry.retryDue();

		this.clock.advance(InMemoryPendingRevocations.OUTCOME_TIME_TO_LIVE);

		assertThat(this.retry.notice(id)).isEqualTo(RevocationNotice.NONE);
	}

	@Test
	void messagesWhenANoticeIsShownThenTheLoggedOutPageHasItsTitleTextAndAdvice() throws Exception {
		Properties messages = new Properties();
		try (Reader reader = new InputStreamReader(getClass().getResourceAsStream("/messages.properties"),
				StandardCharsets.UTF_8)) {
			messages.load(reader);
		}
		for (RevocationNotice notice : RevocationNotice.values()) {
			if (notice == RevocationNotice.NONE) {
				continue;
			}
			String key = "loggedOut.revocation." + notice;
			assertThat(messages).as(key).containsKeys(key, key + ".title");
			if (notice != RevocationNotice.REVOKED) {
				assertThat(messages).containsKey(key + ".todo");
			}
		}
		assertThat(messages).containsKey("loggedOut.AUTH0_AND_COGNITO.notRevoked");
	}

	@Test
	void pendingRevocationWhenPrintedThenWithoutTheToken() {
		PendingRevocation revocation = new PendingRevocation("id", "cognito", "secret-refresh-token", 1,
				this.clock.instant(), this.clock.instant());

		assertThat(revocation.toString()).doesNotContain("secret-refresh-token").contains("cognito");
	}

}

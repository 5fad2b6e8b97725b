package io.fedlab.cognito;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.fedlab.support.SteppedClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RecentUserPoolProfilesTests {

	private final List<String> calls = new ArrayList<>();

	private final SteppedClock clock = new SteppedClock(Instant.parse("2026-12-03T10:00:00Z"));

	private final UserPoolProfiles cognito = (token) -> {
		this.calls.add(token);
		if (token.startsWith("bad")) {
			throw new UserPoolProfileException("NotAuthorizedException");
		}
		return new UserPoolProfile("user-of-" + token, List.of());
	};

	@Test
	void fetchWhenAskedAgainWithinTheTimeThenCognitoIsCalledOnceAndTheAnswerSaysWhen() {
		RecentUserPoolProfiles profiles = new RecentUserPoolProfiles(this.cognito, Duration.ofSeconds(30), this.clock);

		UserPoolProfile first = profiles.fetch("token-a");
		this.clock.advance(Duration.ofSeconds(29));
		UserPoolProfile again = profiles.fetch("token-a");

		assertThat(this.calls).containsExactly("token-a");
		assertThat(again).isSameAs(first);
		assertThat(again.fetchedAt()).isEqualTo(Instant.parse("2026-12-03T10:00:00Z"));
	}

	@Test
	void fetchWhenTheTimeIsUpThenCognitoIsCalledAgain() {
		RecentUserPoolProfiles profiles = new RecentUserPoolProfiles(this.cognito, Duration.ofSeconds(30), this.clock);
		profiles.fetch("token-a");
		this.clock.advance(Duration.ofSeconds(30));

		UserPoolProfile later = profiles.fetch("token-a");

		assertThat(this.calls).containsExactly("token-a", "token-a");
		assertThat(later.fetchedAt()).isEqualTo(Instant.parse("2026-12-03T10:00:30Z"));
	}

	@Test
	void fetchWhenAnotherTokenThenItsOwnAnswer() {
		RecentUserPoolProfiles profiles = new RecentUserPoolProfiles(this.cognito, Duration.ofSeconds(30), this.clock);
		profiles.fetch("token-a");

		UserPoolProfile other = profiles.fetch("token-b");

		assertThat(other.username()).isEqualTo("user-of-token-b");
		assertThat(this.calls).containsExactly("token-a", "token-b");
	}

	@Test
	void forgetWhenKeptThenTheNextFetchCallsCognito() {
		RecentUserPoolProfiles profiles = new RecentUserPoolProfiles(this.cognito, Duration.ofSeconds(30), this.clock);
		profiles.fetch("token-a");
		profiles.fetch("token-b");

		profiles.forget("token-a");
		profiles.fetch("token-a");
		profiles.fetch("token-b");

		assertThat(this.calls).containsExactly("token-a", "token-b", "token-a");
	}

	@Test
	void fetchWhenCognitoFailsThenTheFailureIsNotKept() {
		RecentUserPoolProfiles profiles = new RecentUserPoolProfiles(this.cognito, Duration.ofSeconds(30), this.clock);

		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(UserPoolProfileException.class).isThrownBy(() -> profiles.fetch("bad-token"));
		}

		assertThat(this.calls).containsExactly("bad-token", "bad-token");
		assertThat(profiles.size()).isZero();
	}

	@Test
	void fetchWhenKeptForIsZeroThenEveryFetchCallsCognito() {
		RecentUserPoolProfiles profiles = new RecentUserPoolProfiles(this.cognito, Duration.ZERO, this.clock);

		profiles.fetch("token-a");
		UserPoolProfile second = profiles.fetch("token-a");

		assertThat(this.calls).containsExactly("token-a", "token-a");
		assertThat(second.fetchedAt()).isNotNull();
		assertThat(profiles.keptFor()).isZero();
	}

	@Test
	void fetchWhenFullThenExpiredEntriesGoFirstAndTheStoreStaysBounded() {
		RecentUserPoolProfiles profiles = new RecentUserPoolProfiles(this.cognito, Duration.ofSeconds(30), this.clock);
		for (int i = 0; i < RecentUserPoolProfiles.MAX_ENTRIES - 1; i++) {
			profiles.fetch("old-" + i);
		}
		this.clock.advance(Duration.ofSeconds(31));
		profiles.fetch("recent");

		profiles.fetch("one-more");

		assertThat(profiles.size()).isEqualTo(2);
		this.calls.clear();
		profiles.fetch("recent");
		assertThat(this.calls).isEmpty();
	}

}

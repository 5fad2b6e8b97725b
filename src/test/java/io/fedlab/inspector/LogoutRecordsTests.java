package io.fedlab.inspector;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogoutRecordsTests {

	private Instant now = Instant.parse("2026-01-01T00:00:00Z");

	private final LogoutRecords records = new LogoutRecords(new Clock() {

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return LogoutRecordsTests.this.now;
		}

	});

	@Test
	void newIdWhenCalledThenRandom256Bits() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 100; i++) {
			ids.add(this.records.newId());
		}
		assertThat(ids).hasSize(100).allSatisfy((id) -> assertThat(id).hasSize(43).matches("[A-Za-z0-9_-]+"));
	}

	@Test
	void getWhenTimeToLivePassedThenGone() {
		FlowRecord record = FlowRecord.logout(0);
		this.records.put("id", record);
		assertThat(this.records.get("id")).isSameAs(record);
		assertThat(this.records.get("other")).isNull();
		assertThat(this.records.get(null)).isNull();
		this.now = this.now.plus(LogoutRecords.TIME_TO_LIVE).plus(Duration.ofMillis(1));
		assertThat(this.records.get("id")).isNull();
	}

	@Test
	void changeWhenKeptThenReplacedByTheChangedCopyAndExpiresAsBefore() {
		this.records.put("id", FlowRecord.logout(0));
		this.now = this.now.plus(Duration.ofMinutes(4));

		this.records.change("id", (record) -> record.withEnd(FlowRecord.Outcome.LOGGED_OUT, 5));
		this.records.change("other", (record) -> record.withEnd(FlowRecord.Outcome.FAILED, 5));

		assertThat(this.records.get("id").outcome()).isEqualTo(FlowRecord.Outcome.LOGGED_OUT);
		assertThat(this.records.get("other")).isNull();
		this.now = this.now.plus(Duration.ofMinutes(1));
		assertThat(this.records.get("id")).isNull();
	}

	@Test
	void putWhenFullThenOldestDropped() {
		for (int i = 0; i <= LogoutRecords.MAX; i++) {
			this.records.put("id-" + i, FlowRecord.logout(i));
		}
		assertThat(this.records.size()).isEqualTo(LogoutRecords.MAX);
		assertThat(this.records.get("id-0")).isNull();
		assertThat(this.records.get("id-" + LogoutRecords.MAX)).isNotNull();
	}

}

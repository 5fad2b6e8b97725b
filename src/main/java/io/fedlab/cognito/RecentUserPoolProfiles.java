package io.fedlab.cognito;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps each {@code GetUser} answer for a short time
 * ({@code app.profile.user-pool-kept-for}, 30 s by default; zero keeps nothing), so that
 * looking at the profile page again does not call Cognito each time: in a profile of that
 * page the call and its emulated answer were about a quarter of the CPU. An answer
 * belongs to one access token: a refresh brings a new token and so a new call. Failures
 * are not kept. The page says how old the answer is and offers to reload it
 * ({@link #forget}).
 *
 * <p>
 * Entries are found by the SHA-256 of the token, not the token itself, and there are at
 * most {@value #MAX_ENTRIES}: expired ones are dropped when that is reached, and all of
 * them if none has expired. With several instances each keeps its own.
 */
public final class RecentUserPoolProfiles implements UserPoolProfiles {

	static final int MAX_ENTRIES = 5_000;

	private final UserPoolProfiles source;

	private final Duration keptFor;

	private final Clock clock;

	private final Map<String, UserPoolProfile> byToken = new ConcurrentHashMap<>();

	public RecentUserPoolProfiles(UserPoolProfiles source, Duration keptFor, Clock clock) {
		this.source = source;
		this.keptFor = keptFor;
		this.clock = clock;
	}

	@Override
	public UserPoolProfile fetch(String accessToken) {
		Instant now = this.clock.instant();
		if (this.keptFor.isZero() || this.keptFor.isNegative()) {
			return this.source.fetch(accessToken).fetchedAt(now);
		}
		String key = fingerprint(accessToken);
		UserPoolProfile kept = this.byToken.get(key);
		if (kept != null && fresh(kept, now)) {
			return kept;
		}
		UserPoolProfile fetched = this.source.fetch(accessToken).fetchedAt(now);
		if (this.byToken.size() >= MAX_ENTRIES) {
			this.byToken.values().removeIf((profile) -> !fresh(profile, now));
			if (this.byToken.size() >= MAX_ENTRIES) {
				this.byToken.clear();
			}
		}
		this.byToken.put(key, fetched);
		return fetched;
	}

	@Override
	public void forget(String accessToken) {
		this.byToken.remove(fingerprint(accessToken));
	}

	@Override
	public Duration keptFor() {
		return this.keptFor.isNegative() ? Duration.ZERO : this.keptFor;
	}

	int size() {
		return this.byToken.size();
	}

	private boolean fresh(UserPoolProfile profile, Instant now) {
		return profile.fetchedAt().plus(this.keptFor).isAfter(now);
	}

	private static String fingerprint(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing", ex);
		}
	}

}

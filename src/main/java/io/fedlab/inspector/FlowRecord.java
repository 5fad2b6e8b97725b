package io.fedlab.inspector;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The app's own record of one sign-in or logout: its hops (masked) and the fingerprints
 * of the values that tie an emulator's journal entries to it. A sign-in record lives in
 * the user's HTTP session, so it is the user's own and dies with the session; a logout
 * record lives briefly in {@link LogoutRecords}. Bounded: at most {@value #MAX_HOPS}
 * hops.
 * <p>
 * Immutable: every change is a new record that replaces the old one where it is kept. A
 * session store outside the JVM (Spring Session on Redis) writes back only the attributes
 * that were set again, never an object changed in place; and readers in other threads
 * never see a half-made change. Public only so that the session store can allow it in its
 * JSON form ({@code io.fedlab.session.SessionJson}).
 *
 * @param kind a sign-in or a logout
 * @param started when it started (epoch milliseconds)
 * @param ended when it ended (epoch milliseconds), or {@code 0} while in progress
 * @param outcome how it ended
 * @param hops the app's own hops, in the order they were recorded
 * @param stateFingerprint the {@link Fingerprint} of the {@code state} the app sent
 * @param codeFingerprint the {@link Fingerprint} of the code the callback carried
 * @param cookieFingerprint the {@link Fingerprint} of the logout cookie
 */
public record FlowRecord(Kind kind, long started, long ended, Outcome outcome, List<Hop> hops, String stateFingerprint,
		String codeFingerprint, String cookieFingerprint) implements Serializable {

	@Serial
	private static final long serialVersionUID = 2L;

	static final String SESSION_ATTRIBUTE = FlowRecord.class.getName();

	static final int MAX_HOPS = 40;

	public FlowRecord {
		hops = List.copyOf((hops.size() > MAX_HOPS) ? hops.subList(0, MAX_HOPS) : hops);
	}

	static FlowRecord signIn(long started) {
		return new FlowRecord(Kind.SIGN_IN, started, 0, Outcome.IN_PROGRESS, List.of(), null, null, null);
	}

	static FlowRecord logout(long started) {
		return new FlowRecord(Kind.LOGOUT, started, 0, Outcome.IN_PROGRESS, List.of(), null, null, null);
	}

	FlowRecord withEnd(Outcome newOutcome, long at) {
		return new FlowRecord(this.kind, this.started, at, newOutcome, this.hops, this.stateFingerprint,
				this.codeFingerprint, this.cookieFingerprint);
	}

	/** This record with one more hop (none once it holds {@value #MAX_HOPS}). */
	FlowRecord withHop(Hop hop) {
		List<Hop> more = new ArrayList<>(this.hops);
		more.add(hop);
		return withHops(more);
	}

	/** This record with the last hop of this step changed, if there is one. */
	FlowRecord withChanged(Step step, UnaryOperator<Hop> change) {
		for (int i = this.hops.size() - 1; i >= 0; i--) {
			if (this.hops.get(i).step() == step) {
				List<Hop> changed = new ArrayList<>(this.hops);
				changed.set(i, change.apply(this.hops.get(i)));
				return withHops(changed);
			}
		}
		return this;
	}

	Hop last(Step step) {
		for (int i = this.hops.size() - 1; i >= 0; i--) {
			if (this.hops.get(i).step() == step) {
				return this.hops.get(i);
			}
		}
		return null;
	}

	FlowRecord withState(String state) {
		return new FlowRecord(this.kind, this.started, this.ended, this.outcome, this.hops, Fingerprint.of(state),
				this.codeFingerprint, this.cookieFingerprint);
	}

	boolean stateMatches(String state) {
		return Fingerprint.matches(this.stateFingerprint, state);
	}

	FlowRecord withCode(String code) {
		return new FlowRecord(this.kind, this.started, this.ended, this.outcome, this.hops, this.stateFingerprint,
				Fingerprint.of(code), this.cookieFingerprint);
	}

	FlowRecord withCookie(String cookie) {
		return new FlowRecord(this.kind, this.started, this.ended, this.outcome, this.hops, this.stateFingerprint,
				this.codeFingerprint, Fingerprint.of(cookie));
	}

	private FlowRecord withHops(List<Hop> newHops) {
		return new FlowRecord(this.kind, this.started, this.ended, this.outcome, newHops, this.stateFingerprint,
				this.codeFingerprint, this.cookieFingerprint);
	}

	/** A sign-in or a logout. */
	enum Kind {

		SIGN_IN, LOGOUT

	}

	/** How the flow ended. */
	enum Outcome {

		IN_PROGRESS, SIGNED_IN, FAILED, RESTARTED, LOGGED_OUT

	}

}

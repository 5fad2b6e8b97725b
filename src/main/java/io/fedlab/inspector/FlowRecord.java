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
 */
final class FlowRecord implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	static final String SESSION_ATTRIBUTE = FlowRecord.class.getName();

	static final int MAX_HOPS = 40;

	private final Kind kind;

	private final long started;

	private long ended;

	private Outcome outcome = Outcome.IN_PROGRESS;

	private final List<Hop> hops = new ArrayList<>();

	private String stateFingerprint;

	private String codeFingerprint;

	private String cookieFingerprint;

	private FlowRecord(Kind kind, long started) {
		this.kind = kind;
		this.started = started;
	}

	static FlowRecord signIn(long started) {
		return new FlowRecord(Kind.SIGN_IN, started);
	}

	static FlowRecord logout(long started) {
		return new FlowRecord(Kind.LOGOUT, started);
	}

	Kind kind() {
		return this.kind;
	}

	long started() {
		return this.started;
	}

	synchronized long ended() {
		return this.ended;
	}

	synchronized Outcome outcome() {
		return this.outcome;
	}

	synchronized void end(Outcome outcome, long at) {
		this.outcome = outcome;
		this.ended = at;
	}

	synchronized List<Hop> hops() {
		return List.copyOf(this.hops);
	}

	synchronized void add(Hop hop) {
		if (this.hops.size() < MAX_HOPS) {
			this.hops.add(hop);
		}
	}

	/** Replaces the last hop of this step, if any. */
	synchronized void update(Step step, UnaryOperator<Hop> change) {
		for (int i = this.hops.size() - 1; i >= 0; i--) {
			if (this.hops.get(i).step() == step) {
				this.hops.set(i, change.apply(this.hops.get(i)));
				return;
			}
		}
	}

	synchronized Hop last(Step step) {
		for (int i = this.hops.size() - 1; i >= 0; i--) {
			if (this.hops.get(i).step() == step) {
				return this.hops.get(i);
			}
		}
		return null;
	}

	synchronized void state(String state) {
		this.stateFingerprint = Fingerprint.of(state);
	}

	synchronized boolean stateMatches(String state) {
		return Fingerprint.matches(this.stateFingerprint, state);
	}

	synchronized String stateFingerprint() {
		return this.stateFingerprint;
	}

	synchronized void code(String code) {
		this.codeFingerprint = Fingerprint.of(code);
	}

	synchronized String codeFingerprint() {
		return this.codeFingerprint;
	}

	synchronized void cookie(String cookie) {
		this.cookieFingerprint = Fingerprint.of(cookie);
	}

	synchronized String cookieFingerprint() {
		return this.cookieFingerprint;
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

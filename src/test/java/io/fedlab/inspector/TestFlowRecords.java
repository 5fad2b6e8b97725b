package io.fedlab.inspector;

import java.util.List;

import io.fedlab.security.SignInProblem;

/**
 * Flow records as the recording filter and the recorders leave them in the session, for
 * tests outside this package (the session store's JSON form).
 */
public final class TestFlowRecords {

	private TestFlowRecords() {
	}

	/** A finished sign-in: every app-side hop, masked values, fingerprints. */
	public static FlowRecord signedIn() {
		return FlowRecord.signIn(1_000)
			.withState("the-state-value-of-the-app")
			.withHop(hop(Step.AUTHORIZATION_REQUEST, 1_000, 4L, Hop.Status.OK,
					List.of(new Fact("client_id", "client"),
							new Fact("state", Mask.value("state", "the-state-value-of-the-app")))))
			.withCode("the-authorization-code")
			.withHop(hop(Step.CALLBACK, 3_000, null, Hop.Status.OK,
					List.of(new Fact("code", Mask.value("code", "the-authorization-code")),
							new Fact("state_matched", "yes"))))
			.withHop(hop(Step.TOKEN_REQUEST, 3_001, 20L, Hop.Status.OK,
					List.of(new Fact("tokens", "id_token, access_token, refresh_token"))))
			.withHop(hop(Step.ID_TOKEN_CHECKS, 3_022, 2L, Hop.Status.OK, List.of(new Fact("nonce", "checked next"))))
			.withChanged(Step.ID_TOKEN_CHECKS, (hop) -> hop.withFact("nonce", "matches the one sent"))
			.withHop(hop(Step.SIGNED_IN, 3_040, null, Hop.Status.OK, List.of()))
			.withEnd(FlowRecord.Outcome.SIGNED_IN, 3_040);
	}

	/** A sign-in that failed at the token request, with the explanation next to it. */
	public static FlowRecord failed() {
		FlowRecord recorded = FlowRecord.signIn(1_000)
			.withHop(hop(Step.CALLBACK, 3_000, 30L, Hop.Status.OK, List.of()))
			.withHop(hop(Step.TOKEN_REQUEST, 3_001, 20L, Hop.Status.FAILED,
					List.of(new Fact("error", "invalid_grant"))));
		return Failures.mark(recorded, new SignInProblem("invalid-grant", "invalid_grant", List.of()))
			.withEnd(FlowRecord.Outcome.FAILED, 3_030);
	}

	private static Hop hop(Step step, long at, Long duration, Hop.Status status, List<Fact> facts) {
		return new Hop(step, at, duration, status, Hop.Source.APP, Hop.Correlation.RECORDED, facts, null);
	}

}

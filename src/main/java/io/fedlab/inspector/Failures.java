package io.fedlab.inspector;

import io.fedlab.security.SignInProblem;

/**
 * Marks the hop where a failed sign-in failed, on the app's side, and puts the
 * explanation next to it. A hop a recorder already marked failed (token request, ID-token
 * check, user info) wins; a nonce mismatch (checked by Spring between the ID-token checks
 * and the user-info call) fails the ID-token hop; otherwise the callback carries it, as
 * {@code REPORTED} when Cognito sent an {@code error} (the cause lies upstream).
 */
final class Failures {

	private Failures() {
	}

	static void mark(FlowRecord record, SignInProblem problem) {
		Hop failed = record.hops()
			.stream()
			.filter((hop) -> hop.status() == Hop.Status.FAILED)
			.reduce((first, second) -> second)
			.orElse(null);
		if (failed != null) {
			record.update(failed.step(), (hop) -> hop.withStatus(Hop.Status.FAILED, problem));
			return;
		}
		if (problem != null && "invalid_nonce".equals(problem.code()) && record.last(Step.ID_TOKEN_CHECKS) != null) {
			record.update(Step.ID_TOKEN_CHECKS, (hop) -> hop.withFact("nonce", "did not match the one sent")
				.withStatus(Hop.Status.FAILED, problem));
			return;
		}
		record.update(Step.CALLBACK, (hop) -> hop
			.withStatus((hop.status() == Hop.Status.REPORTED) ? Hop.Status.REPORTED : Hop.Status.FAILED, problem));
	}

}

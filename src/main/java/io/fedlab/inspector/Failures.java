package io.fedlab.inspector;

import io.fedlab.security.SignInProblem;

/**
 * Marks the hop where a failed sign-in failed, on the app's side, and puts the
 * explanation next to it. A hop a recorder already marked failed (token request, ID-token
 * check, user info) wins; a nonce mismatch (checked by Spring between the ID-token checks
 * and the user-info call) fails the ID-token hop; otherwise the callback carries it, as
 * {@code REPORTED} when Cognito sent an {@code error} (the cause lies upstream). The
 * record is immutable: the marked copy is returned.
 */
final class Failures {

	private Failures() {
	}

	static FlowRecord mark(FlowRecord record, SignInProblem problem) {
		Hop failed = record.hops()
			.stream()
			.filter((hop) -> hop.status() == Hop.Status.FAILED)
			.reduce((first, second) -> second)
			.orElse(null);
		if (failed != null) {
			return record.withChanged(failed.step(), (hop) -> hop.withStatus(Hop.Status.FAILED, problem));
		}
		if (problem != null && "invalid_nonce".equals(problem.code()) && record.last(Step.ID_TOKEN_CHECKS) != null) {
			return record.withChanged(Step.ID_TOKEN_CHECKS, (hop) -> hop.withFact("nonce", "did not match the one sent")
				.withStatus(Hop.Status.FAILED, problem));
		}
		return record.withChanged(Step.CALLBACK, (hop) -> hop
			.withStatus((hop.status() == Hop.Status.REPORTED) ? Hop.Status.REPORTED : Hop.Status.FAILED, problem));
	}

}

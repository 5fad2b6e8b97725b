package io.fedlab.inspector;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import io.fedlab.security.SignInProblem;

/**
 * One recorded hop: what happened, when, how long it took, who saw it and how it was tied
 * to this flow. Facts hold masked values only.
 *
 * @param step the hop
 * @param at when it started (epoch milliseconds)
 * @param durationMillis how long it took, or {@code null} if nobody measured it
 * @param status how it ended
 * @param source who recorded it
 * @param correlation how a journal entry was tied to this flow
 * @param facts masked details
 * @param problem the explanation next to a failing hop, or {@code null}
 */
record Hop(Step step, long at, Long durationMillis, Status status, Source source, Correlation correlation,
		List<Fact> facts, SignInProblem problem) implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	static final int MAX_FACTS = 24;

	Hop {
		facts = List.copyOf((facts.size() > MAX_FACTS) ? facts.subList(0, MAX_FACTS) : facts);
	}

	Hop withStatus(Status newStatus, SignInProblem newProblem) {
		return new Hop(this.step, this.at, this.durationMillis, newStatus, this.source, this.correlation, this.facts,
				newProblem);
	}

	Hop withFact(String name, String value) {
		List<Fact> more = new ArrayList<>(this.facts);
		more.removeIf((fact) -> fact.name().equals(name));
		more.add(new Fact(name, value));
		return new Hop(this.step, this.at, this.durationMillis, this.status, this.source, this.correlation, more,
				this.problem);
	}

	String fact(String name) {
		return this.facts.stream().filter((fact) -> fact.name().equals(name)).map(Fact::value).findFirst().orElse(null);
	}

	/** How a hop ended. */
	enum Status {

		/** Completed normally. */
		OK,
		/** This hop failed: the cause of the failed sign-in. */
		FAILED,
		/** The app was told of a failure that happened earlier. */
		REPORTED,
		/** Happened out of the app's sight (real AWS and Auth0). */
		UNSEEN

	}

	/** Who recorded the hop. */
	enum Source {

		/** The app's own request handling. */
		APP,
		/** The request journal of the local Cognito user-pool domain (hosted UI). */
		COGNITO,
		/** The request journal of the local Cognito API and issuer host. */
		COGNITO_API,
		/** The request journal of the local Auth0. */
		AUTH0,
		/** Nobody: the hop is inferred. */
		NONE

	}

	/** How a journal entry was tied to this user's flow. */
	enum Correlation {

		/** The app recorded it itself. */
		RECORDED,
		/** The {@code state} the app sent. */
		STATE,
		/** Cognito's own {@code state} towards Auth0. */
		COGNITO_STATE,
		/** Auth0's login transaction, from its own redirect. */
		LOGIN_TRANSACTION,
		/** The authorization code the request carried. */
		CODE,
		/** The access token the request carried. */
		TOKEN,
		/** The short-lived logout cookie of the inspector, sent along by the browser. */
		COOKIE,
		/** Only its time, between two hops of this flow: another user's could fit too. */
		TIME_WINDOW,
		/** Not tied to a request at all. */
		NONE

	}

}

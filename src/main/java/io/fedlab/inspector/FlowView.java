package io.fedlab.inspector;

import java.time.Instant;
import java.util.List;

/**
 * One flow as the page shows it and the JSON download carries it: the hops in order, with
 * masked values only.
 *
 * @param kind {@code sign-in} or {@code logout}, or {@code none} when nothing was
 * recorded
 * @param outcome how it ended
 * @param started when it started
 * @param ended when it ended, or {@code null} while in progress
 * @param journals whether the local emulators' journals were read
 * @param hops the hops, in order
 * @param notes what the reader should know about how this timeline was put together
 */
record FlowView(String kind, String outcome, Instant started, Instant ended, boolean journals, List<HopView> hops,
		List<String> notes) {

	static FlowView none() {
		return new FlowView("none", "none", null, null, false, List.of(), List.of());
	}

	/**
	 * One hop.
	 *
	 * @param number its position, from 1
	 * @param step the hop's key
	 * @param title what it is
	 * @param from the party that sent it
	 * @param to the party that received it
	 * @param channel {@code front} (through the browser), {@code back} (server to
	 * server), {@code internal} or {@code unseen}
	 * @param at when it started
	 * @param offsetMillis milliseconds since the flow started
	 * @param durationMillis how long it took, if measured
	 * @param status {@code ok}, {@code failed}, {@code reported} or {@code unseen}
	 * @param source who recorded it
	 * @param correlation how it was tied to this flow
	 * @param facts masked details
	 * @param explanation why it failed, next to the failing hop
	 */
	record HopView(int number, String step, String title, String from, String to, String channel, Instant at,
			long offsetMillis, Long durationMillis, String status, String source, String correlation, List<Fact> facts,
			Explanation explanation) {

	}

	/**
	 * The sign-in error page's explanation of a failure.
	 *
	 * @param title what failed
	 * @param cause the likely cause
	 * @param fix what to do
	 * @param code the OAuth 2.0 error code
	 */
	record Explanation(String title, String cause, String fix, String code) {

	}

}

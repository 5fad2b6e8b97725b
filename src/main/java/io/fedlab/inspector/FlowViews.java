package io.fedlab.inspector;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.fedlab.security.SignInProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Builds the view of the caller's latest flow: the sign-in record from their own session,
 * or the logout record their logout cookie names, whichever is newer; merged with the
 * emulators' journal entries when the local stack runs, or with a hop saying what
 * happened out of the app's sight when it does not.
 */
final class FlowViews {

	private static final long JOURNAL_SLACK_MILLIS = 2_000;

	private final Journals journals;

	private final LogoutRecords logoutRecords;

	private final MessageSource messages;

	private final Clock clock;

	FlowViews(Journals journals, LogoutRecords logoutRecords, MessageSource messages, Clock clock) {
		this.journals = journals;
		this.logoutRecords = logoutRecords;
		this.messages = messages;
		this.clock = clock;
	}

	FlowView current(HttpServletRequest request) {
		FlowRecord record = latest(request);
		return (record != null) ? view(record) : FlowView.none();
	}

	static FlowRecord latest(HttpServletRequest request, LogoutRecords logoutRecords) {
		HttpSession session = request.getSession(false);
		FlowRecord signIn = (session != null
				&& session.getAttribute(FlowRecord.SESSION_ATTRIBUTE) instanceof FlowRecord found) ? found : null;
		FlowRecord logout = logoutRecords.get(FlowRecordingFilter.cookieValue(request, LogoutRecords.COOKIE));
		if (signIn == null || (logout != null && logout.started() > signIn.started())) {
			return logout;
		}
		return signIn;
	}

	private FlowRecord latest(HttpServletRequest request) {
		return latest(request, this.logoutRecords);
	}

	FlowView view(FlowRecord record) {
		long now = this.clock.millis();
		List<Hop> hops = new ArrayList<>(record.hops());
		Map<Hop.Source, List<JournalEntry>> journal = (this.journals != null)
				? this.journals.since(Instant.ofEpochMilli(record.started() - JOURNAL_SLACK_MILLIS)) : Map.of();
		List<Hop> seen = (record.kind() == FlowRecord.Kind.SIGN_IN) ? Correlator.signIn(record, journal, now)
				: Correlator.logout(record, journal, now);
		hops.addAll(seen);
		List<String> notes = new ArrayList<>();
		if (this.journals == null) {
			notes.add("flow.note.remote");
		}
		else if (journal.isEmpty()) {
			notes.add("flow.note.noJournal");
		}
		else {
			notes.add("flow.note.local");
		}
		if (seen.isEmpty()) {
			unseen(record, hops);
		}
		moveExplanationUpstream(hops);
		hops.sort(Comparator.comparingLong(Hop::at).thenComparing(Hop::step));
		if (hops.stream().anyMatch((hop) -> hop.correlation() == Hop.Correlation.TIME_WINDOW)) {
			notes.add("flow.note.timeWindow");
		}
		if (record.outcome() == FlowRecord.Outcome.SIGNED_IN && this.journals != null
				&& hops.stream().noneMatch((hop) -> hop.step() == Step.APP_JWKS)) {
			notes.add("flow.note.jwksCached");
		}
		List<FlowView.HopView> views = new ArrayList<>();
		int number = 1;
		for (Hop hop : hops) {
			views.add(hopView(number++, hop, record.started()));
		}
		return new FlowView((record.kind() == FlowRecord.Kind.SIGN_IN) ? "sign-in" : "logout",
				record.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'),
				Instant.ofEpochMilli(record.started()),
				(record.ended() != 0) ? Instant.ofEpochMilli(record.ended()) : null, this.journals != null, views,
				notes.stream().map(this::message).toList());
	}

	/** Without a journal, one hop stands for everything between the app's two hops. */
	private static void unseen(FlowRecord record, List<Hop> hops) {
		Step before = (record.kind() == FlowRecord.Kind.SIGN_IN) ? Step.AUTHORIZATION_REQUEST : Step.LOGOUT;
		Step after = (record.kind() == FlowRecord.Kind.SIGN_IN) ? Step.CALLBACK : Step.LOGGED_OUT;
		Hop first = record.last(before);
		Hop last = record.last(after);
		if (first == null) {
			return;
		}
		long from = first.at() + ((first.durationMillis() != null) ? first.durationMillis() : 0);
		Long duration = (last != null) ? Math.max(0, last.at() - from) : null;
		Step step = (record.kind() == FlowRecord.Kind.SIGN_IN) ? Step.FEDERATION_UNSEEN : Step.LOGOUT_UNSEEN;
		hops.add(new Hop(step, from, duration, Hop.Status.UNSEEN, Hop.Source.NONE, Hop.Correlation.NONE, List.of(),
				null));
	}

	/**
	 * When Cognito reported a failure to the app and a journal shows which upstream hop
	 * failed, the explanation goes next to that hop.
	 */
	private static void moveExplanationUpstream(List<Hop> hops) {
		Hop callback = hops.stream()
			.filter((hop) -> hop.step() == Step.CALLBACK && hop.status() == Hop.Status.REPORTED
					&& hop.problem() != null)
			.findFirst()
			.orElse(null);
		Hop upstream = hops.stream()
			.filter((hop) -> hop.source() != Hop.Source.APP && hop.status() == Hop.Status.FAILED)
			.min(Comparator.comparingLong(Hop::at))
			.orElse(null);
		if (callback == null || upstream == null) {
			return;
		}
		hops.set(hops.indexOf(upstream), upstream.withStatus(Hop.Status.FAILED, callback.problem()));
		hops.set(hops.indexOf(callback), callback.withStatus(Hop.Status.REPORTED, null));
	}

	private FlowView.HopView hopView(int number, Hop hop, long started) {
		Step step = hop.step();
		return new FlowView.HopView(number, step.key(), message("flow.step." + step.key()), lower(step.from()),
				lower(step.to()), lower(step.channel()), Instant.ofEpochMilli(hop.at()), hop.at() - started,
				hop.durationMillis(), lower(hop.status()), lower(hop.source()), lower(hop.correlation()), hop.facts(),
				explanation(hop.problem()));
	}

	private FlowView.Explanation explanation(SignInProblem problem) {
		if (problem == null) {
			return null;
		}
		String prefix = "signin.error." + problem.key() + ".";
		Object[] details = { problem.detail(0), problem.detail(1) };
		return new FlowView.Explanation(message(prefix + "title", details), message(prefix + "cause", details),
				message(prefix + "fix", details), problem.code());
	}

	private String message(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
	}

	private static String lower(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}

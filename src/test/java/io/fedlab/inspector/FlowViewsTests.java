package io.fedlab.inspector;

import java.time.Clock;
import java.util.List;

import io.fedlab.security.SignInProblem;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The view without the emulators' journals (real AWS and Auth0): the app's own hops, and
 * one hop standing for what happened out of its sight.
 */
class FlowViewsTests {

	private final FlowViews views = new FlowViews(null, new LogoutRecords(Clock.systemUTC()), messages(),
			Clock.systemUTC());

	@Test
	void viewWhenNoJournalThenOutOfSightHopBetweenTheAppsOwnAndSaysSo() {
		FlowRecord record = FlowRecord.signIn(1000)
			.withHop(hop(Step.AUTHORIZATION_REQUEST, 1000, 5L, Hop.Status.OK, null))
			.withHop(hop(Step.CALLBACK, 3000, 40L, Hop.Status.OK, null))
			.withHop(hop(Step.TOKEN_REQUEST, 3001, 20L, Hop.Status.OK, null))
			.withHop(hop(Step.SIGNED_IN, 3040, null, Hop.Status.OK, null))
			.withEnd(FlowRecord.Outcome.SIGNED_IN, 3040);

		FlowView view = this.views.view(record);

		assertThat(view.hops()).extracting(FlowView.HopView::step)
			.containsExactly("authorization-request", "federation-unseen", "callback", "token-request", "signed-in");
		FlowView.HopView unseen = view.hops().get(1);
		assertThat(unseen.status()).isEqualTo("unseen");
		assertThat(unseen.offsetMillis()).isEqualTo(5);
		assertThat(unseen.durationMillis()).isEqualTo(1995);
		assertThat(view.journals()).isFalse();
		assertThat(view.notes()).singleElement().asString().contains("sees only its own side");
		assertThat(view.hops()).extracting(FlowView.HopView::title)
			.contains("The app’s authorization request", "Hosted UI, Auth0 and back");
	}

	@Test
	void viewWhenAppSideHopFailedThenExplanationNextToIt() {
		FlowRecord recorded = FlowRecord.signIn(1000)
			.withHop(hop(Step.AUTHORIZATION_REQUEST, 1000, 5L, Hop.Status.OK, null))
			.withHop(hop(Step.CALLBACK, 3000, 40L, Hop.Status.OK, null))
			.withHop(hop(Step.ID_TOKEN_CHECKS, 3020, 2L, Hop.Status.OK, null));
		FlowRecord record = Failures.mark(recorded, new SignInProblem("invalid-nonce", "invalid_nonce", List.of()))
			.withEnd(FlowRecord.Outcome.FAILED, 3040);

		FlowView view = this.views.view(record);

		FlowView.HopView checks = view.hops().get(view.hops().size() - 1);
		assertThat(checks.step()).isEqualTo("id-token-checks");
		assertThat(checks.status()).isEqualTo("failed");
		assertThat(checks.facts()).contains(new Fact("nonce", "did not match the one sent"));
		assertThat(checks.explanation().code()).isEqualTo("invalid_nonce");
		assertThat(checks.explanation().title()).isNotBlank().doesNotStartWith("signin.error");
	}

	private static Hop hop(Step step, long at, Long duration, Hop.Status status, SignInProblem problem) {
		return new Hop(step, at, duration, status, Hop.Source.APP, Hop.Correlation.RECORDED, List.of(), problem);
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}

package io.fedlab.inspector;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Correlation of journal entries with one user's flow, on journals holding two users'
 * interleaved sign-ins: each link follows a value only this flow carries, and requests
 * that carry none are matched by time window and say so.
 */
class CorrelatorTests {

	private static final String APP = "http://localhost:8080/login/oauth2/code/cognito";

	private static final String IDP_RESPONSE = "http://localhost:9230/oauth2/idpresponse";

	@Test
	void signInWhenTwoUsersInterleaveThenOnlyThisFlowsEntriesFollowedByTheirValues() {
		FlowRecord record = record("app-state-1", 1000).withHop(callback(1300));
		Map<Hop.Source, List<JournalEntry>> journals = Map.of(Hop.Source.COGNITO,
				List.of(get(Hop.Source.COGNITO, 1010, "/oauth2/authorize?state=app-state-1",
						"http://localhost:9240/authorize?state=cog-1"),
						get(Hop.Source.COGNITO, 1011, "/oauth2/authorize?state=app-state-2",
								"http://localhost:9240/authorize?state=cog-2"),
						get(Hop.Source.COGNITO, 1100, "/oauth2/idpresponse?code=a0-code-2&state=cog-2",
								APP + "?code=c2&state=app-state-2"),
						get(Hop.Source.COGNITO, 1200, "/oauth2/idpresponse?code=a0-code-1&state=cog-1",
								APP + "?code=c1&state=app-state-1")),
				Hop.Source.AUTH0,
				List.of(get(Hop.Source.AUTH0, 1020, "/authorize?state=cog-1", "/u/login?state=tx-1"),
						get(Hop.Source.AUTH0, 1021, "/authorize?state=cog-2", "/u/login?state=tx-2"),
						get(Hop.Source.AUTH0, 1030, "/u/login?state=tx-1", null),
						post(Hop.Source.AUTH0, 1090, "/u/login", Map.of("state", List.of("tx-2")),
								IDP_RESPONSE + "?code=a0-code-2&state=cog-2", Map.of()),
						post(Hop.Source.AUTH0, 1190, "/u/login", Map.of("state", List.of("tx-1")),
								IDP_RESPONSE + "?code=a0-code-1&state=cog-1", Map.of()),
						post(Hop.Source.AUTH0, 1205, "/oauth/token", Map.of("code", List.of("a0-code-1")), null,
								Map.of("access_token", "a0-access-1", "id_token", "x", "expires_in", "86400")),
						post(Hop.Source.AUTH0, 1206, "/oauth/token", Map.of("code", List.of("a0-code-2")), null,
								Map.of("access_token", "a0-access-2")),
						get(Hop.Source.AUTH0, 1210, "/.well-known/jwks.json", null),
						bearer(1220, "/userinfo", "a0-access-2"), bearer(1221, "/userinfo", "a0-access-1")));

		List<Hop> hops = Correlator.signIn(record, journals, 2000);

		assertThat(hops).extracting(Hop::step)
			.containsExactly(Step.HOSTED_UI, Step.AUTH0_AUTHORIZE, Step.AUTH0_LOGIN_PAGE, Step.AUTH0_LOGIN,
					Step.IDP_RESPONSE, Step.IDP_TOKEN, Step.IDP_JWKS, Step.IDP_USERINFO);
		assertThat(hops).extracting(Hop::at).containsExactly(1010L, 1020L, 1030L, 1190L, 1200L, 1205L, 1210L, 1221L);
		assertThat(hops).extracting(Hop::correlation)
			.containsExactly(Hop.Correlation.STATE, Hop.Correlation.COGNITO_STATE, Hop.Correlation.LOGIN_TRANSACTION,
					Hop.Correlation.LOGIN_TRANSACTION, Hop.Correlation.COGNITO_STATE, Hop.Correlation.CODE,
					Hop.Correlation.TIME_WINDOW, Hop.Correlation.TOKEN);
		Hop idpResponse = hops.get(4);
		assertThat(idpResponse.durationMillis()).isEqualTo(100L);
		assertThat(idpResponse.fact("state_to_app")).isEqualTo("the app's state, unchanged");
		assertThat(hops.get(5).fact("tokens")).isEqualTo("access_token, id_token");
		assertThat(hops.get(5).fact("expires_in")).isEqualTo("86400");
		assertThat(hops.toString()).doesNotContain("a0-code-1").doesNotContain("a0-access-1");
	}

	@Test
	void signInWhenTokenCallFailedThenThatHopFailedAndTheRedirectReported() {
		FlowRecord record = record("s", 1000).withHop(callback(1300));
		Map<Hop.Source, List<JournalEntry>> journals = Map.of(Hop.Source.COGNITO, List.of(
				get(Hop.Source.COGNITO, 1010, "/oauth2/authorize?state=s", "http://localhost:9240/authorize?state=c"),
				get(Hop.Source.COGNITO, 1200, "/oauth2/idpresponse?code=k&state=c",
						APP + "?error=invalid_request&state=s")),
				Hop.Source.AUTH0,
				List.of(get(Hop.Source.AUTH0, 1020, "/authorize?state=c", IDP_RESPONSE + "?code=k&state=c"),
						new JournalEntry(Hop.Source.AUTH0, 1205, "POST", "/oauth/token", Map.of("code", List.of("k")),
								null, Map.of(), 500, null, Map.of())));

		List<Hop> hops = Correlator.signIn(record, journals, 2000);

		assertThat(hops).extracting(Hop::step)
			.containsExactly(Step.HOSTED_UI, Step.AUTH0_AUTHORIZE, Step.IDP_RESPONSE, Step.IDP_TOKEN);
		assertThat(hops).extracting(Hop::status)
			.containsExactly(Hop.Status.OK, Hop.Status.OK, Hop.Status.REPORTED, Hop.Status.FAILED);
		assertThat(hops.get(3).fact("status")).isEqualTo("500");
	}

	@Test
	void signInWhenNoEntryCarriesTheAppsStateThenNothingIsClaimed() {
		FlowRecord record = record("mine", 1000);
		Map<Hop.Source, List<JournalEntry>> journals = Map.of(Hop.Source.COGNITO,
				List.of(get(Hop.Source.COGNITO, 1010, "/oauth2/authorize?state=someone-else", null)), Hop.Source.AUTH0,
				List.of(get(Hop.Source.AUTH0, 1020, "/.well-known/jwks.json", null)));

		assertThat(Correlator.signIn(record, journals, 2000)).isEmpty();
	}

	@Test
	void logoutWhenTheBrowserSentTheLogoutCookieThenMatchedByItNotByTime() {
		FlowRecord record = FlowRecord.logout(1000)
			.withCookie("my-cookie")
			.withEnd(FlowRecord.Outcome.LOGGED_OUT, 1500);
		JournalEntry mine = new JournalEntry(Hop.Source.AUTH0, 1100, "GET", "/v2/logout?client_id=a", Map.of(), null,
				Map.of(LogoutRecords.COOKIE, Fingerprint.of("my-cookie")), 302, "http://localhost:9230/logout",
				Map.of());
		JournalEntry other = new JournalEntry(Hop.Source.AUTH0, 1101, "GET", "/v2/logout?client_id=a", Map.of(), null,
				Map.of(LogoutRecords.COOKIE, Fingerprint.of("their-cookie")), 302, "http://localhost:9230/logout",
				Map.of());
		JournalEntry late = get(Hop.Source.COGNITO, 1600, "/logout?client_id=b", "http://localhost:8080/logged-out");
		JournalEntry cognito = get(Hop.Source.COGNITO, 1200, "/logout?client_id=b", "http://localhost:8080/logged-out");

		List<Hop> hops = Correlator.logout(record,
				Map.of(Hop.Source.AUTH0, List.of(mine, other), Hop.Source.COGNITO, List.of(cognito, late)), 3000);

		assertThat(hops).extracting(Hop::step).containsExactly(Step.AUTH0_LOGOUT, Step.COGNITO_LOGOUT);
		assertThat(hops).extracting(Hop::at).containsExactly(1100L, 1200L);
		assertThat(hops).extracting(Hop::correlation)
			.containsExactly(Hop.Correlation.COOKIE, Hop.Correlation.TIME_WINDOW);
	}

	private static FlowRecord record(String state, long at) {
		return FlowRecord.signIn(at).withState(state);
	}

	private static Hop callback(long at) {
		return new Hop(Step.CALLBACK, at, 5L, Hop.Status.OK, Hop.Source.APP, Hop.Correlation.RECORDED, List.of(), null);
	}

	private static JournalEntry get(Hop.Source source, long at, String url, String location) {
		return new JournalEntry(source, at, "GET", url, Map.of(), null, Map.of(), (location != null) ? 302 : 200,
				location, Map.of());
	}

	private static JournalEntry post(Hop.Source source, long at, String url, Map<String, List<String>> form,
			String location, Map<String, String> response) {
		return new JournalEntry(source, at, "POST", url, form, null, Map.of(), (location != null) ? 302 : 200, location,
				response);
	}

	private static JournalEntry bearer(long at, String url, String token) {
		return new JournalEntry(Hop.Source.AUTH0, at, "GET", url, Map.of(), Fingerprint.of(token), Map.of(), 200, null,
				Map.of());
	}

}

package io.fedlab.inspector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Ties the emulators' journal entries to one user's flow and turns them into hops. Each
 * link is followed by a value only this flow carries, where there is one: the app's
 * {@code state} finds the hosted UI's {@code /oauth2/authorize}, whose redirect carries
 * Cognito's own {@code state} to Auth0 ({@code /authorize} and
 * {@code /oauth2/idpresponse}), Auth0's redirect names its login transaction, the login's
 * redirect carries Auth0's code, which finds Cognito's token call, whose access token
 * finds its userinfo call. Requests that carry nothing of the flow (discovery, key sets,
 * the logout redirects) are matched by time window only, and say so: another user's
 * request in the same window would match too.
 */
final class Correlator {

	private Correlator() {
	}

	static List<Hop> signIn(FlowRecord record, Map<Hop.Source, List<JournalEntry>> journals, long now) {
		List<JournalEntry> hosted = journals.getOrDefault(Hop.Source.COGNITO, List.of());
		List<JournalEntry> auth0 = journals.getOrDefault(Hop.Source.AUTH0, List.of());
		List<JournalEntry> api = journals.getOrDefault(Hop.Source.COGNITO_API, List.of());
		Hop callback = record.last(Step.CALLBACK);
		long end = (record.ended() != 0) ? record.ended() : now;
		long callbackAt = (callback != null) ? callback.at() : end;
		List<Hop> hops = new ArrayList<>();

		JournalEntry authorize = first(hosted, (e) -> e.path().endsWith("/oauth2/authorize")
				&& Fingerprint.matches(record.stateFingerprint(), e.query("state")));
		if (authorize == null) {
			return hops;
		}
		hops.add(hop(Step.HOSTED_UI, authorize, Hop.Correlation.STATE,
				failedIf(authorize,
						authorize.status() >= 400
								|| (authorize.location() != null && authorize.location().contains("/error"))),
				facts(authorize, "state", "identity_provider")));
		String cognitoState = authorize.locationParameter("state");

		JournalEntry auth0Authorize = first(auth0, (e) -> e.path().endsWith("/authorize") && cognitoState != null
				&& cognitoState.equals(e.query("state")));
		String transaction = null;
		String auth0Code = null;
		if (auth0Authorize != null) {
			hops.add(hop(Step.AUTH0_AUTHORIZE, auth0Authorize, Hop.Correlation.COGNITO_STATE,
					failedIf(auth0Authorize, auth0Authorize.status() >= 400), facts(auth0Authorize, "client_id",
							"redirect_uri", "scope", "response_type", "code_challenge_method", "state")));
			transaction = auth0Authorize.locationParameter("state");
			auth0Code = auth0Authorize.locationParameter("code");
		}
		String tx = transaction;
		for (JournalEntry login : auth0) {
			if (tx == null || !login.path().endsWith("/u/login")) {
				continue;
			}
			if ("GET".equals(login.method()) && tx.equals(login.query("state"))) {
				hops.add(hop(Step.AUTH0_LOGIN_PAGE, login, Hop.Correlation.LOGIN_TRANSACTION,
						failedIf(login, login.status() >= 400), facts(login, "state")));
			}
			else if ("POST".equals(login.method()) && tx.equals(login.formValue("state"))) {
				List<Fact> facts = facts(login);
				facts.add(new Fact("password", "sent to Auth0 only (never shown)"));
				if (login.location() == null && login.status() == 200) {
					facts.add(new Fact("outcome", "the form came back (wrong e-mail or password?)"));
				}
				hops.add(hop(Step.AUTH0_LOGIN, login, Hop.Correlation.LOGIN_TRANSACTION,
						failedIf(login, login.status() >= 400), facts));
				if (login.locationParameter("code") != null) {
					auth0Code = login.locationParameter("code");
				}
			}
		}

		JournalEntry idpResponse = (cognitoState != null)
				? first(hosted,
						(e) -> e.path().endsWith("/oauth2/idpresponse") && cognitoState.equals(e.query("state")))
				: null;
		long backChannelFrom = (idpResponse != null) ? idpResponse.at() : callbackAt;
		if (idpResponse != null) {
			List<Fact> facts = facts(idpResponse, "code", "state");
			String error = idpResponse.locationParameter("error");
			String appState = idpResponse.locationParameter("state");
			if (appState != null) {
				facts.add(new Fact("state_to_app", Fingerprint.matches(record.stateFingerprint(), appState)
						? "the app's state, unchanged" : "not the app's state"));
			}
			Long duration = (callback != null && callbackAt >= idpResponse.at()) ? callbackAt - idpResponse.at() : null;
			hops.add(new Hop(Step.IDP_RESPONSE, idpResponse.at(), duration,
					(error != null) ? Hop.Status.REPORTED : Hop.Status.OK, idpResponse.source(),
					Hop.Correlation.COGNITO_STATE, facts, null));
		}
		Predicate<JournalEntry> backChannel = (e) -> e.at() >= backChannelFrom && e.at() <= callbackAt;
		String accessToken = null;
		for (JournalEntry entry : auth0) {
			String path = entry.path();
			if (path.endsWith("/.well-known/openid-configuration") && backChannel.test(entry)) {
				hops.add(hop(Step.IDP_DISCOVERY, entry, Hop.Correlation.TIME_WINDOW,
						failedIf(entry, entry.status() >= 400), facts(entry)));
			}
			else if (path.endsWith("/oauth/token") && "POST".equals(entry.method())) {
				boolean byCode = auth0Code != null && auth0Code.equals(entry.formValue("code"));
				if (!byCode && !(auth0Code == null && backChannel.test(entry))) {
					continue;
				}
				List<Fact> facts = tokenFacts(entry);
				hops.add(hop(Step.IDP_TOKEN, entry, byCode ? Hop.Correlation.CODE : Hop.Correlation.TIME_WINDOW,
						failedIf(entry, entry.status() >= 400), facts));
				accessToken = Fingerprint.of(entry.responseFields().get("access_token"));
			}
			else if (path.endsWith("/.well-known/jwks.json") && backChannel.test(entry)) {
				hops.add(hop(Step.IDP_JWKS, entry, Hop.Correlation.TIME_WINDOW, failedIf(entry, entry.status() >= 400),
						facts(entry)));
			}
			else if (path.endsWith("/userinfo")) {
				String token = accessToken;
				boolean byToken = token != null && (token.equals(entry.bearerFingerprint())
						|| Fingerprint.matches(token, entry.formValue("access_token")));
				if (!byToken && !(token == null && backChannel.test(entry))) {
					continue;
				}
				List<Fact> facts = facts(entry);
				facts.add(new Fact("access_token",
						(entry.bearerFingerprint() != null) ? "Authorization: Bearer" : "in the form body"));
				hops.add(hop(Step.IDP_USERINFO, entry, byToken ? Hop.Correlation.TOKEN : Hop.Correlation.TIME_WINDOW,
						failedIf(entry, entry.status() >= 400), facts));
			}
		}
		for (JournalEntry entry : api) {
			if (entry.path().endsWith("/.well-known/jwks.json") && entry.at() >= callbackAt && entry.at() <= end) {
				hops.add(hop(Step.APP_JWKS, entry, Hop.Correlation.TIME_WINDOW, failedIf(entry, entry.status() >= 400),
						facts(entry)));
			}
		}
		return hops;
	}

	static List<Hop> logout(FlowRecord record, Map<Hop.Source, List<JournalEntry>> journals, long now) {
		long end = (record.ended() != 0) ? record.ended() : now;
		List<Hop> hops = new ArrayList<>();
		add(hops, record, journals.getOrDefault(Hop.Source.AUTH0, List.of()), "/v2/logout", Step.AUTH0_LOGOUT, end);
		add(hops, record, journals.getOrDefault(Hop.Source.COGNITO, List.of()), "/logout", Step.COGNITO_LOGOUT, end);
		return hops;
	}

	private static void add(List<Hop> hops, FlowRecord record, List<JournalEntry> journal, String path, Step step,
			long end) {
		List<JournalEntry> inWindow = journal.stream()
			.filter((e) -> e.path().endsWith(path) && e.at() >= record.started() && e.at() <= end)
			.toList();
		List<JournalEntry> byCookie = inWindow.stream()
			.filter((e) -> record.cookieFingerprint() != null
					&& record.cookieFingerprint().equals(e.cookieFingerprints().get(LogoutRecords.COOKIE)))
			.toList();
		List<JournalEntry> chosen = byCookie.isEmpty() ? inWindow : byCookie;
		Hop.Correlation correlation = byCookie.isEmpty() ? Hop.Correlation.TIME_WINDOW : Hop.Correlation.COOKIE;
		for (JournalEntry entry : chosen) {
			hops.add(hop(step, entry, correlation, failedIf(entry, entry.status() >= 400),
					facts(entry, "client_id", "returnTo", "logout_uri", "redirect_uri")));
		}
	}

	private static Hop.Status failedIf(JournalEntry entry, boolean failed) {
		return failed ? Hop.Status.FAILED : Hop.Status.OK;
	}

	private static Hop hop(Step step, JournalEntry entry, Hop.Correlation correlation, Hop.Status status,
			List<Fact> facts) {
		return new Hop(step, entry.at(), null, status, entry.source(), correlation, facts, null);
	}

	/** Method, path, status, the named query parameters (masked) and the redirect. */
	static List<Fact> facts(JournalEntry entry, String... parameters) {
		List<Fact> facts = new ArrayList<>();
		facts.add(new Fact("request", entry.method() + " " + entry.path()));
		for (String name : parameters) {
			String value = entry.query(name);
			if (value != null) {
				facts.add(new Fact(name, Mask.value(name, value)));
			}
		}
		facts.add(new Fact("status", String.valueOf(entry.status())));
		if (entry.location() != null) {
			facts.add(new Fact("redirect", Mask.withoutQuery(entry.location())));
			Mask.query(entry.location()).forEach((name, value) -> {
				if (List.of("code", "state", "error").contains(name)) {
					facts.add(new Fact("redirect " + name, value));
				}
			});
		}
		return facts;
	}

	private static List<Fact> tokenFacts(JournalEntry entry) {
		List<Fact> facts = facts(entry);
		facts.add(new Fact("grant_type", String.valueOf(entry.formValue("grant_type"))));
		facts.add(new Fact("client_id", String.valueOf(entry.formValue("client_id"))));
		facts.add(new Fact("client_authentication", (entry.formValue("client_secret") != null)
				? "client_secret_post (the secret in the body, never shown)" : "no secret in the body"));
		if (entry.formValue("code") != null) {
			facts.add(new Fact("code", Mask.value("code", entry.formValue("code"))));
		}
		List<String> tokens = entry.responseFields()
			.keySet()
			.stream()
			.filter((name) -> name.endsWith("_token"))
			.sorted()
			.toList();
		if (!tokens.isEmpty()) {
			facts.add(new Fact("tokens", String.join(", ", tokens)));
		}
		String expiresIn = entry.responseFields().get("expires_in");
		if (expiresIn != null) {
			facts.add(new Fact("expires_in", expiresIn));
		}
		return facts;
	}

	private static JournalEntry first(List<JournalEntry> entries, Predicate<JournalEntry> test) {
		return entries.stream().filter(test).findFirst().orElse(null);
	}

}

package io.fedlab.support;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fedlab.localidp.LocalStack;
import io.fedlab.support.Browserless.Hop;
import io.fedlab.support.Browserless.Page;

import org.springframework.boot.test.system.CapturedOutput;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in steps through the whole application and its local stack, for tests that drive
 * the app like a browser. Remembers every browser it hands out and every token it reads,
 * so a test can check at the end that none of them reached the log (ASVS 16.2.5).
 */
public final class FullStackFlows {

	/** A signed JWT (or the header and payload of one): header and payload are JSON. */
	public static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.eyJ");

	private final LocalStack stack;

	private final String app;

	private final List<Browserless> browsers = new ArrayList<>();

	private final Set<String> tokens = new LinkedHashSet<>();

	public FullStackFlows(LocalStack stack, String appBaseUrl) {
		this.stack = stack;
		this.app = appBaseUrl;
	}

	/** A fresh browser (empty cookie jar) whose hops are searched at the end. */
	public Browserless browser() {
		Browserless browser = new Browserless();
		this.browsers.add(browser);
		return browser;
	}

	public String hostedUi() {
		return this.stack.settings().hostedUiUrl();
	}

	public String auth0() {
		return this.stack.settings().auth0Domain();
	}

	/**
	 * Presses "Sign in" and signs in at the local Auth0's password form; returns the
	 * profile page.
	 */
	public Page signIn(Browserless browser, String email, String password) {
		Page login = browser.get(this.app + "/oauth2/authorization/cognito");
		assertThat(login.uri().toString()).startsWith(auth0() + "/u/login");
		Page profile = submitAuth0Login(browser, login, email, password);
		assertThat(profile.uri().toString()).isEqualTo(this.app + "/profile");
		return profile;
	}

	/** Submits the local Auth0's Universal Login form, then follows every redirect. */
	public Page submitAuth0Login(Browserless browser, Page login, String email, String password) {
		return browser.submit(login, "/u/login", Map.of("username", email, "password", password));
	}

	/**
	 * The raw token of {@code kind} ({@code id}, {@code access}, {@code refresh}) shown
	 * on the profile page.
	 */
	public String rawToken(Page profile, String kind) {
		String token = profile.textOf("raw-" + kind);
		this.tokens.add(token);
		return token;
	}

	/** The HTML of the element with this id, up to its closing tag. */
	public static String section(Page page, String id) {
		String body = page.body();
		int at = body.indexOf(" id=\"" + id + "\"");
		assertThat(at).as("element %s on %s", id, page.uri()).isNotNegative();
		int open = body.lastIndexOf('<', at);
		Matcher tag = Pattern.compile("<([a-zA-Z0-9]+)").matcher(body).region(open, at);
		assertThat(tag.lookingAt()).isTrue();
		int close = body.indexOf("</" + tag.group(1) + ">", at);
		return body.substring(open, close);
	}

	/** Every authorization code (Auth0's and Cognito's) in a URL any browser visited. */
	public Set<String> authorizationCodes() {
		Set<String> codes = new LinkedHashSet<>();
		for (Browserless browser : this.browsers) {
			for (Hop hop : browser.hops()) {
				codes.add(Browserless.queryParams(hop.uri()).get("code"));
				if (hop.next() != null) {
					codes.add(Browserless.queryParams(hop.next()).get("code"));
				}
			}
		}
		codes.remove(null);
		return codes;
	}

	/**
	 * The captured output holds no JWT, none of the authorization codes and tokens seen,
	 * neither client secret (the app's at Cognito, Cognito's at Auth0) and no password of
	 * the local users.
	 */
	public void assertNothingSecretLogged(CapturedOutput output, String appClientSecret) {
		String log = output.getAll();
		// the capture works: the app's own sign-in line is there
		assertThat(log).contains("Signed in: sub=");
		Matcher jwt = JWT.matcher(log);
		if (jwt.find()) {
			fail("a JWT", log, jwt.group());
		}
		Set<String> codes = authorizationCodes();
		assertThat(codes).isNotEmpty();
		codes.forEach((code) -> assertAbsent(log, code, "an authorization code"));
		this.tokens.forEach((token) -> assertAbsent(log, token, "a token"));
		assertThat(appClientSecret).isNotBlank();
		assertAbsent(log, appClientSecret, "the app client secret");
		List<String> idpSecrets = this.stack.cognitoStore()
			.pools()
			.stream()
			.flatMap((pool) -> pool.identityProviders().values().stream())
			.map((idp) -> idp.detail("client_secret"))
			.filter(Objects::nonNull)
			.toList();
		assertThat(idpSecrets).isNotEmpty();
		idpSecrets.forEach((secret) -> assertAbsent(log, secret, "the Auth0 client secret"));
		assertAbsent(log, "wonderland", "a password");
	}

	private static void assertAbsent(String log, String value, String what) {
		if (log.contains(value)) {
			fail(what, log, value);
		}
	}

	/**
	 * Names the offending log line with the value masked, so the report leaks nothing.
	 */
	private static void fail(String what, String log, String value) {
		String line = log.lines().filter((l) -> l.contains(value)).findFirst().orElse("");
		throw new AssertionError(what + " in the log: " + line.replace(value, "****"));
	}

}

package io.fedlab.localidp;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.AccessTokenHash;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fedlab.support.Browserless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * An OIDC client that is neither Spring's nor ours (the Nimbus OAuth 2.0 SDK) signs in
 * against the local stack: discovery, authorize through the hosted UI and the Auth0 form,
 * token, strict ID-token validation, userInfo, refresh and revoke.
 */
class LocalStackOidcClientIT {

	/** Debian's awscli package; CI installs it (.ci/run). */
	static final String AWS_CLI = "/usr/bin/aws";

	static LocalStack stack;

	static String callback;

	@BeforeAll
	static void start() {
		stack = TestLocalStacks.start();
		callback = stack.cognitoStore()
			.pool(stack.provisioned().userPoolId())
			.client(stack.provisioned().clientId())
			.callbackUrls()
			.get(0);
	}

	@AfterAll
	static void stop() {
		stack.close();
	}

	@Test
	void nimbusClientWhenSigningInThroughHostedUiAndAuth0ThenEveryStepValidates() throws Exception {
		LocalProvisioning.Result app = stack.provisioned();
		Issuer issuer = new Issuer(stack.settings().cognitoIssuer(app.userPoolId()));
		OIDCProviderMetadata op = OIDCProviderMetadata.resolve(issuer);
		assertThat(op.getIssuer()).isEqualTo(issuer);
		ClientID clientId = new ClientID(app.clientId());
		ClientSecretBasic clientAuth = new ClientSecretBasic(clientId, new Secret(app.clientSecret()));

		// Authorize, straight to Auth0 with identity_provider, PKCE S256, state and
		// nonce.
		State state = new State();
		Nonce nonce = new Nonce();
		CodeVerifier verifier = new CodeVerifier();
		URI authorize = new AuthenticationRequest.Builder(ResponseType.CODE,
				new Scope("openid", "email", "profile", "aws.cognito.signin.user.admin"), clientId,
				URI.create(callback))
			.endpointURI(op.getAuthorizationEndpointURI())
			.state(state)
			.nonce(nonce)
			.codeChallenge(verifier, CodeChallengeMethod.S256)
			.customParameter("identity_provider", "Auth0")
			.build()
			.toURI();
		Browserless browser = new Browserless();
		Browserless.Page login = browser.get(authorize.toString());
		assertThat(login.uri().toString()).startsWith(stack.settings().auth0Domain() + "/u/login");
		Browserless.Page back = browser.followUntil(
				browser.postOnce(login.uri().resolve("/u/login").toString(), Map.of("state",
						hidden(login.body(), "state"), "username", "alice@example.com", "password", "wonderland")),
				callback);
		URI redirect = back.uri().resolve(back.header("Location"));
		AuthenticationSuccessResponse response = AuthenticationResponseParser.parse(redirect).toSuccessResponse();
		assertThat(response.getState()).isEqualTo(state);

		// Token, with client_secret_basic and the PKCE verifier.
		HTTPResponse tokenHttp = new TokenRequest(op.getTokenEndpointURI(), clientAuth,
				new AuthorizationCodeGrant(response.getAuthorizationCode(), URI.create(callback), verifier))
			.toHTTPRequest()
			.send();
		OIDCTokenResponse tokens = (OIDCTokenResponse) OIDCTokenResponseParser.parse(tokenHttp).toSuccessResponse();
		assertThat(tokens.getOIDCTokens().getRefreshToken()).isNotNull();

		// Strict ID token checks: RS256 signature from the discovered JWKS, iss, aud,
		// exp, nonce, at_hash.
		IDTokenValidator validator = new IDTokenValidator(issuer, clientId, JWSAlgorithm.RS256,
				op.getJWKSetURI().toURL());
		IDTokenClaimsSet idClaims = validator.validate(tokens.getOIDCTokens().getIDToken(), nonce);
		BearerAccessToken accessToken = tokens.getOIDCTokens().getBearerAccessToken();
		assertThat(idClaims.getAccessTokenHash())
			.isEqualTo(AccessTokenHash.compute(accessToken, JWSAlgorithm.RS256, null));
		assertThat(idClaims.getStringClaim("cognito:username")).startsWith("auth0_auth0|");
		assertThat(idClaims.getStringListClaim("cognito:groups")).contains(app.userPoolId() + "_Auth0", "admins");

		// userInfo with the access token: same sub, email_verified as a string
		// (emulated-behaviour.md §C9 fact 5).
		UserInfoResponse userInfo = UserInfoResponse
			.parse(new UserInfoRequest(op.getUserInfoEndpointURI(), accessToken).toHTTPRequest().send());
		assertThat(userInfo.indicatesSuccess()).isTrue();
		assertThat(userInfo.toSuccessResponse().getUserInfo().getSubject()).isEqualTo(idClaims.getSubject());
		assertThat(userInfo.toSuccessResponse().getUserInfo().toJSONObject().get("email_verified")).isEqualTo("true");

		// Refresh: new tokens, no new refresh token (rotation off; emulated-behaviour.md
		// §C9 fact 8),
		// same sub.
		RefreshToken refreshToken = tokens.getOIDCTokens().getRefreshToken();
		OIDCTokenResponse refreshed = (OIDCTokenResponse) OIDCTokenResponseParser
			.parse(new TokenRequest(op.getTokenEndpointURI(), clientAuth, new RefreshTokenGrant(refreshToken))
				.toHTTPRequest()
				.send())
			.toSuccessResponse();
		assertThat(refreshed.getOIDCTokens().getRefreshToken()).isNull();
		JWT refreshedId = refreshed.getOIDCTokens().getIDToken();
		IDTokenClaimsSet refreshedClaims = validator.validate(refreshedId, null);
		assertThat(refreshedClaims.getSubject()).isEqualTo(idClaims.getSubject());
		assertThat(refreshedClaims.getAuthenticationTime()).isEqualTo(idClaims.getAuthenticationTime());

		// Revoke the refresh token: the access tokens of its family stop working at
		// userInfo.
		HTTPResponse revoked = new TokenRevocationRequest(op.getRevocationEndpointURI(), clientAuth, refreshToken)
			.toHTTPRequest()
			.send();
		assertThat(revoked.getStatusCode()).isEqualTo(200);
		// Cognito's 401 header has no auth scheme (emulated-behaviour.md §C1.7), which
		// java.net.HttpURLConnection
		// cannot parse; read it with java.net.http instead.
		java.net.http.HttpResponse<String> afterRevoke = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(op.getUserInfoEndpointURI())
				.header("Authorization", "Bearer " + refreshed.getOIDCTokens().getBearerAccessToken().getValue())
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(afterRevoke.statusCode()).isEqualTo(401);
		assertThat(afterRevoke.headers().firstValue("WWW-Authenticate")).hasValue(
				"error=\"invalid_token\", error_description=\"Access token is expired, disabled, or deleted, or the user has globally signed out.\"");
	}

	@Test
	void secondSignInWhenCognitoSessionLivesThenSilentWithoutPasswordForm() throws Exception {
		// A second sign-in in the same browser is silent at both Cognito and Auth0.
		Browserless browser = new Browserless();
		String code = signIn(browser);
		assertThat(code).isNotBlank();
		Browserless.Page silent = browser.followUntil(browser.getOnce(authorizeUrl()), callback);
		assertThat(silent.header("Location")).startsWith(callback).contains("code=");
		assertThat(silent.hops()).noneMatch((h) -> h.uri().getPath().startsWith("/u/login"));
	}

	@Test
	void awsCliWhenUserSignedInThenListsDescribesAndGetsTheUserFromLocalCognito() throws Exception {
		// The AWS CLI v2 (Debian's awscli) against the local Cognito API with
		// --endpoint-url,
		// as the README documents it.
		assumeThat(Files.isExecutable(Path.of(AWS_CLI))).as(AWS_CLI + " (apt-get install awscli)").isTrue();
		LocalProvisioning.Result app = stack.provisioned();
		assertThat(awsCli("list-user-pools", "--max-results", "10")).contains(app.userPoolId());
		assertThat(awsCli("list-user-pool-clients", "--user-pool-id", app.userPoolId())).contains(app.clientId());
		assertThat(
				awsCli("describe-user-pool-client", "--user-pool-id", app.userPoolId(), "--client-id", app.clientId()))
			.contains("\"ClientSecret\": \"" + app.clientSecret() + "\"")
			.contains("\"SupportedIdentityProviders\"");
		// oidc_issuer without Auth0's trailing slash: Cognito appends /.well-known/... to
		// it
		// (emulated-behaviour.md, the double-slash trap)
		assertThat(awsCli("describe-identity-provider", "--user-pool-id", app.userPoolId(), "--provider-name", "Auth0"))
			.contains("\"ProviderType\": \"OIDC\"")
			.contains("\"oidc_issuer\": \"" + stack.settings().auth0Domain() + "\"");

		// get-user is unsigned and takes the signed-in user's access token.
		Browserless browser = new Browserless();
		String code = signIn(browser);
		String token = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(URI.create(stack.settings().hostedUiUrl() + "/oauth2/token"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Authorization",
						"Basic " + java.util.Base64.getEncoder()
							.encodeToString((app.clientId() + ":" + app.clientSecret()).getBytes()))
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(Browserless
					.encode(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", callback))))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString())
			.body();
		String accessToken = token.replaceAll("(?s).*\"access_token\":\"([^\"]+)\".*", "$1");
		assertThat(awsCli("get-user", "--access-token", accessToken)).contains("\"Username\": \"auth0_auth0|")
			.contains("bob@example.com");
	}

	private static String awsCli(String... operation) throws Exception {
		List<String> command = new ArrayList<>(List.of(AWS_CLI, "--endpoint-url", stack.settings().cognitoApiUrl(),
				"--region", stack.settings().region(), "--output", "json", "cognito-idp"));
		command.addAll(List.of(operation));
		ProcessBuilder process = new ProcessBuilder(command).redirectErrorStream(true);
		Map<String, String> env = process.environment();
		env.put("AWS_ACCESS_KEY_ID", "local");
		env.put("AWS_SECRET_ACCESS_KEY", "local");
		env.put("AWS_CONFIG_FILE", "/dev/null");
		env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
		env.put("AWS_PAGER", "");
		env.remove("AWS_PROFILE");
		Process running = process.start();
		String output = new String(running.getInputStream().readAllBytes());
		assertThat(running.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(running.exitValue()).as(output).isZero();
		return output;
	}

	private static String signIn(Browserless browser) throws Exception {
		Browserless.Page login = browser.get(authorizeUrl());
		Browserless.Page back = browser.followUntil(
				browser.postOnce(login.uri().resolve("/u/login").toString(), Map.of("state",
						hidden(login.body(), "state"), "username", "bob@example.com", "password", "builder")),
				callback);
		return AuthenticationResponseParser.parse(back.uri().resolve(back.header("Location")))
			.toSuccessResponse()
			.getAuthorizationCode()
			.getValue();
	}

	private static String authorizeUrl() {
		LocalProvisioning.Result app = stack.provisioned();
		return stack.settings().hostedUiUrl() + "/oauth2/authorize?response_type=code&client_id=" + app.clientId()
				+ "&redirect_uri=" + java.net.URLEncoder.encode(callback, java.nio.charset.StandardCharsets.UTF_8)
				+ "&scope=openid+email+aws.cognito.signin.user.admin&identity_provider=Auth0&state=s1";
	}

	static String hidden(String html, String name) {
		java.util.regex.Matcher m = java.util.regex.Pattern
			.compile("name=\"" + name + "\"[^>]*value=\"([^\"]*)\"|value=\"([^\"]*)\"[^>]*name=\"" + name + "\"")
			.matcher(html);
		if (!m.find()) {
			throw new AssertionError("No hidden input " + name);
		}
		return (m.group(1) != null) ? m.group(1) : m.group(2);
	}

}

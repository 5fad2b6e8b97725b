package io.fedlab.security;

import java.net.SocketException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import io.fedlab.cognito.BackChannelProperties;
import io.fedlab.cognito.CognitoBusyException;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.web.client.ResourceAccessException;

import static org.assertj.core.api.Assertions.assertThat;

class SignInErrorCatalogueTests {

	private static final BackChannelProperties LIMITS = new BackChannelProperties(Duration.ofMillis(1500),
			Duration.ofSeconds(3), 7);

	private final SignInErrorCatalogue catalogue = new SignInErrorCatalogue();

	@Test
	void classifyWhenCognitoAttributesRequiredThenAttributeNamesOnly() {
		// emulated-behaviour.md §C1.4:
		// error_description=attributes+required%3A+%5Bgiven_name%2C+family_name%5D
		SignInProblem problem = classify("invalid_request", "attributes required: [given_name, family_name]");
		assertThat(problem.key()).isEqualTo("attributes-required");
		assertThat(problem.details()).containsExactly("given_name, family_name");
	}

	@Test
	void classifyWhenAttributeListHasMarkupThenItIsDropped() {
		SignInProblem problem = classify("invalid_request", "attributes required: [email, <img src=x>]");
		assertThat(problem.details()).containsExactly("email");
	}

	@Test
	void classifyWhenInvalidUserAttributesThenAttributeName() {
		SignInProblem problem = classify("invalid_request",
				"Invalid user attributes: email: Attribute cannot be updated.");
		assertThat(problem.key()).isEqualTo("invalid-user-attributes");
		assertThat(problem.details()).containsExactly("email");
	}

	@Test
	void classifyWhenBadIdTokenIssuerThenIssuerValueNotKept() {
		SignInProblem problem = classify("invalid_request", "Bad id_token issuer https://tenant.auth0.com/");
		assertThat(problem.key()).isEqualTo("bad-issuer");
		assertThat(problem.details()).isEmpty();
		assertThat(problem.toString()).doesNotContain("tenant.auth0.com");
	}

	@Test
	void classifyWhenProviderErrorThenProviderAndStatusOnly() {
		// emulated-behaviour.md §C1.4: "LoginWithAmazon Error - 400 invalid_request The
		// request is
		// missing ... client_secret"
		SignInProblem problem = classify("invalid_request",
				"Auth0 Error - 401 access_denied Unauthorized client_secret=abc");
		assertThat(problem.key()).isEqualTo("provider-error");
		assertThat(problem.details()).containsExactly("Auth0", "401");
		assertThat(problem.toString()).doesNotContain("client_secret");
	}

	@Test
	void classifyWhenProviderAnswered5xxThenOutageNotConfiguration() {
		SignInProblem problem = classify("invalid_request", "Auth0 Error - 500 error getting token");
		assertThat(problem.key()).isEqualTo("provider-unavailable");
		assertThat(problem.details()).containsExactly("Auth0", "500");
	}

	@Test
	void classifyWhenIdpTimeoutThenTimeoutEntry() {
		assertThat(classify("invalid_request", "Timeout occurred in calling IdP token endpoint").key())
			.isEqualTo("idp-timeout");
	}

	@Test
	void classifyWhenCognitoNamesTheIdpCallThatTimedOutThenThatHopIsNamed() {
		// Cognito's own words for the calls it makes to the IdP
		assertThat(classify("invalid_request", "Timeout occurred in calling IdP token endpoint").details())
			.containsExactly("token endpoint");
		assertThat(classify("invalid_request", "Timeout occurred in calling IdP userinfo endpoint").details())
			.containsExactly("userinfo endpoint");
		assertThat(classify("invalid_request", "Timeout in calling jwks uri").details())
			.containsExactly("key set (JWKS)");
		assertThat(classify("invalid_request", "Timeout in calling discovery endpoint").details())
			.containsExactly("discovery document");
		assertThat(classify("invalid_request", "Connection reset").details()).containsExactly("back-channel endpoints");
	}

	@Test
	void classifyOwnCallWhenTheTokenCallTimedOutThenCognitoIsNamedNotTheIdp() {
		OAuth2Error error = new OAuth2Error("invalid_token_response",
				"An error occurred while attempting to retrieve the OAuth 2.0 Access Token Response: "
						+ "I/O error on POST request for \"http://localhost/oauth2/token\": request timed out",
				null);
		SignInProblem problem = this.catalogue.classifyOwnCall(error,
				new ResourceAccessException("I/O error", new HttpTimeoutException("request timed out")), LIMITS);
		assertThat(problem.key()).isEqualTo("cognito-timeout");
		assertThat(problem.details()).containsExactly("/oauth2/token", "3 s");
	}

	@Test
	void classifyOwnCallWhenTheConnectionWasResetThenUnreachableNotAnIdpTimeout() {
		// the description carries "Connection reset", which a relayed error would blame
		// on
		// the IdP
		OAuth2Error error = new OAuth2Error("invalid_user_info_response",
				"An error occurred while attempting to retrieve the UserInfo Resource: Connection reset", null);
		SignInProblem problem = this.catalogue.classifyOwnCall(error,
				new ResourceAccessException("I/O error", new SocketException("Connection reset")), LIMITS);
		assertThat(problem.key()).isEqualTo("cognito-unreachable");
		assertThat(problem.details()).containsExactly("/oauth2/userInfo", "1500 ms");
	}

	@Test
	void classifyOwnCallWhenTheBulkheadRefusedThenBusyWithTheLimit() {
		OAuth2Error error = new OAuth2Error("invalid_token_response", "I/O error", null);
		SignInProblem problem = this.catalogue.classifyOwnCall(error,
				new ResourceAccessException("I/O error", new CognitoBusyException(7)), LIMITS);
		assertThat(problem.key()).isEqualTo("cognito-busy");
		assertThat(problem.details()).containsExactly("/oauth2/token", "7");
	}

	@Test
	void classifyOwnCallWhenCognitoAnsweredWithAnErrorThenItsCode() {
		OAuth2Error error = new OAuth2Error("invalid_grant", "Timeout occurred in calling IdP token endpoint", null);
		SignInProblem problem = this.catalogue.classifyOwnCall(error, null, LIMITS);
		assertThat(problem.key()).isEqualTo("invalid-grant");
	}

	@Test
	void classifyWhenTokenEndpointInvalidRedirectThenRedirectMismatch() {
		// emulated-behaviour.md §C9 fact 10: unauthorized_client with error_description
		// invalid_redirect
		assertThat(classify("unauthorized_client", "invalid_redirect").key()).isEqualTo("redirect-mismatch");
	}

	@Test
	void classifyWhenSpringValidationCodesThenTheirEntries() {
		assertThat(classify("redirect_mismatch", null).key()).isEqualTo("redirect-mismatch");
		assertThat(classify("invalid_nonce", "nonce").key()).isEqualTo("invalid-nonce");
		assertThat(classify("invalid_id_token", "An error occurred").key()).isEqualTo("invalid-id-token");
		assertThat(classify("authorization_request_not_found", null).key()).isEqualTo("request-not-found");
		assertThat(classify("invalid_token_response", "An error occurred").key()).isEqualTo("invalid-token-response");
		assertThat(classify("invalid_user_info_response", null).key()).isEqualTo("invalid-user-info-response");
		assertThat(classify("login_required", null).key()).isEqualTo("login-required");
		assertThat(classify("invalid_grant", null).key()).isEqualTo("invalid-grant");
	}

	@Test
	void classifyWhenInvalidIdTokenThenClaimValuesNeverKept() {
		SignInProblem problem = classify("invalid_id_token",
				"The ID Token contains invalid claims: {iss=https://evil.example, sub=victim}");
		assertThat(problem.toString()).doesNotContain("evil").doesNotContain("victim");
	}

	@Test
	void classifyWhenIdTokenRejectedThenTheCauseIsNamed() {
		// Spring Security 7.0's descriptions, as MisbehavingProviderIT meets them
		String decode = "An error occurred while attempting to decode the Jwt: ";
		assertThat(idTokenKey(decode + "The ID Token contains invalid claims: {iss=https://evil}"))
			.isEqualTo("id-token-issuer");
		assertThat(idTokenKey(decode + "The ID Token contains invalid claims: {aud=[other]}"))
			.isEqualTo("id-token-audience");
		assertThat(idTokenKey(decode + "The ID Token contains invalid claims: {azp=null}"))
			.isEqualTo("id-token-audience");
		assertThat(idTokenKey(decode + "Signed JWT rejected: Invalid signature")).isEqualTo("id-token-signature");
		assertThat(idTokenKey(decode + "Signed JWT rejected: Another algorithm expected, or no matching key(s) found"))
			.isEqualTo("id-token-unknown-key");
		assertThat(idTokenKey("Unsupported algorithm of none")).isEqualTo("id-token-algorithm");
		assertThat(idTokenKey(decode + "Jwt expired at 2026-11-30T10:05:53Z")).isEqualTo("id-token-expired");
		assertThat(idTokenKey(decode + "The ID Token contains invalid claims: {iat=2030-01-01T00:00:00Z}"))
			.isEqualTo("id-token-not-yet-valid");
		assertThat(idTokenKey(decode + "500 Server Error on GET request for \"https://idp/jwks.json\": [no body]"))
			.isEqualTo("jwks-unavailable");
		assertThat(idTokenKey(decode + "I/O error on GET request for \"https://idp/jwks.json\": Read timed out"))
			.isEqualTo("jwks-unavailable");
	}

	@Test
	void classifyWhenIdTokenLacksClaimsThenTheFirstMissingOneIsNamed() {
		SignInProblem problem = classify("invalid_id_token",
				"The ID Token contains invalid claims: {iat=null, sub=null, aud=[x]}");
		assertThat(problem.key()).isEqualTo("id-token-missing-claim");
		assertThat(problem.details()).containsExactly("sub");
	}

	@Test
	void classifyWhenIdTokenClaimNamesAreUnknownThenGenericAndNothingKept() {
		SignInProblem problem = classify("invalid_id_token",
				"The ID Token contains invalid claims: {<script>=null, x_evil=null}");
		assertThat(problem.key()).isEqualTo("invalid-id-token");
		assertThat(problem.details()).isEmpty();
	}

	@Test
	void classifyWhenCodeIsNotAPlainCodeThenUnknown() {
		SignInProblem problem = classify("<script>alert(1)</script>", null);
		assertThat(problem.key()).isEqualTo("unknown");
		assertThat(problem.code()).isEqualTo("unknown");
	}

	private String idTokenKey(String description) {
		return classify("invalid_id_token", description).key();
	}

	private SignInProblem classify(String code, String description) {
		return this.catalogue.classify(new OAuth2Error(code, description, null));
	}

}

package io.fedlab.inspector;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;

/**
 * Spring's authorization-code token client, unchanged, with the call recorded: when, how
 * long, how the client authenticated, and the response's shape (which tokens came back,
 * {@code expires_in}, scope), never a token value.
 */
final class RecordingTokenResponseClient
		implements OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> {

	private static final Pattern SAFE_CODE = Pattern.compile("[a-z_]{1,64}");

	private final OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> delegate;

	private final Clock clock;

	RecordingTokenResponseClient(OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> delegate,
			Clock clock) {
		this.delegate = delegate;
		this.clock = clock;
	}

	@Override
	public OAuth2AccessTokenResponse getTokenResponse(OAuth2AuthorizationCodeGrantRequest request) {
		if (!Recorders.recording()) {
			return this.delegate.getTokenResponse(request);
		}
		long start = this.clock.millis();
		List<Fact> facts = new ArrayList<>(requestFacts(request));
		try {
			OAuth2AccessTokenResponse response = this.delegate.getTokenResponse(request);
			facts.addAll(responseFacts(response));
			Hop hop = hop(start, Hop.Status.OK, facts);
			Recorders.change((record) -> record.withHop(hop));
			return response;
		}
		catch (OAuth2AuthorizationException ex) {
			String code = ex.getError().getErrorCode();
			facts.add(new Fact("error", (code != null && SAFE_CODE.matcher(code).matches()) ? code : "unknown"));
			Hop hop = hop(start, Hop.Status.FAILED, facts);
			Recorders.change((record) -> record.withHop(hop));
			throw ex;
		}
	}

	private Hop hop(long start, Hop.Status status, List<Fact> facts) {
		return new Hop(Step.TOKEN_REQUEST, start, this.clock.millis() - start, status, Hop.Source.APP,
				Hop.Correlation.RECORDED, facts, null);
	}

	static List<Fact> requestFacts(OAuth2AuthorizationCodeGrantRequest request) {
		ClientRegistration registration = request.getClientRegistration();
		List<Fact> facts = new ArrayList<>();
		facts.add(new Fact("endpoint", "POST " + registration.getProviderDetails().getTokenUri()));
		facts.add(new Fact("grant_type", request.getGrantType().getValue()));
		facts.add(new Fact("client_authentication", registration.getClientAuthenticationMethod().getValue()));
		facts.add(new Fact("code",
				Mask.value("code", request.getAuthorizationExchange().getAuthorizationResponse().getCode())));
		facts.add(new Fact("redirect_uri",
				request.getAuthorizationExchange().getAuthorizationRequest().getRedirectUri()));
		String verifier = (String) request.getAuthorizationExchange()
			.getAuthorizationRequest()
			.getAttribute("code_verifier");
		if (verifier != null) {
			facts.add(new Fact("code_verifier", Mask.value("code_verifier", verifier)));
		}
		return facts;
	}

	static List<Fact> responseFacts(OAuth2AccessTokenResponse response) {
		List<String> tokens = new ArrayList<>();
		if (response.getAdditionalParameters().containsKey(OidcParameterNames.ID_TOKEN)) {
			tokens.add("id_token");
		}
		tokens.add("access_token");
		if (response.getRefreshToken() != null) {
			tokens.add("refresh_token");
		}
		List<Fact> facts = new ArrayList<>();
		facts.add(new Fact("tokens", String.join(", ", tokens)));
		facts.add(new Fact("token_type", response.getAccessToken().getTokenType().getValue()));
		if (response.getAccessToken().getIssuedAt() != null && response.getAccessToken().getExpiresAt() != null) {
			facts.add(new Fact("expires_in",
					String.valueOf(Duration
						.between(response.getAccessToken().getIssuedAt(), response.getAccessToken().getExpiresAt())
						.toSeconds())));
		}
		if (!response.getAccessToken().getScopes().isEmpty()) {
			facts.add(new Fact("scope", String.join(" ", response.getAccessToken().getScopes())));
		}
		return facts;
	}

}

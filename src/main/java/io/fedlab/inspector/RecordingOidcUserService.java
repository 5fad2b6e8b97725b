package io.fedlab.inspector;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.AuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Spring's {@code OidcUserService}, unchanged, with the user-info call recorded: its
 * method (GET with a Bearer header unless the provider says form), time, and the claim
 * names that came back. It runs only after Spring checked the ID token's {@code nonce},
 * so reaching it means the nonce matched.
 */
final class RecordingOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private final OAuth2UserService<OidcUserRequest, OidcUser> delegate;

	private final Clock clock;

	RecordingOidcUserService(OAuth2UserService<OidcUserRequest, OidcUser> delegate, Clock clock) {
		this.delegate = delegate;
		this.clock = clock;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		if (!Recorders.recording()) {
			return this.delegate.loadUser(request);
		}
		Recorders.change((record) -> record.withChanged(Step.ID_TOKEN_CHECKS,
				(hop) -> hop.withFact("nonce", "matches the one sent")));
		long start = this.clock.millis();
		List<Fact> facts = new ArrayList<>();
		facts.add(new Fact("endpoint", endpoint(request.getClientRegistration())));
		try {
			OidcUser user = this.delegate.loadUser(request);
			if (user.getUserInfo() != null) {
				facts
					.add(new Fact("claims", String.join(", ", new TreeSet<>(user.getUserInfo().getClaims().keySet()))));
				facts.add(new Fact("sub", "matches the ID token's sub"));
			}
			else {
				facts.add(new Fact("skipped", "no user-info call for these scopes"));
			}
			Hop hop = new Hop(Step.USER_INFO, start, this.clock.millis() - start, Hop.Status.OK, Hop.Source.APP,
					Hop.Correlation.RECORDED, facts, null);
			Recorders.change((record) -> record.withHop(hop));
			return user;
		}
		catch (OAuth2AuthenticationException ex) {
			facts.add(new Fact("error", ex.getError().getErrorCode()));
			Hop hop = new Hop(Step.USER_INFO, start, this.clock.millis() - start, Hop.Status.FAILED, Hop.Source.APP,
					Hop.Correlation.RECORDED, facts, null);
			Recorders.change((record) -> record.withHop(hop));
			throw ex;
		}
	}

	static String endpoint(ClientRegistration registration) {
		ClientRegistration.ProviderDetails.UserInfoEndpoint userInfo = registration.getProviderDetails()
			.getUserInfoEndpoint();
		boolean form = AuthenticationMethod.FORM.equals(userInfo.getAuthenticationMethod());
		return (form ? "POST " : "GET ") + userInfo.getUri()
				+ (form ? " (access_token in the body)" : " (Authorization: Bearer)");
	}

}

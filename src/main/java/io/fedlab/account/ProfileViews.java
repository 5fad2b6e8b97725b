package io.fedlab.account;

import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONArrayUtils;
import io.fedlab.cognito.UserPoolProfile;

import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Builds {@link ProfileView}s.
 */
final class ProfileViews {

	private ProfileViews() {
	}

	static ProfileView of(OidcUser user, OAuth2AuthorizedClient client, UserPoolProfile userPool, String userPoolError,
			String tokensError, Instant now, boolean showRaw) {
		List<TokenView> tokens = new ArrayList<>();
		tokens.add(TokenInspector.inspect("id", user.getIdToken().getTokenValue(), now, showRaw));
		if (client != null) {
			tokens.add(TokenInspector.inspect("access", client.getAccessToken().getTokenValue(), now, showRaw));
			if (client.getRefreshToken() != null) {
				tokens.add(TokenInspector.inspect("refresh", client.getRefreshToken().getTokenValue(), now, showRaw));
			}
		}
		List<String> groups = user.getClaimAsStringList("cognito:groups");
		return new ProfileView(user.getClaimAsString("cognito:username"), user.getSubject(), user.getEmail(),
				user.getEmailVerified(), (groups != null) ? groups : List.of(), identities(user.getClaim("identities")),
				tokens, userPool, userPoolError, tokensError);
	}

	/**
	 * The ID token's {@code identities}: an array of objects whose members are all
	 * strings ({@code "primary":"true"}, {@code "dateCreated":"1611595951465"} in epoch
	 * ms; emulated-behaviour.md §C4.1). Also accepts the profile attribute's shape (a
	 * JSON string with a boolean and a number: §C1.4).
	 */
	static List<ProfileView.IdentityView> identities(Object claim) {
		List<?> entries;
		if (claim instanceof List<?> list) {
			entries = list;
		}
		else if (claim instanceof String json) {
			try {
				entries = JSONArrayUtils.parse(json);
			}
			catch (ParseException ex) {
				return List.of();
			}
		}
		else {
			return List.of();
		}
		List<ProfileView.IdentityView> identities = new ArrayList<>();
		for (Object entry : entries) {
			if (entry instanceof Map<?, ?> identity) {
				Instant linked = TokenInspector.instant(identity.get("dateCreated"), true);
				identities.add(new ProfileView.IdentityView(string(identity.get("providerName")),
						string(identity.get("providerType")), string(identity.get("userId")),
						"true".equals(String.valueOf(identity.get("primary"))),
						(linked != null) ? Durations.time(linked) : null));
			}
		}
		return identities;
	}

	private static String string(Object value) {
		return (value != null) ? value.toString() : null;
	}

}

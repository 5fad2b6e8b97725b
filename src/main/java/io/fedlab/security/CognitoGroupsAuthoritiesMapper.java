package io.fedlab.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.util.StringUtils;

/**
 * Adds {@code ROLE_<group>} for every entry of the ID token's {@code cognito:groups}
 * (always an array, and it includes the automatic {@code <poolId>_<ProviderName>} group:
 * emulated-behaviour.md §C4.1, §C9 fact 7) and keeps the authorities Spring derived.
 * Registered as a bean, so Spring uses it both at sign-in and in
 * {@code OidcAuthorizedClientRefreshedEventListener} after a refresh.
 */
final class CognitoGroupsAuthoritiesMapper implements GrantedAuthoritiesMapper {

	static final String GROUPS_CLAIM = "cognito:groups";

	static final String ROLE_PREFIX = "ROLE_";

	@Override
	public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
		Set<GrantedAuthority> mapped = new LinkedHashSet<>(authorities);
		for (GrantedAuthority authority : authorities) {
			if (authority instanceof OidcUserAuthority oidc) {
				for (String group : groups(oidc)) {
					mapped.add(new SimpleGrantedAuthority(ROLE_PREFIX + group));
				}
			}
		}
		return mapped;
	}

	private static List<String> groups(OidcUserAuthority authority) {
		List<String> groups = authority.getIdToken().getClaimAsStringList(GROUPS_CLAIM);
		return (groups != null) ? groups.stream().filter(StringUtils::hasText).toList() : List.of();
	}

}

package io.fedlab.security;

import java.util.Collection;
import java.util.List;

import io.fedlab.support.TestIdTokens;
import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

import static org.assertj.core.api.Assertions.assertThat;

class CognitoGroupsAuthoritiesMapperTests {

	private final CognitoGroupsAuthoritiesMapper mapper = new CognitoGroupsAuthoritiesMapper();

	@Test
	void mapWhenCognitoGroupsThenRolePerGroupIncludingTheAutomaticProviderGroup() {
		// emulated-behaviour.md §C9 fact 7: the auto group <poolId>_<ProviderName> is in
		// cognito:groups too
		Collection<? extends GrantedAuthority> mapped = map("admins", TestIdTokens.AUTO_GROUP);
		assertThat(AuthorityUtils.authorityListToSet(mapped)).contains("ROLE_admins", "ROLE_" + TestIdTokens.AUTO_GROUP,
				"OIDC_USER");
	}

	@Test
	void mapWhenNoGroupsClaimThenOnlyTheOriginalAuthorities() {
		OidcUserAuthority authority = new OidcUserAuthority(
				TestIdTokens.oidcIdToken(TestIdTokens.idToken().claim("cognito:groups", null).build()));
		assertThat(List.<GrantedAuthority>copyOf(this.mapper.mapAuthorities(List.of(authority))))
			.containsExactly(authority);
	}

	@Test
	void mapWhenOtherAuthoritiesThenKept() {
		SimpleGrantedAuthority scope = new SimpleGrantedAuthority("SCOPE_openid");
		assertThat(List.<GrantedAuthority>copyOf(this.mapper.mapAuthorities(List.of(scope)))).containsExactly(scope);
	}

	@Test
	void mapWhenBlankGroupThenIgnored() {
		assertThat(AuthorityUtils.authorityListToSet(map("readers", " "))).doesNotContain("ROLE_ ", "ROLE_")
			.contains("ROLE_readers");
	}

	private Collection<? extends GrantedAuthority> map(String... groups) {
		OidcUserAuthority authority = new OidcUserAuthority(
				TestIdTokens.oidcIdToken(TestIdTokens.withGroups(TestIdTokens.idToken(), groups).build()));
		return this.mapper.mapAuthorities(List.of(authority));
	}

}

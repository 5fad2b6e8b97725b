package io.fedlab.localidp.cognito.oauth;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONArrayUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.fedlab.localidp.cognito.state.CognitoStore;
import io.fedlab.localidp.cognito.state.IdGenerator;
import io.fedlab.localidp.cognito.state.IdentityProvider;
import io.fedlab.localidp.cognito.state.PoolUser;
import io.fedlab.localidp.cognito.state.UserPool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FederatedUsersTests {

	CognitoStore store;

	UserPool pool;

	IdentityProvider idp;

	@BeforeEach
	void pool() {
		this.store = new CognitoStore("eu-west-1", "123456789012", IdGenerator.random());
		this.pool = this.store.createPool(TestCognitoPools.pool("eu-west-1", "eu-west-1_AbC123xyZ"));
		this.idp = TestCognitoPools.auth0(this.pool.id(), "http://localhost:1", "c", "s");
		this.store.putGroup(this.pool, new io.fedlab.localidp.cognito.state.Group(this.pool.id(), "admins",
				"Administrators", null, 1, Instant.now(), Instant.now()));
		this.store.addGroupForNewUser(this.pool.id(), "Jane@Example.com", "admins");
	}

	@Test
	void signInWhenFirstTimeThenUserCreatedWithIdentitiesAndGroups() throws Exception {
		FederatedUsers users = new FederatedUsers(this.store, HostedUiOptions.defaults(), Clock.systemUTC());
		PoolUser user = users.signIn(this.pool, client(), this.idp, claims("auth0|65F0ab", "jane@example.com"));
		// Fact 7: lowercased in a pool that is not case-sensitive, IdP sub included.
		assertThat(user.username()).isEqualTo("auth0_auth0|65f0ab");
		assertThat(user.userStatus()).isEqualTo("EXTERNAL_PROVIDER");
		assertThat(user.sub()).matches("[0-9a-f-]{36}");
		// email_verified only because it is mapped (emulated-behaviour.md §C7.5).
		assertThat(user.attribute("email_verified")).isEqualTo("true");
		// Fact 6: boolean primary, numeric dateCreated, null issuer in the profile.
		Map<?, ?> identity = (Map<?, ?>) JSONArrayUtils.parse(user.attribute("identities")).get(0);
		assertThat(identity.get("primary")).isEqualTo(Boolean.TRUE);
		assertThat(identity.get("dateCreated")).isInstanceOf(Number.class);
		assertThat(identity.containsKey("issuer")).isTrue();
		assertThat(identity.get("issuer")).isNull();
		assertThat(identity.get("userId")).isEqualTo("auth0|65F0ab");
		assertThat(this.pool.groupsOf(user.username())).containsExactlyInAnyOrder("eu-west-1_AbC123xyZ_Auth0",
				"admins");
	}

	@Test
	void signInWhenPoolCaseSensitiveThenCaseKept() throws Exception {
		// emulated-behaviour.md §C9 fact 7.
		FederatedUsers users = new FederatedUsers(this.store,
				HostedUiOptions.defaults().withLowercaseFederatedUsernames(false), Clock.systemUTC());
		PoolUser user = users.signIn(this.pool, client(), this.idp, claims("auth0|65F0ab", "jane@example.com"));
		assertThat(user.username()).isEqualTo("Auth0_auth0|65F0ab");
	}

	@Test
	void signInWhenSecondTimeThenSubKeptAndMappedAttributesRewritten() throws Exception {
		FederatedUsers users = new FederatedUsers(this.store, HostedUiOptions.defaults(), Clock.systemUTC());
		PoolUser first = users.signIn(this.pool, client(), this.idp, claims("auth0|1", "jane@example.com"));
		Map<String, Object> claims = claims("auth0|1", "jane.new@example.com");
		claims.remove("name");
		PoolUser second = users.signIn(this.pool, client(), this.idp, claims);
		assertThat(second.sub()).isEqualTo(first.sub());
		assertThat(second.attribute("email")).isEqualTo("jane.new@example.com");
		// A claim missing from this sign-in does not delete the stored value.
		assertThat(second.attribute("name")).isEqualTo("Jane");
		assertThat(second.attribute("identities")).isEqualTo(first.attribute("identities"));
	}

	@Test
	void signInWhenRequiredAttributesMissingThenAttributesRequired() {
		FederatedUsers users = new FederatedUsers(this.store, HostedUiOptions.defaults(), Clock.systemUTC());
		Map<String, Object> claims = claims("auth0|2", null);
		assertThatExceptionOfType(FederationException.class)
			.isThrownBy(() -> users.signIn(this.pool, client(), this.idp, claims))
			.satisfies((ex) -> assertThat(ex.description()).isEqualTo("attributes required: [email]"));
		assertThat(Urls.form(Map.of("error_description", "attributes required: [given_name, family_name]")))
			.isEqualTo("error_description=attributes+required%3A+%5Bgiven_name%2C+family_name%5D");
	}

	@Test
	void identitiesWhenWrittenThenJsonWithNullIssuer() {
		String json = FederatedUsers.identities(this.idp, "auth0|x", Instant.ofEpochMilli(1620096467207L));
		assertThat(json).isEqualTo(
				"[{\"userId\":\"auth0|x\",\"providerName\":\"Auth0\",\"providerType\":\"OIDC\",\"issuer\":null,\"primary\":true,\"dateCreated\":1620096467207}]");
	}

	private io.fedlab.localidp.cognito.state.AppClient client() {
		return TestCognitoPools.client(this.pool.id(), "client", "secret");
	}

	private static Map<String, Object> claims(String sub, String email) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("sub", sub);
		if (email != null) {
			claims.put("email", email);
		}
		claims.put("email_verified", true);
		claims.put("name", "Jane");
		claims.put("aud", List.of("c"));
		return claims;
	}

}

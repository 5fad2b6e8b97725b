package io.fedlab.localidp.auth0;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.fedlab.localidp.signing.KeyRing;

import static org.assertj.core.api.Assertions.assertThat;

class Auth0TokensTests {

	private static final byte[] KEY = new byte[32];

	private final Auth0Tokens tokens = new Auth0Tokens("http://localhost:9240/",
			KeyRing.load(null, "auth0-signing", 2, KeyRing.KidStyle.AUTH0), KEY);

	@Test
	void accessTokenWhenReadBackThenClaimsAndExpiry() {
		Instant now = Instant.parse("2025-08-15T08:52:38Z");
		String token = this.tokens.accessToken("auth0|0123456789abcdef01234567", "client", List.of("openid", "email"),
				"sid", now);

		Auth0Tokens.AccessToken read = this.tokens.readAccessToken(token, now.plusSeconds(10));
		assertThat(read).isNotNull();
		assertThat(read.userId()).isEqualTo("auth0|0123456789abcdef01234567");
		assertThat(read.scopes()).containsExactly("openid", "email");
		assertThat(read.expired()).isFalse();
		assertThat(this.tokens.readAccessToken(token, now.plusSeconds(86400)).expired()).isTrue();
	}

	@Test
	void accessTokenWhenEncryptedWithAnotherTenantKeyThenUnreadable() {
		byte[] other = new byte[32];
		other[0] = 1;
		Auth0Tokens forger = new Auth0Tokens("http://localhost:9240/",
				KeyRing.load(null, "auth0-signing", 2, KeyRing.KidStyle.AUTH0), other);
		String forged = forger.accessToken("auth0|0123456789abcdef01234567", "client", List.of("openid"), "sid",
				Instant.now());

		assertThat(this.tokens.readAccessToken(forged, Instant.now())).isNull();
	}

}

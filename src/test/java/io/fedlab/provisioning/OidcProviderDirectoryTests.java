package io.fedlab.provisioning;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OidcProviderDirectoryTests {

	@Test
	void hostWhenOidcProviderArnThenItsHostLowercaseWithoutPath() {
		assertThat(OidcProviderDirectory.host("arn:aws:iam::123456789012:oidc-provider/Dev-X.us.auth0.com"))
			.isEqualTo("dev-x.us.auth0.com");
		assertThat(OidcProviderDirectory.host("arn:aws:iam::123456789012:oidc-provider/example.com/tenant/"))
			.isEqualTo("example.com");
	}

	@Test
	void hostWhenNotAnOidcProviderArnThenNull() {
		assertThat(OidcProviderDirectory.host("arn:aws:iam::123456789012:saml-provider/x")).isNull();
		assertThat(OidcProviderDirectory.host(null)).isNull();
	}

}

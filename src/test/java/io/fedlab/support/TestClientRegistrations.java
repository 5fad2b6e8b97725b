package io.fedlab.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The {@code cognito} registration as discovery would produce it for the values in
 * {@code application-slice.yml}, without a discovery call.
 */
public final class TestClientRegistrations {

	public static final String ISSUER = "http://localhost:9229/us-east-1_TestPool1";

	public static final String DOMAIN = "http://localhost:9230";

	public static final String CLIENT_ID = "testclient123";

	private TestClientRegistrations() {
	}

	public static ClientRegistration.Builder clientRegistration() {
		return ClientRegistration.withRegistrationId("cognito")
			.clientName("Amazon Cognito")
			.clientId(CLIENT_ID)
			.clientSecret("test-secret")
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("http://localhost:8080/login/oauth2/code/cognito")
			.scope("openid", "email", "profile", "aws.cognito.signin.user.admin")
			.authorizationUri(DOMAIN + "/oauth2/authorize")
			.tokenUri(DOMAIN + "/oauth2/token")
			.userInfoUri(DOMAIN + "/oauth2/userInfo")
			.userNameAttributeName("sub")
			.jwkSetUri(ISSUER + "/.well-known/jwks.json")
			.issuerUri(ISSUER);
	}

	/**
	 * Replaces Boot's discovery-backed repository in slice tests.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	public static class RepositoryConfiguration {

		@Bean
		ClientRegistrationRepository clientRegistrationRepository() {
			return new InMemoryClientRegistrationRepository(clientRegistration().build());
		}

	}

}

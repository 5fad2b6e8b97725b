package io.fedlab.session;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.fedlab.inspector.FlowRecord;
import io.fedlab.inspector.TestFlowRecords;
import io.fedlab.security.RefreshOutcome;
import io.fedlab.security.SignInProblem;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.serializer.GenericJacksonJsonRedisSerializer;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.web.servlet.FlashMap;

import static org.assertj.core.api.Assertions.assertThat;

class SessionJsonTests {

	static final ClientRegistration registration = ClientRegistration.withRegistrationId("cognito")
		.clientId("client")
		.clientSecret("secret")
		.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
		.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
		.redirectUri("http://localhost:8080/login/oauth2/code/cognito")
		.authorizationUri("http://localhost:9230/oauth2/authorize")
		.tokenUri("http://localhost:9230/oauth2/token")
		.build();

	final GenericJacksonJsonRedisSerializer serializer = SessionJson.serializer(getClass().getClassLoader(),
			() -> new InMemoryClientRegistrationRepository(registration));

	@Test
	void authorizationRequestWhenRoundTrippedThenStateNonceAndVerifierKept() {
		OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri("http://localhost:9230/oauth2/authorize")
			.clientId("client")
			.redirectUri("http://localhost:8080/login/oauth2/code/cognito")
			.scopes(Set.of("openid", "email"))
			.state("the-state")
			.additionalParameters(Map.of("nonce", "hashed-nonce", "code_challenge", "challenge",
					"code_challenge_method", "S256", "identity_provider", "Auth0"))
			.attributes(Map.of("registration_id", "cognito", "nonce", "the-nonce", "code_verifier", "the-verifier"))
			.build();
		Map<String, OAuth2AuthorizationRequest> attribute = new HashMap<>(Map.of("the-state", request));

		Object back = roundTrip(attribute);

		assertThat(back).isInstanceOf(Map.class);
		OAuth2AuthorizationRequest read = (OAuth2AuthorizationRequest) ((Map<?, ?>) back).get("the-state");
		assertThat(read.getState()).isEqualTo("the-state");
		assertThat(read.<String>getAttribute("nonce")).isEqualTo("the-nonce");
		assertThat(read.<String>getAttribute("code_verifier")).isEqualTo("the-verifier");
		assertThat(read.getAdditionalParameters()).containsEntry("identity_provider", "Auth0");
	}

	@Test
	void securityContextAndAuthorizedClientWhenRoundTrippedThenUserAndTokensKept() throws Exception {
		Instant now = Instant.now();
		OidcIdToken idToken = OidcIdToken.withTokenValue("id-token")
			// as Spring's ID token decoder converts it
			.claim("iss", URI.create("http://localhost:9229/us-east-1_Pool").toURL())
			.subject("sub-1")
			.audience(List.of("client"))
			.issuedAt(now)
			.expiresAt(now.plusSeconds(3600))
			.claim("email", "alice@example.com")
			.claim("cognito:groups", List.of("admins"))
			.build();
		DefaultOidcUser user = new DefaultOidcUser(
				List.of(new OidcUserAuthority(idToken), new SimpleGrantedAuthority("ROLE_admins")), idToken);
		SecurityContextImpl context = new SecurityContextImpl(
				new OAuth2AuthenticationToken(user, user.getAuthorities(), "cognito"));
		OAuth2AuthorizedClient client = new OAuth2AuthorizedClient(registration, "sub-1",
				new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access", now, now.plusSeconds(3600),
						Set.of("openid")),
				new OAuth2RefreshToken("refresh", now));
		Map<String, OAuth2AuthorizedClient> clients = new HashMap<>(Map.of("cognito", client));

		SecurityContextImpl readContext = (SecurityContextImpl) roundTrip(context);
		Object readClients = roundTrip(clients);

		// the registration is stored by id: the client secret never reaches Redis
		assertThat(new String(this.serializer.serialize(clients), StandardCharsets.UTF_8)).doesNotContain("secret")
			.contains("\"clientRegistration\":{\"@class\":\"" + ClientRegistration.class.getName()
					+ "\",\"registrationId\":\"cognito\"}");
		assertThat(readContext.getAuthentication().getName()).isEqualTo("sub-1");
		assertThat(((DefaultOidcUser) readContext.getAuthentication().getPrincipal()).getIssuer())
			.isEqualTo(idToken.getIssuer());
		assertThat(readContext.getAuthentication().getAuthorities()).extracting("authority").contains("ROLE_admins");
		OAuth2AuthorizedClient readClient = (OAuth2AuthorizedClient) ((Map<?, ?>) readClients).get("cognito");
		assertThat(readClient.getRefreshToken().getTokenValue()).isEqualTo("refresh");
		assertThat(readClient.getAccessToken().getTokenValue()).isEqualTo("access");
		assertThat(readClient.getClientRegistration()).isSameAs(registration);
	}

	@Test
	void appAttributesWhenRoundTrippedThenEqual() {
		SignInProblem problem = new SignInProblem("provider-error", "invalid_request", List.of("Auth0", "401"));
		FlashMap flash = new FlashMap();
		flash.put("refresh", new RefreshOutcome(RefreshOutcome.Status.KEPT_REFRESH_TOKEN, null));
		List<FlashMap> flashMaps = new CopyOnWriteArrayList<>(List.of(flash));

		assertThat(roundTrip(problem)).isEqualTo(problem);
		assertThat(roundTrip(flashMaps)).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.singleElement()
			.satisfies((map) -> assertThat(((Map<?, ?>) map).get("refresh"))
				.isEqualTo(new RefreshOutcome(RefreshOutcome.Status.KEPT_REFRESH_TOKEN, null)));
	}

	@Test
	void flowRecordWhenRoundTrippedThenEqualWithEveryHopAndFingerprint() {
		FlowRecord signedIn = TestFlowRecords.signedIn();
		FlowRecord failed = TestFlowRecords.failed();

		String json = new String(this.serializer.serialize(signedIn), StandardCharsets.UTF_8);

		assertThat(json).startsWith("{\"@class\":\"io.fedlab.inspector.FlowRecord\"")
			.contains("\"step\":\"TOKEN_REQUEST\"", "\"codeFingerprint\":")
			// masked when recorded: neither the code nor the state is stored
			.doesNotContain("the-authorization-code", "the-state-value-of-the-app");
		assertThat(roundTrip(signedIn)).isEqualTo(signedIn);
		assertThat(signedIn.hops()).hasSize(5);
		// the explanation next to the failed hop comes back as the typed record it is
		assertThat(roundTrip(failed)).isEqualTo(failed);
		assertThat(failed.hops()).extracting("problem")
			.filteredOn((problem) -> problem != null)
			.singleElement()
			.isEqualTo(new SignInProblem("invalid-grant", "invalid_grant", List.of()));
	}

	@Test
	void savedRequestAndCsrfTokenWhenRoundTrippedThenKept() {
		DefaultSavedRequest saved = new DefaultSavedRequest.Builder().setScheme("http")
			.setServerName("localhost")
			.setServerPort(8080)
			.setRequestURI("/admin")
			.setServletPath("/admin")
			.setQueryString("tab=users")
			.setMethod("GET")
			.build();
		DefaultCsrfToken csrf = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "token-value");

		assertThat(((DefaultSavedRequest) roundTrip(saved)).getRedirectUrl())
			.isEqualTo("http://localhost:8080/admin?tab=users");
		assertThat(((DefaultCsrfToken) roundTrip(csrf)).getToken()).isEqualTo("token-value");
	}

	@Test
	void sessionMetadataWhenRoundTrippedThenNumberTypesKept() {
		assertThat(roundTrip(1_700_000_000_000L)).isEqualTo(1_700_000_000_000L);
		assertThat(roundTrip(1800)).isEqualTo(1800);
	}

	@Test
	void deserializeWhenClassOutsideTheAllowListThenAbsentAndNeverInstantiated() {
		LenientSessionSerializer lenient = new LenientSessionSerializer(this.serializer);
		byte[] json = "[\"java.lang.ProcessBuilder\",{\"command\":[\"touch\",\"/tmp/pwned\"]}]"
			.getBytes(StandardCharsets.UTF_8);

		assertThat(lenient.deserialize(json)).isNull();
		assertThat(lenient.deserialize(this.serializer.serialize(new SignInProblem("none", "none", List.of()))))
			.isEqualTo(new SignInProblem("none", "none", List.of()));
	}

	@Test
	void deserializeWhenTheRootClassNameIsOutsideTheAllowListThenAbsentAndNeverInstantiated() {
		LenientSessionSerializer lenient = new LenientSessionSerializer(this.serializer);
		byte[] json = ("{\"@class\":\"" + Instantiated.class.getName() + "\",\"value\":\"x\"}")
			.getBytes(StandardCharsets.UTF_8);

		assertThat(lenient.deserialize(json)).isNull();
		assertThat(Instantiated.constructed).isFalse();
	}

	@Test
	void deserializeWhenTheRootClassCarriesItsOwnTypeInfoButIsOutsideTheAllowListThenAbsent() {
		LenientSessionSerializer lenient = new LenientSessionSerializer(this.serializer);
		byte[] json = ("{\"@class\":\"" + SelfTyped.class.getName() + "\",\"value\":\"x\"}")
			.getBytes(StandardCharsets.UTF_8);

		assertThat(lenient.deserialize(json)).isNull();
	}

	@Test
	void serializeWhenValueIsNotJsonFriendlyThenNotStoredAndReadAsAbsent() {
		LenientSessionSerializer lenient = new LenientSessionSerializer(this.serializer);

		byte[] stored = lenient.serialize(new Unwritable());

		assertThat(stored).isEmpty();
		assertThat(lenient.deserialize(stored)).isNull();
	}

	/**
	 * Stands for a class that does harm when constructed or given a property, as the
	 * known Jackson gadget classes do.
	 */
	public static class Instantiated {

		static volatile boolean constructed;

		public Instantiated() {
			constructed = true;
		}

		public void setValue(String value) {
			constructed = true;
		}

	}

	/**
	 * A type that names its class in its JSON, as the app's records do through their
	 * mix-in and Spring Security's types through theirs, yet is not allowed.
	 *
	 * @param value anything
	 */
	@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
	public record SelfTyped(String value) {
	}

	/** A getter that fails, as JSON serialization meets it. */
	static class Unwritable {

		public String getValue() {
			throw new IllegalStateException("not now");
		}

	}

	private Object roundTrip(Object value) {
		byte[] json = this.serializer.serialize(value);
		return this.serializer.deserialize(json);
	}

}

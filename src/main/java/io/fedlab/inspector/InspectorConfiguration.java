package io.fedlab.inspector;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.fedlab.cognito.Auth0Properties;
import io.fedlab.cognito.CognitoProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;

/**
 * The flow inspector ("What just happened"). The security configuration applies the
 * token-client, user-service and ID-token decoder wrappers below; each is Spring's
 * default, wrapped to record the call and changed in nothing else. The recording filter
 * runs just before Spring Security's filter chain.
 */
@Configuration(proxyBeanMethods = false)
class InspectorConfiguration {

	/** Just before Spring Security's chain (Boot registers it at -100). */
	static final int FILTER_ORDER = -101;

	private final Clock clock = Clock.systemUTC();

	@Bean
	LogoutRecords flowLogoutRecords() {
		return new LogoutRecords(this.clock);
	}

	@Bean
	FilterRegistrationBean<FlowRecordingFilter> flowRecordingFilter(LogoutRecords flowLogoutRecords) {
		FilterRegistrationBean<FlowRecordingFilter> registration = new FilterRegistrationBean<>(
				new FlowRecordingFilter(flowLogoutRecords, this.clock));
		registration.setOrder(FILTER_ORDER);
		registration.addUrlPatterns("/*");
		return registration;
	}

	@Bean
	FlowViews flowViews(LogoutRecords flowLogoutRecords, MessageSource messages, CognitoProperties cognito,
			Auth0Properties auth0, @Value("${local.enabled:false}") boolean local) {
		return new FlowViews(local ? journals(cognito, auth0) : null, flowLogoutRecords, messages, this.clock);
	}

	/**
	 * The emulators' base URLs, from the app's own settings (never from the emulators'
	 * classes).
	 */
	static Journals journals(CognitoProperties cognito, Auth0Properties auth0) {
		Map<Hop.Source, String> bases = new EnumMap<>(Hop.Source.class);
		if (cognito.domain() != null) {
			bases.put(Hop.Source.COGNITO, cognito.domainBase());
		}
		if (cognito.apiEndpoint() != null) {
			bases.put(Hop.Source.COGNITO_API, strip(cognito.apiEndpoint().toString()));
		}
		if (auth0.domain() != null) {
			bases.put(Hop.Source.AUTH0, auth0.domainBase());
		}
		return new Journals(bases);
	}

	private static String strip(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	/**
	 * Wraps Spring's code-grant token client where the security configuration builds it,
	 * innermost, so the recorded response is Cognito's own (no {@code scope} member).
	 */
	@Bean
	UnaryOperator<OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest>> recordingTokenCalls() {
		return (client) -> new RecordingTokenResponseClient(client, this.clock);
	}

	/** Wraps the OIDC user service that the security configuration builds. */
	@Bean
	UnaryOperator<OAuth2UserService<OidcUserRequest, OidcUser>> recordingUserInfoCalls() {
		return (service) -> new RecordingOidcUserService(service, this.clock);
	}

	/** Wraps the ID-token decoder factory that the security configuration builds. */
	@Bean
	UnaryOperator<JwtDecoderFactory<ClientRegistration>> recordingIdTokenChecks() {
		return (factory) -> new RecordingIdTokenDecoderFactory(factory, this.clock);
	}

}

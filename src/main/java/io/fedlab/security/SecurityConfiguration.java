package io.fedlab.security;

import java.net.URI;
import java.util.List;
import java.time.Clock;
import java.util.function.UnaryOperator;

import io.fedlab.cognito.AppProperties;
import io.fedlab.cognito.Auth0Properties;
import io.fedlab.cognito.CognitoCalls;
import io.fedlab.cognito.CognitoProperties;
import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.AuthorizationCodeOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.DelegatingOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.RefreshTokenOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.HeaderWriterLogoutHandler;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ClearSiteDataHeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;
import org.springframework.security.web.header.writers.ClearSiteDataHeaderWriter.Directive;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The one {@link SecurityFilterChain}: {@code oauth2Login} against the Cognito
 * registration, groups as roles, the logout round trip, and the headers Spring does not
 * send by default (emulated-behaviour.md §R3).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ CognitoProperties.class, Auth0Properties.class, AppProperties.class })
class SecurityConfiguration {

	static final String SIGN_IN_PAGE = "/signin";

	static final String ACCESS_DENIED_PAGE = "/access-denied";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientRepository authorizedClients, CognitoProperties cognito, Auth0Properties auth0,
			AppProperties app, CognitoCalls cognitoCalls,
			@Value("${server.servlet.session.cookie.name:FEDLAB_SESSION}") String sessionCookie,
			@Value("${server.servlet.session.cookie.secure:false}") boolean secureCookie,
			RevocationRetry revocationRetry) {
		AccessDeniedHandlerImpl accessDenied = new AccessDeniedHandlerImpl();
		accessDenied.setErrorPage(ACCESS_DENIED_PAGE);
		// @formatter:off
		http
			.authorizeHttpRequests((authorize) -> authorize
				/* the friendly 403 page is a forward; error pages are ERROR dispatches */
				.dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
				.requestMatchers("/", SIGN_IN_PAGE, SignInFailureHandler.FAILURE_URL, "/logged-out", "/setup",
						"/css/**", "/js/**", "/favicon.ico", "/error").permitAll()
				/* the flow inspector shows only the caller's own record: their session's, or the logout cookie's */
				.requestMatchers("/flow", "/flow.json").permitAll()
				/* a known registration is redirected before this rule; an unknown one ends as 404, not a sign-in */
				.requestMatchers("/oauth2/authorization/**").permitAll()
				.requestMatchers("/admin", "/admin/**").hasRole(app.adminGroup())
				.anyRequest().authenticated()
			)
			.oauth2Login((login) -> login
				/* our own page with a button: with one registration Spring would auto-redirect (ASVS 7.6.2) */
				.loginPage(SIGN_IN_PAGE)
				.authorizationEndpoint((endpoint) -> endpoint
					.authorizationRequestResolver(new CognitoAuthorizationRequestResolver(registrations, cognito))
					/* Spring's session repository, telling the failure handler about pending and used states */
					.authorizationRequestRepository(new SignInRequests())
				)
				.successHandler(new SignInSuccessHandler())
				.failureHandler(new SignInFailureHandler(new SignInErrorCatalogue(), cognitoCalls.settings(),
						secureCookie))
			)
			.logout((logout) -> logout
				/* POST with a CSRF token (Spring's default while CSRF is on) */
				.logoutUrl("/logout")
				.addLogoutHandler(new RefreshTokenRevoker(authorizedClients, revocationRetry))
				/* "cookies" is left out on purpose: it clears every cookie of the registrable domain, which on
				 * localhost includes the emulated Cognito and Auth0 sessions, and could include a custom Cognito
				 * domain in production; the chain must end those sessions itself */
				.addLogoutHandler(new HeaderWriterLogoutHandler(
						new ClearSiteDataHeaderWriter(Directive.CACHE, Directive.STORAGE)))
				.invalidateHttpSession(true)
				.clearAuthentication(true)
				.deleteCookies(sessionCookie)
				.logoutSuccessHandler(new CognitoLogoutSuccessHandler(new CognitoLogoutUrls(cognito, auth0, app)))
			)
			.sessionManagement((session) -> session
				/* a new session id at sign-in (ASVS 7.2.4); the default, pinned */
				.sessionFixation((fixation) -> fixation.changeSessionId())
			)
			.exceptionHandling((exceptions) -> exceptions
				/* a relative Location: Spring would make it absolute from the request's Host header */
				.authenticationEntryPoint(signInEntryPoint())
				.accessDeniedHandler(accessDenied)
			)
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp
					.policyDirectives(contentSecurityPolicy(cognito, auth0, app))
				)
				/* the callback URL carries the code: never leak it in a Referer (RFC 9700 §4.2.4) */
				.referrerPolicy((referrer) -> referrer
					.policy(ReferrerPolicy.NO_REFERRER)
				)
				.crossOriginOpenerPolicy((coop) -> coop
					.policy(CrossOriginOpenerPolicy.SAME_ORIGIN)
				)
				.frameOptions((frames) -> frames
					.deny()
				)
			);
		// @formatter:on
		return http.build();
	}

	/**
	 * The headers of {@link #securityFilterChain}'s {@code headers(…)} section, for error
	 * pages that Spring Security's header filter does not reach
	 * ({@link ErrorPageHeadersFilter}). A test compares the two on real pages.
	 */
	@Bean
	FilterRegistrationBean<ErrorPageHeadersFilter> errorPageHeadersFilter(CognitoProperties cognito,
			Auth0Properties auth0, AppProperties app) {
		FilterRegistrationBean<ErrorPageHeadersFilter> registration = new FilterRegistrationBean<>(
				new ErrorPageHeadersFilter(List.of(
						new ContentSecurityPolicyHeaderWriter(contentSecurityPolicy(cognito, auth0, app)),
						new XContentTypeOptionsHeaderWriter(), new XXssProtectionHeaderWriter(),
						new CacheControlHeadersWriter(), new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY),
						new ReferrerPolicyHeaderWriter(ReferrerPolicy.NO_REFERRER), crossOriginOpenerPolicy())));
		registration.setDispatcherTypes(DispatcherType.ERROR);
		registration.addUrlPatterns("/*");
		return registration;
	}

	private static CrossOriginOpenerPolicyHeaderWriter crossOriginOpenerPolicy() {
		CrossOriginOpenerPolicyHeaderWriter writer = new CrossOriginOpenerPolicyHeaderWriter();
		writer.setPolicy(CrossOriginOpenerPolicy.SAME_ORIGIN);
		return writer;
	}

	/**
	 * No inline script or style anywhere. {@code form-action} must list every origin a
	 * form's redirect chain passes through, because Chromium applies it to redirects
	 * after a form submission: logout is a POST to the app that 302s to Auth0, then to
	 * the Cognito domain, then back (ASVS 3.4.3, 3.4.6).
	 */
	static String contentSecurityPolicy(CognitoProperties cognito, Auth0Properties auth0, AppProperties app) {
		StringBuilder formAction = new StringBuilder("'self' ").append(origin(cognito.domain()));
		if (app.logout().mode() == AppProperties.LogoutMode.AUTH0_AND_COGNITO && auth0.domain() != null) {
			formAction.append(' ').append(origin(auth0.domain()));
		}
		return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
				+ "object-src 'none'; base-uri 'none'; form-action " + formAction + "; frame-ancestors 'none'";
	}

	private static LoginUrlAuthenticationEntryPoint signInEntryPoint() {
		LoginUrlAuthenticationEntryPoint entryPoint = new LoginUrlAuthenticationEntryPoint(SIGN_IN_PAGE);
		entryPoint.setFavorRelativeUris(true);
		return entryPoint;
	}

	static String origin(URI uri) {
		return UriComponentsBuilder.newInstance()
			.scheme(uri.getScheme())
			.host(uri.getHost())
			.port(uri.getPort())
			.build()
			.toUriString();
	}

	/** Used at logout and by the retry of a revocation that failed there. */
	@Bean
	RevocationEndpoint revocationEndpoint(CognitoProperties cognito, CognitoCalls cognitoCalls) {
		return new RevocationEndpoint(cognito, BackChannelClients.revocationEndpoint(cognitoCalls));
	}

	/**
	 * Authorized clients (the three tokens) live in the HTTP session, so they die with it
	 * at logout or expiry; Boot's default keeps them in memory keyed by principal name,
	 * beyond logout (emulated-behaviour.md §R3 item 8).
	 */
	@Bean
	OAuth2AuthorizedClientRepository authorizedClientRepository() {
		return new HttpSessionOAuth2AuthorizedClientRepository();
	}

	/**
	 * Spring's manager with the authorization-code and refresh-token providers: an
	 * expired access token is refreshed when a page asks for the client, and the refresh
	 * provider publishes {@code OAuth2AuthorizedClientRefreshedEvent} so Spring validates
	 * the new ID token and updates the principal (emulated-behaviour.md §R2). Declared
	 * here rather than left to Spring's registrar, which only registers one when it finds
	 * exactly one candidate of each repository.
	 */
	@Bean
	OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientRepository authorizedClients, ApplicationEventPublisher eventPublisher,
			ObjectProvider<OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest>> refreshTokenClient,
			ObjectProvider<Clock> clock) {
		RefreshTokenOAuth2AuthorizedClientProvider refreshToken = new RefreshTokenOAuth2AuthorizedClientProvider();
		/*
		 * the clock that decides "expired" (with Spring's 60 s skew); a test moves it
		 * forward
		 */
		refreshToken.setClock(clock.getIfAvailable(Clock::systemUTC));
		refreshToken.setAccessTokenResponseClient(
				refreshTokenClient.getIfUnique(RestClientRefreshTokenTokenResponseClient::new));
		refreshToken.setApplicationEventPublisher(eventPublisher);
		DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations,
				authorizedClients);
		manager.setAuthorizedClientProvider(new DelegatingOAuth2AuthorizedClientProvider(
				new AuthorizationCodeOAuth2AuthorizedClientProvider(), refreshToken));
		return manager;
	}

	/**
	 * The code-grant token client of {@code oauth2Login} (Spring picks the bean up):
	 * Spring's own, with the scopes Cognito leaves out of its token response
	 * ({@link RequestedScopesWhenOmitted}). Wrappers that observe the call (the flow
	 * inspector's) go inside, so they see Cognito's response as it came.
	 */
	@Bean
	OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> authorizationCodeTokenResponseClient(
			CognitoCalls cognitoCalls,
			ObjectProvider<UnaryOperator<OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest>>> wrappers) {
		RestClientAuthorizationCodeTokenResponseClient spring = new RestClientAuthorizationCodeTokenResponseClient();
		spring.setRestClient(BackChannelClients.tokenEndpoint(cognitoCalls));
		OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> client = spring;
		for (UnaryOperator<OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest>> wrapper : wrappers
			.orderedStream()
			.toList()) {
			client = wrapper.apply(client);
		}
		return RequestedScopesWhenOmitted.authorizationCode(client);
	}

	/**
	 * Picked up by {@code oauth2Login} (and the refreshed-token listener) as the
	 * {@code JwtDecoderFactory<ClientRegistration>} bean: the JWKS is fetched once, not
	 * per sign-in. Wrappers that observe the checks (the flow inspector's) go outside.
	 */
	@Bean
	JwtDecoderFactory<ClientRegistration> idTokenDecoderFactory(CognitoCalls cognitoCalls,
			ObjectProvider<UnaryOperator<JwtDecoderFactory<ClientRegistration>>> wrappers) {
		JwtDecoderFactory<ClientRegistration> factory = new CachingIdTokenDecoderFactory(
				BackChannelClients.keySet(cognitoCalls));
		for (UnaryOperator<JwtDecoderFactory<ClientRegistration>> wrapper : wrappers.orderedStream().toList()) {
			factory = wrapper.apply(factory);
		}
		return factory;
	}

	/**
	 * Used for refresh by the {@link OAuth2AuthorizedClientManager} and by
	 * {@link TokenRefresher} (see {@link RequestedScopesWhenOmitted}).
	 */
	@Bean
	OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> refreshTokenTokenResponseClient(
			CognitoCalls cognitoCalls) {
		RestClientRefreshTokenTokenResponseClient spring = new RestClientRefreshTokenTokenResponseClient();
		spring.setRestClient(BackChannelClients.tokenEndpoint(cognitoCalls));
		return RequestedScopesWhenOmitted.refreshToken(spring);
	}

	/**
	 * Picked up by {@code oauth2Login} as the OIDC user service: Spring's own, calling
	 * userInfo through the back-channel client. Wrappers that observe the call (the flow
	 * inspector's) go outside.
	 */
	@Bean
	OAuth2UserService<OidcUserRequest, OidcUser> oidcUserService(CognitoCalls cognitoCalls,
			ObjectProvider<UnaryOperator<OAuth2UserService<OidcUserRequest, OidcUser>>> wrappers) {
		DefaultOAuth2UserService userInfo = new DefaultOAuth2UserService();
		userInfo.setRestOperations(BackChannelClients.userInfoEndpoint(cognitoCalls));
		OidcUserService spring = new OidcUserService();
		spring.setOauth2UserService(userInfo);
		OAuth2UserService<OidcUserRequest, OidcUser> service = spring;
		for (UnaryOperator<OAuth2UserService<OidcUserRequest, OidcUser>> wrapper : wrappers.orderedStream().toList()) {
			service = wrapper.apply(service);
		}
		return service;
	}

	@Bean
	GrantedAuthoritiesMapper cognitoGroupsAuthoritiesMapper() {
		return new CognitoGroupsAuthoritiesMapper();
	}

}

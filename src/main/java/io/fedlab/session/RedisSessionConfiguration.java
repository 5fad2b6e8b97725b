package io.fedlab.session;

import io.fedlab.security.PendingRevocations;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Profile {@code redis}: the HTTP session lives in Redis (Spring Session), so several
 * instances behind a load balancer share it without sticky sessions. Boot's Spring
 * Session and Redis auto-configuration is switched off in {@code application.yml} and
 * back on in {@code application-redis.yml}; this class adds the JSON form of the session
 * the answer to an unreachable store, and the refresh-token revocations that failed at
 * logout, so that any instance can finish retrying them.
 */
@Configuration(proxyBeanMethods = false)
@Profile(RedisSessionConfiguration.PROFILE)
class RedisSessionConfiguration {

	static final String PROFILE = "redis";

	/**
	 * The name Spring Session looks for: every session attribute as JSON, never Java
	 * serialization.
	 */
	@Bean
	RedisSerializer<Object> springSessionDefaultRedisSerializer(
			ObjectProvider<ClientRegistrationRepository> registrations) {
		return new LenientSessionSerializer(
				SessionJson.serializer(RedisSessionConfiguration.class.getClassLoader(), registrations::getObject));
	}

	@Bean
	FilterRegistrationBean<SessionStoreOutageFilter> sessionStoreOutageFilter() {
		FilterRegistrationBean<SessionStoreOutageFilter> registration = new FilterRegistrationBean<>(
				new SessionStoreOutageFilter());
		// just outside Spring Session's filter, whose order Boot leaves at the default
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		return registration;
	}

	/**
	 * Next to the sessions, under their namespace: the retry of a failed revocation
	 * outlives the instance that handled the logout.
	 */
	@Bean
	PendingRevocations redisPendingRevocations(RedisConnectionFactory redis,
			@Value("${spring.session.data.redis.namespace:fedlab:session}") String namespace) {
		return new RedisPendingRevocations(new StringRedisTemplate(redis), namespace);
	}

}

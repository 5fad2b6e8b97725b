package io.fedlab.system;

import java.time.Clock;

import org.apache.catalina.core.StandardHost;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Malformed requests get a 400 with the app's headers, never a 500: the parameter check
 * in front of every filter, and Tomcat's own error page with the same headers.
 */
@Configuration(proxyBeanMethods = false)
class RequestHygieneConfiguration {

	/**
	 * Right after Boot's character-encoding filter (highest precedence), which must set
	 * the charset before anything parses; before Spring Session, the flow inspector's
	 * recorder and Spring Security, each of which may read a parameter.
	 */
	static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	@Bean
	FilterRegistrationBean<MalformedRequestFilter> malformedRequestFilter() {
		FilterRegistrationBean<MalformedRequestFilter> registration = new FilterRegistrationBean<>(
				new MalformedRequestFilter(new ClientMistakes(Clock.systemUTC())));
		registration.setOrder(FILTER_ORDER);
		registration.addUrlPatterns("/*");
		return registration;
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> headersOnTomcatErrorPages() {
		return (factory) -> factory.addContextCustomizers((context) -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(HeadersErrorReportValve.class.getName());
			}
		});
	}

}

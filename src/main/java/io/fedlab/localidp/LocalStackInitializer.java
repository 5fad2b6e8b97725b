package io.fedlab.localidp;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.web.context.ConfigurableWebApplicationContext;

import io.fedlab.localidp.http.FreePorts;

/**
 * Starts the local stack before the application context when {@code local.enabled=true}
 * (the default; {@code local.only=cognito|auth0} starts one side, see
 * {@link LocalStack.Emulators}), so that Spring Security's issuer discovery finds the
 * local Cognito, and points the app at it. Registered in
 * {@code META-INF/spring.factories}; stops the emulators when the context closes.
 *
 * <p>
 * A {@code server.port} of 0 is replaced by a free port first: the app's callback URL
 * must be registered in the local pool before the web server starts.
 */
public final class LocalStackInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final Logger log = LoggerFactory.getLogger(LocalStackInitializer.class);

	static final String PROPERTY_SOURCE = "localStack";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment env = context.getEnvironment();
		if (!env.getProperty("local.enabled", Boolean.class, false)
				|| env.getPropertySources().contains(PROPERTY_SOURCE)) {
			return;
		}
		Map<String, Object> props = new LinkedHashMap<>();
		String appBaseUrl = env.getProperty("app.base-url");
		if (appBaseUrl == null || appBaseUrl.isBlank()) {
			int port = FreePorts.resolve(env.getProperty("server.port", Integer.class, 8080));
			props.put("server.port", port);
			appBaseUrl = "http://" + env.getProperty("local.host", "localhost") + ":" + port;
			props.put("app.base-url", appBaseUrl);
		}
		LocalStackSettings settings = settings(env);
		LocalStack stack = LocalStack.start(settings, appBaseUrl, log::info,
				LocalStack.Emulators.parse(env.getProperty("local.only")));
		props.putAll(stack.appProperties());
		env.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, props));
		context.getBeanFactory().registerSingleton("localStack", stack);
		context.addApplicationListener((event) -> {
			if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
				stack.close();
			}
		});
		// `emulators` runs no web app: no app URL in the banner.
		log.info(LocalStackBanner.text(stack,
				(context instanceof ConfigurableWebApplicationContext) ? appBaseUrl : null));
	}

	static LocalStackSettings settings(ConfigurableEnvironment env) {
		Binder binder = Binder.get(env);
		return new LocalStackSettings(true, env.getProperty("local.host", "localhost"),
				env.getProperty("local.bind-address", "127.0.0.1"),
				binder.bind("local.cognito-api-port", Integer.class).orElse(9229),
				binder.bind("local.hosted-ui-port", Integer.class).orElse(9230),
				binder.bind("local.auth0-port", Integer.class).orElse(9240),
				env.getProperty("local.region", "us-east-1"), env.getProperty("local.pool-name", "fedlab-local"),
				env.getProperty("local.domain-prefix", "fedlab-local"),
				Path.of(env.getProperty("local.data-dir", ".fedlab")),
				binder.bind("local.auth0-users-file", Path.class).orElse(null),
				env.getProperty("local.admins-group", "admins"), blankToNull(env.getProperty("local.admin-token")));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}

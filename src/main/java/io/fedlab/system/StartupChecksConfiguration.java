package io.fedlab.system;

import java.util.List;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Fails the start-up early, with one message, when required settings are missing. Runs as
 * a {@link BeanFactoryPostProcessor}: after the local stack's initializer has added its
 * properties, before any bean (and so before Boot's issuer discovery) is created.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "app.startup-checks.enabled", matchIfMissing = true)
class StartupChecksConfiguration {

	@Bean
	static BeanFactoryPostProcessor requiredSettingsCheck(Environment environment) {
		return (beanFactory) -> {
			List<String> problems = RequiredSettings.problems(environment);
			if (!problems.isEmpty()) {
				throw new InvalidSettingsException(problems);
			}
		};
	}

}

package io.fedlab.security;

import java.time.Duration;

import io.fedlab.cognito.BackChannelProperties;
import io.fedlab.cognito.CognitoCalls;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Imports the security package's configuration into slice tests of other packages.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ SecurityConfiguration.class, RevocationRetryConfiguration.class, TokenRefresher.class })
public class SecuritySliceImports {

	@Bean
	CognitoCalls cognitoCalls() {
		return new CognitoCalls(new BackChannelProperties(Duration.ofSeconds(2), Duration.ofSeconds(5), 64));
	}

}

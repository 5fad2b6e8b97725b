package io.fedlab.cognito;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Binds the relying party's settings and provides the user-pool profile reader and the
 * limits every call to Cognito goes through.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ CognitoProperties.class, Auth0Properties.class, AppProperties.class,
		BackChannelProperties.class })
class CognitoConfiguration {

	@Bean
	CognitoCalls cognitoCalls(BackChannelProperties settings) {
		return new CognitoCalls(settings);
	}

	@Bean
	UserPoolProfiles userPoolProfiles(CognitoProperties properties, CognitoCalls calls, AppProperties app) {
		return new RecentUserPoolProfiles(new SdkUserPoolProfiles(properties, calls), app.profile().userPoolKeptFor(),
				Clock.systemUTC());
	}

}

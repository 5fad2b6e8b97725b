package io.fedlab.cognito;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Binds the relying party's settings and provides the user-pool profile reader.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ CognitoProperties.class, Auth0Properties.class, AppProperties.class })
class CognitoConfiguration {

	@Bean
	UserPoolProfiles userPoolProfiles(CognitoProperties properties) {
		return new SdkUserPoolProfiles(properties);
	}

}

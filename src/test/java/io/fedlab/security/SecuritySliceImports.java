package io.fedlab.security;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Imports the security package's configuration into slice tests of other packages.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ SecurityConfiguration.class, RevocationRetryConfiguration.class, TokenRefresher.class })
public class SecuritySliceImports {

}

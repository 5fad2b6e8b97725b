package io.fedlab.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.fedlab.cognito.UserPoolProfiles;
import io.fedlab.security.SecuritySliceImports;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A {@code @WebMvcTest} of the relying party's pages with the real security chain, a
 * discovery-free {@code cognito} registration and a mocked {@code GetUser}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest
@ActiveProfiles("slice")
@Import({ SecuritySliceImports.class, TestClientRegistrations.RepositoryConfiguration.class })
@MockitoBean(types = UserPoolProfiles.class)
public @interface WebSliceTest {

}

package io.fedlab.localidp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the local emulators alone, for another app or a container:
 * {@code java -jar fedlab.jar
 * emulators} (or {@code ./mvnw spring-boot:run -Dspring-boot.run.arguments=emulators}).
 * The relying party is not started. The settings the other app needs, its client secret
 * included, are written to {@code <data-dir>/app.env} (readable by the owner only), not
 * to the log.
 */
@Configuration(proxyBeanMethods = false)
public class EmulatorsOnly {

	private static final Logger log = LoggerFactory.getLogger(EmulatorsOnly.class);

	public static void main(String[] args) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(EmulatorsOnly.class)
			.web(WebApplicationType.NONE)
			.properties("local.enabled=true", "spring.main.banner-mode=off")
			.run(args);
		LocalStack stack = context.getBean(LocalStack.class);
		Path env = writeAppEnv(stack, context.getEnvironment().getProperty("app.base-url"));
		log.info("Emulators only: the settings for your app are in {}", env.toAbsolutePath());
		context.registerShutdownHook();
	}

	static Path writeAppEnv(LocalStack stack, String appBaseUrl) {
		Map<String, String> vars = new TreeMap<>();
		stack.appProperties().forEach((key, value) -> {
			if (key.startsWith("app.") || key.startsWith("spring.security")) {
				vars.put(envName(key), String.valueOf(value));
			}
		});
		vars.put("APP_BASE_URL", appBaseUrl);
		StringBuilder text = new StringBuilder("# Settings for an app signing in against the local stack\n");
		vars.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
		Path file = stack.settings().dataDir().resolve("app.env");
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, text, StandardCharsets.UTF_8);
			try {
				Files.setPosixFilePermissions(file,
						Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
			}
			catch (UnsupportedOperationException ex) {
				// Not POSIX: the data folder's permissions apply.
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot write " + file, ex);
		}
		return file;
	}

	/**
	 * {@code app.cognito.client-id} → {@code COGNITO_CLIENT_ID}, as the aws profile reads
	 * them.
	 */
	static String envName(String property) {
		if (property.equals("spring.security.oauth2.client.registration.cognito.client-secret")) {
			return "COGNITO_CLIENT_SECRET";
		}
		return property.replaceFirst("^app\\.", "").replace('.', '_').replace('-', '_').toUpperCase();
	}

}

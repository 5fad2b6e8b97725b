package io.fedlab.localidp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Runs the local emulators alone, for another app or a container:
 * {@code java -jar fedlab.jar
 * emulators} (or {@code ./mvnw spring-boot:run -Dspring-boot.run.arguments=emulators}).
 * The relying party is not started. The settings the other app needs, its client secret
 * included, are written to {@code <data-dir>/app.env} (readable by the owner only), not
 * to the log.
 *
 * <p>
 * {@code emulators --only cognito} and {@code emulators --only auth0} (or
 * {@code local.only}) run one side, for the emulators as separate containers
 * (docker-compose.yml): the Cognito side expects Auth0 at {@code local.auth0-port}. A
 * stale {@code app.env} is deleted before a Cognito side starts and the new one appears
 * only once the pool is provisioned, so its presence means "ready" (the compose health
 * check relies on this).
 */
@Configuration(proxyBeanMethods = false)
public class EmulatorsOnly {

	private static final Logger log = LoggerFactory.getLogger(EmulatorsOnly.class);

	static final String APP_ENV = "app.env";

	public static void main(String[] args) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(EmulatorsOnly.class)
			.web(WebApplicationType.NONE)
			.properties("local.enabled=true", "spring.main.banner-mode=off")
			.listeners(EmulatorsOnly::deleteStaleAppEnv)
			.run(springArgs(args));
		LocalStack stack = context.getBean(LocalStack.class);
		if (stack.provisioned() != null) {
			Path env = writeAppEnv(stack, context.getEnvironment().getProperty("app.base-url"));
			log.info("Emulators only: the settings for your app are in {}", env.toAbsolutePath());
		}
		context.registerShutdownHook();
	}

	/**
	 * {@code --only cognito} and {@code --only=cognito} become
	 * {@code --local.only=cognito}; every other argument is passed to Spring as is.
	 */
	static String[] springArgs(String[] args) {
		List<String> out = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--only") && i + 1 < args.length) {
				out.add("--local.only=" + LocalStack.Emulators.parse(args[++i]).name().toLowerCase(Locale.ROOT));
			}
			else if (args[i].startsWith("--only=")) {
				out.add("--local.only=" + LocalStack.Emulators.parse(args[i].substring("--only=".length()))
					.name()
					.toLowerCase(Locale.ROOT));
			}
			else {
				out.add(args[i]);
			}
		}
		return out.toArray(String[]::new);
	}

	private static void deleteStaleAppEnv(ApplicationEvent event) {
		if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
			ConfigurableEnvironment env = prepared.getEnvironment();
			if (LocalStack.Emulators.parse(env.getProperty("local.only")) != LocalStack.Emulators.AUTH0) {
				try {
					Files.deleteIfExists(Path.of(env.getProperty("local.data-dir", ".fedlab")).resolve(APP_ENV));
				}
				catch (IOException ex) {
					throw new IllegalStateException("Cannot delete the stale " + APP_ENV, ex);
				}
			}
		}
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
		Path file = stack.settings().dataDir().resolve(APP_ENV);
		try {
			Files.createDirectories(file.getParent());
			// Written aside and moved into place: a reader never sees half a file.
			Path partial = file.resolveSibling(APP_ENV + ".partial");
			Files.writeString(partial, text, StandardCharsets.UTF_8);
			try {
				Files.setPosixFilePermissions(partial,
						Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
			}
			catch (UnsupportedOperationException ex) {
				// Not POSIX: the data folder's permissions apply.
			}
			Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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

package io.fedlab;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import io.fedlab.localidp.EmulatorsOnly;

/**
 * The launcher: with no command, the web app (and, by default, the local emulators); with
 * {@code emulators}, the emulators alone.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FedlabApplication {

	public static void main(String[] args) {
		String command = (args.length > 0) ? args[0] : "";
		if (command.equals("emulators")) {
			EmulatorsOnly.main(java.util.Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		SpringApplication.run(FedlabApplication.class, args);
	}

}

package io.fedlab;

import java.util.Arrays;

import io.fedlab.localidp.EmulatorsOnly;
import io.fedlab.provisioning.ProvisioningCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The launcher: with no command, the web app (and, by default, the local emulators);
 * {@code setup} and {@code doctor} provision and diagnose a user pool; {@code emulators}
 * runs the local emulators alone.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FedlabApplication {

	public static void main(String[] args) {
		// `setup` and `doctor` run without starting the web app or the emulators.
		if (ProvisioningCommand.handles(args)) {
			System.exit(ProvisioningCommand.run(args));
		}
		if (args.length > 0 && args[0].equals("emulators")) {
			EmulatorsOnly.main(Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		SpringApplication.run(FedlabApplication.class, args);
	}

}

package io.fedlab;

import io.fedlab.localidp.EmulatorsOnly;
import io.fedlab.provisioning.ProvisioningCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The launcher: with no command, the web app (and, by default, the local emulators);
 * {@code setup} and {@code doctor} provision and diagnose a user pool; {@code emulators}
 * runs the local emulators alone; {@code --help} prints the usage of every mode
 * ({@link FedlabCommandLine}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FedlabApplication {

	public static void main(String[] args) {
		// Nothing starts before the arguments are known to be right (FedlabCommandLine).
		FedlabCommandLine.Launch launch = FedlabCommandLine.parse(args, System.out, System.err);
		switch (launch.mode()) {
			case EXIT -> System.exit(launch.exitCode());
			// `setup` and `doctor` run without starting the web app or the emulators.
			case PROVISIONING -> System.exit(ProvisioningCommand.run(launch.args()));
			case EMULATORS -> EmulatorsOnly.main(launch.args());
			case WEB_APP -> SpringApplication.run(FedlabApplication.class, launch.args());
		}
	}

}

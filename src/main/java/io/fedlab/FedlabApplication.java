package io.fedlab;

import io.fedlab.provisioning.ProvisioningCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class FedlabApplication {

	public static void main(String[] args) {
		// `setup` and `doctor` run without starting the web app or the emulators.
		if (ProvisioningCommand.handles(args)) {
			System.exit(ProvisioningCommand.run(args));
		}
		SpringApplication.run(FedlabApplication.class, args);
	}

}

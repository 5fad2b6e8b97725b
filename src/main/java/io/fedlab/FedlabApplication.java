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

	/**
	 * The JDK property that sizes the common fork-join pool, read once when the pool is
	 * first used.
	 */
	static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

	public static void main(String[] args) {
		useCommonPoolOnSmallMachines();
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

	/**
	 * On one or two cores the common pool gets a parallelism of 1, and then
	 * {@code CompletableFuture}'s default executor starts a new thread for every task.
	 * The JDK HTTP client completes each {@code sendAsync} (which Spring's
	 * {@code JdkClientHttpRequest} uses for every back-channel call) on that executor: a
	 * thread created and destroyed per call to Cognito. Two is the smallest parallelism
	 * for which the default executor is the pool itself. Must run before anything touches
	 * {@code ForkJoinPool}; an explicit {@code -D} setting wins.
	 */
	static void useCommonPoolOnSmallMachines() {
		if (System.getProperty(COMMON_POOL_PARALLELISM) == null && Runtime.getRuntime().availableProcessors() <= 2) {
			System.setProperty(COMMON_POOL_PARALLELISM, "2");
		}
	}

}

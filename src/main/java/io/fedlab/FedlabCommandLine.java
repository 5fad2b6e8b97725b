package io.fedlab;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.fedlab.localidp.LocalStack;
import io.fedlab.provisioning.ProvisioningCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Unmatched;

/**
 * The command line of {@code fedlab.jar}: which mode to start, or the usage. Nothing is
 * started and no port is bound before the arguments are known to be right; a wrong
 * command or option ends with the usage and exit code 2.
 *
 * <ul>
 * <li>no command: the web app (with the local emulators unless configured otherwise); its
 * arguments are Spring Boot properties, written {@code --name=value}
 * ({@code --name value} is refused: Spring would read it as an empty property followed by
 * a stray word), plus Spring Boot's {@code --debug} and {@code --trace};</li>
 * <li>{@code emulators [--only cognito|auth0] [--name=value...]}: the emulators
 * alone;</li>
 * <li>{@code setup} and {@code doctor}: parsed by {@link ProvisioningCommand};</li>
 * <li>{@code --help}, {@code -h}, {@code help [command]}: the usage, exit code 0.</li>
 * </ul>
 */
final class FedlabCommandLine {

	static final String NAME = "java -jar fedlab.jar";

	/** A Spring Boot property argument, {@code --name=value}. */
	private static final Pattern PROPERTY = Pattern.compile("--[A-Za-z0-9][A-Za-z0-9_.\\-\\[\\]]*=.*", Pattern.DOTALL);

	/** Spring Boot's own switches without a value. */
	private static final Set<String> SWITCHES = Set.of("--debug", "--trace");

	private FedlabCommandLine() {
	}

	/** What to start. */
	enum Mode {

		/** The web app; {@link Launch#args()} are its Spring arguments. */
		WEB_APP,

		/**
		 * The emulators alone; {@link Launch#args()} are the arguments after the command.
		 */
		EMULATORS,

		/**
		 * {@code setup} or {@code doctor}; {@link Launch#args()} are all the arguments.
		 */
		PROVISIONING,

		/**
		 * Nothing: the usage or an error was printed; exit with
		 * {@link Launch#exitCode()}.
		 */
		EXIT

	}

	record Launch(Mode mode, String[] args, int exitCode) {

		static Launch exit(int code) {
			return new Launch(Mode.EXIT, new String[0], code);
		}

	}

	static Launch parse(String[] args, PrintStream out, PrintStream err) {
		if (ProvisioningCommand.handles(args)) {
			return new Launch(Mode.PROVISIONING, args, 0);
		}
		if (firstNotProperty(Arrays.asList(args)) == null) {
			// The web app with Spring properties only, the usual case: its start-up loads
			// no picocli class (whose Java 5 classes an AppCDS archive cannot hold).
			return new Launch(Mode.WEB_APP, args, 0);
		}
		WebApp webApp = new WebApp();
		Emulators emulators = new Emulators();
		CommandLine root = commandLine(webApp, emulators, out, err);
		ParseResult result;
		try {
			result = root.parseArgs(args);
			Integer help = CommandLine.executeHelpRequest(result);
			if (help != null) {
				return Launch.exit(help);
			}
		}
		catch (ParameterException ex) {
			return usageError(ex.getMessage(), ex.getCommandLine(), err);
		}
		if (result.hasSubcommand() && result.subcommand().commandSpec().name().equals("emulators")) {
			CommandLine command = result.subcommand().commandSpec().commandLine();
			try {
				LocalStack.Emulators.parse(emulators.only);
			}
			catch (IllegalArgumentException ex) {
				return usageError("--only " + emulators.only + ": use cognito or auth0 (or all, the default)", command,
						err);
			}
			String wrong = firstNotProperty(emulators.arguments);
			if (wrong != null) {
				return usageError(unknown(wrong), command, err);
			}
			return new Launch(Mode.EMULATORS, Arrays.copyOfRange(args, 1, args.length), 0);
		}
		String wrong = firstNotProperty(webApp.arguments);
		if (wrong != null) {
			return usageError(unknown(wrong), root, err);
		}
		return new Launch(Mode.WEB_APP, args, 0);
	}

	/** The whole usage, as {@code --help} prints it. */
	static String usage() {
		return commandLine(new WebApp(), new Emulators(), System.out, System.err)
			.getUsageMessage(CommandLine.Help.Ansi.OFF);
	}

	private static CommandLine commandLine(WebApp webApp, Emulators emulators, PrintStream out, PrintStream err) {
		CommandLine root = new CommandLine(webApp);
		root.addSubcommand("emulators", new CommandLine(emulators));
		for (CommandLine provisioning : ProvisioningCommand.commandLines()) {
			root.addSubcommand(provisioning.getCommandName(), provisioning);
		}
		root.addSubcommand("help", new CommandLine.HelpCommand());
		root.setExpandAtFiles(false)
			.setUsageHelpWidth(100)
			.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF))
			.setOut(new java.io.PrintWriter(out, true))
			.setErr(new java.io.PrintWriter(err, true));
		return root;
	}

	private static String firstNotProperty(List<String> arguments) {
		for (String argument : arguments) {
			if (!PROPERTY.matcher(argument).matches() && !SWITCHES.contains(argument)
					|| argument.startsWith("--help=")) {
				return argument;
			}
		}
		return null;
	}

	private static String unknown(String argument) {
		if (!argument.startsWith("-")) {
			return "unknown command '" + argument + "'";
		}
		if (argument.startsWith("--") && !argument.contains("=")) {
			return "unknown option '" + argument + "' (Spring Boot properties are written --name=value)";
		}
		return "unknown option '" + argument + "'";
	}

	private static Launch usageError(String message, CommandLine command, PrintStream err) {
		err.println("error: " + message);
		err.print(command.getUsageMessage(CommandLine.Help.Ansi.OFF));
		return Launch.exit(2);
	}

	@Command(name = NAME, sortOptions = false,
			customSynopsis = { NAME + " [--<property>=<value>...]",
					"       " + NAME + " emulators [--only cognito|auth0] [--<property>=<value>...]",
					"       " + NAME + " setup --config <file> [<options>]",
					"       " + NAME + " doctor --config <file> [<options>]", "       " + NAME + " help [<command>]" },
			description = { "",
					"Without a command: the web app on http://localhost:8080, with the local Cognito and Auth0",
					"emulators on 9229, 9230 and 9240 (local.enabled=true, the default; profile aws turns them off).",
					"Its arguments are Spring Boot properties, written --name=value (not --name value), e.g.",
					"  --server.port=9090  --app.logout.mode=cognito-only  --spring.profiles.active=aws",
					"and Spring Boot's --debug and --trace." },
			commandListHeading = "%nCommands:%n",
			footer = { "", "Each command has --help (or: " + NAME + " help <command>).",
					"Through Maven, the arguments go in one property:",
					"  ./mvnw spring-boot:run -Dspring-boot.run.arguments=--app.logout.mode=cognito-only",
					"  ./mvnw spring-boot:run -Dspring-boot.run.arguments=\"emulators --only cognito\"",
					"Exit codes: 0 done (or the usage asked for), 2 an unknown command or option;",
					"setup and doctor: see their --help." })
	static final class WebApp {

		@Option(names = { "-h", "--help" }, usageHelp = true, description = "Print this usage and exit.")
		boolean help;

		@Unmatched
		List<String> arguments = new ArrayList<>();

	}

	@Command(name = "emulators", sortOptions = false,
			customSynopsis = NAME + " emulators [--only cognito|auth0] [--<property>=<value>...]",
			description = { "The local Cognito and Auth0 emulators alone, for another app or a container.",
					"The web app is not started. The settings that app needs (issuer, domain, client id and",
					"secret) are written to .fedlab/app.env (in local.data-dir), readable by you only, once the",
					"pool is provisioned." },
			footer = { "", "Other arguments are Spring Boot properties, written --name=value, e.g.",
					"  --app.base-url=http://localhost:3000   the app the pool is provisioned for",
					"  --local.data-dir=<folder>              where app.env, keys and identifiers are kept",
					"  --local.cognito-api-port=0             any free port (also hosted-ui-port, auth0-port)",
					"Every command: " + NAME + " --help" })
	static final class Emulators {

		@Option(names = { "-h", "--help" }, usageHelp = true, description = "Print this usage and exit.")
		boolean help;

		@Option(names = "--only", paramLabel = "cognito|auth0",
				description = "Run one side: cognito (the Cognito API, issuer and hosted UI; expects Auth0 at "
						+ "local.auth0-port) or auth0 (the Auth0 tenant). Default: both, in this process.")
		String only;

		@Unmatched
		List<String> arguments = new ArrayList<>();

	}

}

package io.fedlab.provisioning;

import java.io.PrintStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The {@code setup} and {@code doctor} commands:
 *
 * <pre>
 * setup  --config &lt;file&gt; [--dry-run] [--show-secret] [--region r] [--endpoint-url u]
 * doctor --config &lt;file&gt; [--json] [--region r] [--endpoint-url u] [--pool-id id] [--client-id id] [--issuer url]
 * </pre>
 *
 * Their options are parsed by picocli, which also prints each command's usage
 * ({@code setup --help}); {@link #commandLines()} gives them to the launcher's usage.
 * Failures are one line on standard error, never a stack trace. Exit codes: 0 success
 * (doctor: no FAIL), 1 failure or FAIL findings or setup conflicts, 2 usage or
 * configuration error.
 */
public final class ProvisioningCommand {

	static final String CREDENTIALS = "Credentials come from the AWS SDK default chain (AWS_PROFILE, AWS_ACCESS_KEY_ID and "
			+ "AWS_SECRET_ACCESS_KEY, SSO, instance role); a loopback --endpoint-url (the local emulator) uses dummy "
			+ "credentials.";

	static final String OTHER_COMMANDS = "Every command (the web app, emulators, setup, doctor): java -jar fedlab.jar --help";

	private ProvisioningCommand() {
	}

	/** {@code setup} and {@code doctor} as picocli commands, for the launcher's usage. */
	public static List<CommandLine> commandLines() {
		return List.of(Options.commandLine(new SetupOptions()), Options.commandLine(new DoctorOptions()));
	}

	/** Whether {@code args} asks for one of these commands. */
	public static boolean handles(String[] args) {
		return args.length > 0 && (args[0].equals("setup") || args[0].equals("doctor"));
	}

	public static int run(String[] args) {
		return run(args, System.out, System.err, System.getenv());
	}

	static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (UsageException ex) {
			err.println("error: " + ex.getMessage());
			err.print(ex.usage());
			return 2;
		}
		catch (IllegalArgumentException ex) {
			err.println("error: " + ex.getMessage());
			err.println(OTHER_COMMANDS);
			return 2;
		}
		if (options.help) {
			out.print(options.usage());
			return 0;
		}
		LastOperation last = new LastOperation();
		try {
			Map<String, String> environment = new HashMap<>(env);
			if (options.region != null) {
				environment.put("FEDLAB_REGION", options.region);
			}
			if (!Files.isRegularFile(options.config)) {
				err.println("error: config file " + options.config + " not found (see config/setup.example.yml)");
				return 2;
			}
			SetupConfig config = SetupConfigLoader.load(options.config, environment);
			String region = (config.pool().region() != null) ? config.pool().region() : env.get("AWS_REGION");
			if (region == null) {
				err.println("error: no region: set pool.region in the config, FEDLAB_REGION, or --region");
				return 2;
			}
			try (CognitoIdentityProviderClient client = client(region, options.endpoint, last)) {
				return options.command.equals("setup") ? setup(client, config, options, out, err)
						: doctor(client, config, options, out, err);
			}
		}
		catch (SetupConfigException ex) {
			err.println("error: " + ex.getMessage());
			return 2;
		}
		catch (RuntimeException ex) {
			err.println("error: " + describe(ex, last.name, options.endpoint));
			return 1;
		}
	}

	private static CognitoIdentityProviderClient client(String region, URI endpoint, LastOperation last) {
		if (endpoint != null && isLoopback(endpoint)) {
			return CognitoClients.local(endpoint, region, List.of(last));
		}
		return CognitoClients.create(region, endpoint, List.of(last));
	}

	private static boolean isLoopback(URI uri) {
		String host = (uri.getHost() != null) ? uri.getHost() : "";
		return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
	}

	private static int setup(CognitoIdentityProviderClient client, SetupConfig config, Options options, PrintStream out,
			PrintStream err) {
		out.println((options.dryRun ? "Planning" : "Provisioning") + " user pool '" + config.pool().name() + "' in "
				+ config.pool().region() + (options.endpoint != null ? " at " + options.endpoint : ""));
		SetupResult result = new Setup(client, out::println).apply(config, options.dryRun);
		out.println();
		if (options.dryRun) {
			out.println("Dry run: nothing was changed.");
			for (ResourceChange change : result.changes()) {
				out.println("  " + change.describe(true));
			}
			return result.hasConflicts() ? 1 : 0;
		}
		out.println("User pool id: " + result.userPoolId());
		out.println("Issuer:       " + result.issuer());
		out.println("Domain:       " + result.domain());
		out.println("Client id:    " + result.clientId());
		out.println();
		out.print(result.checklistText(config, options.showSecret));
		if (result.hasConflicts()) {
			err.println("error: some resources differ in ways setup cannot change (see CONFLICT above)");
			return 1;
		}
		return 0;
	}

	private static int doctor(CognitoIdentityProviderClient client, SetupConfig config, Options options,
			PrintStream out, PrintStream err) {
		String poolId = options.poolId;
		if (poolId == null) {
			poolId = CognitoLookups.poolIdNamed(client, config.pool().name());
			if (poolId == null) {
				throw new ProvisioningException("User pool '" + config.pool().name() + "' not found in region "
						+ config.pool().region() + ": run setup first, or pass --pool-id");
			}
		}
		String clientId = options.clientId;
		if (clientId == null) {
			List<String> ids = CognitoLookups.clientIdsNamed(client, poolId, config.appClient().name());
			if (ids.size() != 1) {
				throw new ProvisioningException((ids.isEmpty() ? "No app client" : "Several app clients " + ids)
						+ " named '" + config.appClient().name() + "' in pool " + poolId + ": pass --client-id");
			}
			clientId = ids.get(0);
		}
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(10))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		DoctorInput base = DoctorInput.from(config, poolId, clientId);
		DoctorInput input = new DoctorInput(base.userPoolId(), options.issuer, base.clientId(), base.callbackUrls(),
				base.signOutUrls(), base.identityProviderName(), base.expectedIssuer(), base.domainUrl());
		DoctorReport report;
		if (options.endpoint != null) {
			// Another endpoint (the local emulator) has no IAM to look at.
			report = new Doctor(client, http).check(input);
		}
		else {
			try (IamOidcProviderDirectory iam = IamOidcProviderDirectory.aws()) {
				report = new Doctor(client, http, iam).check(input);
			}
		}
		out.print(options.json ? report.toJson() + System.lineSeparator() : report.toText());
		return report.exitCode();
	}

	/** One line for a failure, naming the cause and what to do. */
	static String describe(Throwable ex, String operation, URI endpoint) {
		String op = (operation != null) ? operation : "the request";
		if (ex instanceof ProvisioningException) {
			return ex.getMessage();
		}
		if (ex instanceof AwsServiceException service) {
			String code = (service.awsErrorDetails() != null) ? service.awsErrorDetails().errorCode() : null;
			String message = (service.awsErrorDetails() != null) ? service.awsErrorDetails().errorMessage()
					: service.getMessage();
			if (code == null) {
				code = "HTTP " + service.statusCode();
			}
			switch (code) {
				case "AccessDeniedException", "AccessDenied", "NotAuthorizedException", "UnrecognizedClientException",
						"InvalidSignatureException", "ExpiredTokenException", "MissingAuthenticationTokenException":
					return "access denied for " + op + " (" + code + ": " + message + "); the credentials need the IAM"
							+ " permission cognito-idp:" + op + " (see docs/provisioning.md)";
				case "TooManyRequestsException", "ThrottlingException", "Throttling", "LimitExceededException":
					return "Cognito throttled " + op + " even after retries (" + code
							+ "); wait a minute and run again";
				case "ResourceNotFoundException":
					return "not found during " + op + ": " + message;
				default:
					return op + " failed: " + code + ": " + message;
			}
		}
		if (ex instanceof SdkClientException) {
			String text = String.valueOf(ex.getMessage());
			if (text.contains("credentials") || text.contains("Credentials")) {
				return "no AWS credentials found: configure them for the default chain (aws configure / AWS_PROFILE,"
						+ " or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)";
			}
			Throwable cause = rootCause(ex);
			if (cause instanceof ConnectException || cause instanceof UnknownHostException
					|| cause instanceof SocketTimeoutException || text.contains("Unable to execute HTTP request")) {
				return "cannot reach the Cognito endpoint" + ((endpoint != null) ? " " + endpoint : "") + " ("
						+ cause.getClass().getSimpleName() + "); check --endpoint-url, the region and the network";
			}
			return op + " failed: " + firstLine(text);
		}
		return "unexpected " + ex.getClass().getSimpleName() + ": " + firstLine(String.valueOf(ex.getMessage()));
	}

	private static Throwable rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static String firstLine(String text) {
		int nl = text.indexOf('\n');
		return (nl < 0) ? text : text.substring(0, nl);
	}

	/** Remembers the last operation name, for error messages. */
	private static final class LastOperation implements ExecutionInterceptor {

		private volatile String name;

		@Override
		public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
			this.name = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
		}

	}

	/**
	 * The options both commands share; {@link SetupOptions} and {@link DoctorOptions} add
	 * their own. Parsed by picocli, which also writes each command's usage.
	 */
	abstract static class Options {

		final String command;

		@Option(names = { "-h", "--help" }, usageHelp = true, description = "Print this usage and exit.")
		boolean help;

		@Option(names = "--config", paramLabel = "<file>",
				description = "The setup file (see config/setup.example.yml).")
		Path config;

		@Option(names = "--region", paramLabel = "<region>",
				description = "The region, when the file has no pool.region (also FEDLAB_REGION).")
		String region;

		@Option(names = "--endpoint-url", paramLabel = "<url>",
				description = "The Cognito API to call instead of AWS's (a loopback URL uses dummy credentials).")
		String endpointUrl;

		URI endpoint;

		boolean dryRun;

		boolean showSecret;

		boolean json;

		String poolId;

		String clientId;

		String issuer;

		Options(String command) {
			this.command = command;
		}

		/** Parses {@code args}, whose first is {@code setup} or {@code doctor}. */
		static Options parse(String[] args) {
			if (args.length == 0 || !(args[0].equals("setup") || args[0].equals("doctor"))) {
				throw new IllegalArgumentException("the first argument must be setup or doctor");
			}
			Options options = args[0].equals("setup") ? new SetupOptions() : new DoctorOptions();
			CommandLine commandLine = commandLine(options);
			try {
				commandLine.parseArgs(Arrays.copyOfRange(args, 1, args.length));
			}
			catch (ParameterException ex) {
				throw new UsageException(ex.getMessage(), commandLine);
			}
			if (options.config == null && !options.help) {
				throw new UsageException("--config <file> is required", commandLine);
			}
			if (options.endpointUrl != null) {
				options.endpoint = endpointUri(options.endpointUrl);
			}
			return options;
		}

		String usage() {
			return commandLine(this).getUsageMessage(CommandLine.Help.Ansi.OFF);
		}

		static CommandLine commandLine(Options options) {
			return new CommandLine(options).setExpandAtFiles(false).setUsageHelpWidth(100);
		}

		private static URI endpointUri(String value) {
			try {
				URI uri = URI.create(value);
				if (uri.getScheme() != null && uri.getHost() != null) {
					return uri;
				}
			}
			catch (IllegalArgumentException ex) {
				// reported below
			}
			throw new IllegalArgumentException("--endpoint-url must be an absolute URL, not " + value);
		}

	}

	@Command(name = "setup", sortOptions = false,
			customSynopsis = {
					"java -jar fedlab.jar setup --config=<file> [--dry-run] [--show-secret] [--region=<region>]",
					"                                [--endpoint-url=<url>]" },
			description = { "Create or update a user pool, its domain, the Auth0 identity provider, the app client "
					+ "and groups from one file, idempotently; ends with the values to enter in Auth0." },
			footer = { "", CREDENTIALS, "Exit codes: 0 done, 1 failure or conflicts, 2 usage or configuration error.",
					OTHER_COMMANDS })
	static final class SetupOptions extends Options {

		SetupOptions() {
			super("setup");
		}

		@Option(names = "--dry-run", description = "Print the plan; change nothing.")
		void dryRun(boolean value) {
			this.dryRun = value;
		}

		@Option(names = "--show-secret", description = "Print the app client's secret in the checklist.")
		void showSecret(boolean value) {
			this.showSecret = value;
		}

	}

	@Command(name = "doctor", sortOptions = false,
			customSynopsis = {
					"java -jar fedlab.jar doctor --config=<file> [--json] [--region=<region>] [--endpoint-url=<url>]",
					"                                 [--pool-id=<id>] [--client-id=<id>] [--issuer=<url>]" },
			description = { "Check a user pool, its app client, the Auth0 identity provider and the URLs end to end, "
					+ "read-only; names the fix for each problem." },
			footer = { "", CREDENTIALS,
					"Exit codes: 0 nothing failed, 1 a check failed, 2 usage or configuration error.", OTHER_COMMANDS })
	static final class DoctorOptions extends Options {

		DoctorOptions() {
			super("doctor");
		}

		@Option(names = "--json", description = "The report as JSON, for scripts.")
		void json(boolean value) {
			this.json = value;
		}

		@Option(names = "--pool-id", paramLabel = "<id>", description = "The pool, when its name is not unique.")
		void poolId(String value) {
			this.poolId = value;
		}

		@Option(names = "--client-id", paramLabel = "<id>",
				description = "The app client, when its name is not unique.")
		void clientId(String value) {
			this.clientId = value;
		}

		@Option(names = "--issuer", paramLabel = "<url>",
				description = "The pool's issuer, when it is not the one the endpoint implies.")
		void issuer(String value) {
			this.issuer = value;
		}

	}

	/** A usage error, with the command line whose usage to print. */
	static final class UsageException extends IllegalArgumentException {

		private final transient CommandLine commandLine;

		UsageException(String message, CommandLine commandLine) {
			super(message);
			this.commandLine = commandLine;
		}

		String usage() {
			return this.commandLine.getUsageMessage(CommandLine.Help.Ansi.OFF);
		}

	}

}

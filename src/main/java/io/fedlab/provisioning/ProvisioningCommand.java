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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * Failures are one line on standard error, never a stack trace. Exit codes: 0 success
 * (doctor: no FAIL), 1 failure or FAIL findings or setup conflicts, 2 usage or
 * configuration error.
 */
public final class ProvisioningCommand {

	static final String USAGE = """
			usage: setup  --config <file> [--dry-run] [--show-secret] [--region r] [--endpoint-url u]
			       doctor --config <file> [--json] [--region r] [--endpoint-url u] [--pool-id id] [--client-id id]
			              [--issuer url]   (the pool's issuer, when it is not the one the endpoint implies)
			Credentials come from the AWS SDK default chain (AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY,
			SSO, instance role); a loopback --endpoint-url (the local emulator) uses dummy credentials.""";

	private ProvisioningCommand() {
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
		catch (IllegalArgumentException ex) {
			err.println("error: " + ex.getMessage());
			err.println(USAGE);
			return 2;
		}
		if (options.help) {
			out.println(USAGE);
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

	private static final class Options {

		String command;

		Path config;

		boolean dryRun;

		boolean showSecret;

		boolean json;

		boolean help;

		String region;

		URI endpoint;

		String poolId;

		String clientId;

		String issuer;

		static Options parse(String[] args) {
			Options options = new Options();
			if (args.length == 0 || !(args[0].equals("setup") || args[0].equals("doctor"))) {
				throw new IllegalArgumentException("the first argument must be setup or doctor");
			}
			options.command = args[0];
			for (int i = 1; i < args.length; i++) {
				String arg = args[i];
				switch (arg) {
					case "--help", "-h" -> options.help = true;
					case "--dry-run" -> options.dryRun = onlyFor(options, "setup", arg);
					case "--show-secret" -> options.showSecret = onlyFor(options, "setup", arg);
					case "--json" -> options.json = onlyFor(options, "doctor", arg);
					case "--config" -> options.config = Path.of(value(args, ++i, arg));
					case "--region" -> options.region = value(args, ++i, arg);
					case "--endpoint-url" -> options.endpoint = endpoint(value(args, ++i, arg));
					case "--pool-id" -> options.poolId = value(args, ++i, arg);
					case "--client-id" -> options.clientId = value(args, ++i, arg);
					case "--issuer" -> options.issuer = value(args, ++i, arg);
					default -> throw new IllegalArgumentException("unknown option " + arg);
				}
			}
			if (options.config == null && !options.help) {
				throw new IllegalArgumentException("--config <file> is required");
			}
			if (options.command.equals("setup") && (options.poolId != null || options.clientId != null)) {
				throw new IllegalArgumentException(
						"--pool-id and --client-id are for doctor; setup finds them by name");
			}
			return options;
		}

		private static boolean onlyFor(Options options, String command, String arg) {
			if (!options.command.equals(command)) {
				throw new IllegalArgumentException(arg + " is an option of " + command);
			}
			return true;
		}

		private static String value(String[] args, int i, String option) {
			if (i >= args.length || args[i].startsWith("--")) {
				throw new IllegalArgumentException(option + " needs a value");
			}
			return args[i];
		}

		private static URI endpoint(String value) {
			try {
				URI uri = URI.create(value);
				if (uri.getScheme() == null || uri.getHost() == null) {
					throw new IllegalArgumentException("--endpoint-url must be an absolute URL, not " + value);
				}
				return uri;
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("--endpoint-url must be an absolute URL, not " + value);
			}
		}

	}

}

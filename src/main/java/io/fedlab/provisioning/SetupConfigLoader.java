package io.fedlab.provisioning;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a {@link SetupConfig} from YAML ({@code .yml}/{@code .yaml}) or a
 * {@code .properties} file, then applies environment overrides.
 *
 * <p>
 * Keys are matched relaxed (kebab-case, camelCase or snake_case; see
 * {@code config/setup.example.yml}); an unknown key is an error, so a typo never goes
 * unnoticed. The keys of {@code identity-provider.attribute-mapping} are kept verbatim
 * (they are Cognito attribute names such as {@code email_verified}), which is why this is
 * SnakeYAML and not Boot's {@code Binder}: the Binder drops {@code _} from unbracketed
 * map keys.
 *
 * <p>
 * Any string value may hold {@code ${VAR}} or {@code ${VAR:default}}, resolved from the
 * environment. The variables in {@link #ENVIRONMENT_OVERRIDES} replace their key whatever
 * the file says; list-valued ones are comma-separated.
 */
public final class SetupConfigLoader {

	/** Environment variable to the config key it overrides. */
	public static final Map<String, String> ENVIRONMENT_OVERRIDES = overrides();

	private static final Set<String> LIST_KEYS = Set.of("pool.required-attributes", "app-client.callback-urls",
			"app-client.logout-urls", "app-client.scopes", "app-client.supported-identity-providers");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::([^}]*))?}");

	private static final Pattern INDEXED = Pattern.compile("^(.+)\\[(\\d+)]$");

	private SetupConfigLoader() {
	}

	private static Map<String, String> overrides() {
		Map<String, String> map = new LinkedHashMap<>();
		map.put("FEDLAB_REGION", "pool.region");
		map.put("FEDLAB_POOL_NAME", "pool.name");
		map.put("FEDLAB_DOMAIN_PREFIX", "pool.domain-prefix");
		map.put("FEDLAB_DOMAIN_URL", "pool.domain-url");
		map.put("FEDLAB_AUTH0_ISSUER", "identity-provider.oidc-issuer");
		map.put("FEDLAB_AUTH0_CLIENT_ID", "identity-provider.client-id");
		map.put("FEDLAB_AUTH0_CLIENT_SECRET", "identity-provider.client-secret");
		map.put("FEDLAB_APP_CLIENT_NAME", "app-client.name");
		map.put("FEDLAB_CALLBACK_URLS", "app-client.callback-urls");
		map.put("FEDLAB_LOGOUT_URLS", "app-client.logout-urls");
		map.put("FEDLAB_APP_ORIGIN", "app.origin");
		map.put("FEDLAB_EXPECTED_ISSUER", "app.expected-issuer");
		return java.util.Collections.unmodifiableMap(map);
	}

	/**
	 * Loads and resolves the file.
	 * @param file a YAML or properties file
	 * @param env the environment (usually {@code System.getenv()})
	 * @throws SetupConfigException naming the file and each problem
	 */
	public static SetupConfig load(Path file, Map<String, String> env) {
		Map<String, Object> tree;
		try {
			tree = isProperties(file) ? readProperties(file) : readYaml(file);
		}
		catch (IOException ex) {
			throw new SetupConfigException("Cannot read " + file + ": " + ex.getMessage());
		}
		catch (YAMLException ex) {
			throw new SetupConfigException("Invalid YAML in " + file + ": " + firstLine(ex.getMessage()));
		}
		return fromTree(tree, env, file.toString());
	}

	/** Loads from an already parsed tree (YAML shape); for tests and embedding. */
	static SetupConfig fromTree(Map<String, Object> tree, Map<String, String> env, String source) {
		Map<String, Object> root = new LinkedHashMap<>(tree);
		List<String> problems = new ArrayList<>();
		TreeReader reader = new TreeReader(env, problems, source);
		for (Map.Entry<String, String> override : ENVIRONMENT_OVERRIDES.entrySet()) {
			String value = env.get(override.getKey());
			if (value != null && !value.isBlank()) {
				reader.put(root, override.getValue(),
						LIST_KEYS.contains(override.getValue()) ? List.of(value.split("\\s*,\\s*")) : value);
			}
		}
		SetupConfig config = reader.config(root);
		if (!problems.isEmpty()) {
			throw new SetupConfigException(source, problems);
		}
		return config;
	}

	private static boolean isProperties(Path file) {
		return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".properties");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> readYaml(Path file) throws IOException {
		Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			Object loaded = yaml.load(in);
			if (loaded == null) {
				return new LinkedHashMap<>();
			}
			if (!(loaded instanceof Map)) {
				throw new SetupConfigException(
						file + ": the top level must be a mapping (pool:, identity-provider:, ...)");
			}
			return (Map<String, Object>) loaded;
		}
	}

	private static Map<String, Object> readProperties(Path file) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(file)) {
			properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
		}
		Map<String, Object> tree = new LinkedHashMap<>();
		for (String key : new TreeMap<>(properties.stringPropertyNames()
			.stream()
			.collect(java.util.stream.Collectors.toMap((k) -> k, (k) -> k))).keySet()) {
			putProperty(tree, key, properties.getProperty(key));
		}
		return tree;
	}

	@SuppressWarnings("unchecked")
	private static void putProperty(Map<String, Object> tree, String key, String value) {
		String[] segments = key.split("\\.");
		Object node = tree;
		for (int i = 0; i < segments.length; i++) {
			boolean last = (i == segments.length - 1);
			String segment = segments[i];
			Matcher indexed = INDEXED.matcher(segment);
			Map<String, Object> map = (Map<String, Object>) node;
			if (indexed.matches()) {
				List<Object> list = (List<Object>) map.computeIfAbsent(indexed.group(1), (k) -> new ArrayList<>());
				int index = Integer.parseInt(indexed.group(2));
				while (list.size() <= index) {
					list.add(null);
				}
				if (last) {
					list.set(index, value);
				}
				else {
					if (!(list.get(index) instanceof Map)) {
						list.set(index, new LinkedHashMap<String, Object>());
					}
					node = list.get(index);
				}
			}
			else if (last) {
				map.put(segment, value);
			}
			else {
				Object child = map.get(segment);
				if (!(child instanceof Map)) {
					child = new LinkedHashMap<String, Object>();
					map.put(segment, child);
				}
				node = child;
			}
		}
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "";
		}
		int nl = message.indexOf('\n');
		return (nl < 0) ? message : message.substring(0, nl);
	}

	/** Relaxed key form: lower case without {@code -} or {@code _}. */
	static String relaxed(String key) {
		return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
	}

	/** Walks the tree into records, collecting every problem instead of stopping. */
	private static final class TreeReader {

		private final Map<String, String> env;

		private final List<String> problems;

		private final String source;

		TreeReader(Map<String, String> env, List<String> problems, String source) {
			this.env = env;
			this.problems = problems;
			this.source = source;
		}

		@SuppressWarnings("unchecked")
		void put(Map<String, Object> root, String dotted, Object value) {
			String[] path = dotted.split("\\.");
			Map<String, Object> node = root;
			for (int i = 0; i < path.length - 1; i++) {
				String existing = findKey(node, path[i]);
				Object child = (existing != null) ? node.get(existing) : null;
				if (!(child instanceof Map)) {
					child = new LinkedHashMap<String, Object>();
					node.put((existing != null) ? existing : path[i], child);
				}
				else {
					child = new LinkedHashMap<>((Map<String, Object>) child);
					node.put(existing, child);
				}
				node = (Map<String, Object>) child;
			}
			String existing = findKey(node, path[path.length - 1]);
			node.put((existing != null) ? existing : path[path.length - 1], value);
		}

		private static String findKey(Map<String, Object> node, String key) {
			for (String candidate : node.keySet()) {
				if (relaxed(candidate).equals(relaxed(key))) {
					return candidate;
				}
			}
			return null;
		}

		SetupConfig config(Map<String, Object> root) {
			Section top = section(root, "", Set.of("pool", "identity-provider", "app-client", "groups", "app"));
			Section pool = top.section("pool", Set.of("name", "region", "domain-prefix", "required-attributes",
					"username-case-sensitive", "domain-url"));
			Section idp = top.section("identity-provider", Set.of("name", "type", "client-id", "client-secret",
					"attributes-request-method", "oidc-issuer", "authorize-scopes", "attribute-mapping"));
			Section client = top.section("app-client",
					Set.of("name", "generate-secret", "callback-urls", "logout-urls", "scopes",
							"supported-identity-providers", "token-validity", "enable-token-revocation",
							"refresh-token-rotation", "retry-grace-period-seconds"));
			Section validity = client.section("token-validity", Set.of("access-token", "id-token", "refresh-token"));
			Section app = top.section("app", Set.of("origin", "expected-issuer"));
			String type = idp.string("type");
			if (type != null && !type.equalsIgnoreCase(SetupConfig.IdentityProvider.TYPE)) {
				this.problems.add("identity-provider.type: only OIDC is supported (got " + type + ")");
			}
			List<SetupConfig.Group> groups = new ArrayList<>();
			Object rawGroups = top.raw("groups");
			if (rawGroups instanceof List<?> list) {
				for (int i = 0; i < list.size(); i++) {
					Object item = list.get(i);
					if (item instanceof String name) {
						groups.add(new SetupConfig.Group(resolve(name, "groups[" + i + "]"), null, null));
					}
					else if (item instanceof Map<?, ?> map) {
						Section group = section(map, "groups[" + i + "].", Set.of("name", "description", "precedence"));
						groups.add(new SetupConfig.Group(group.string("name"), group.string("description"),
								group.integer("precedence")));
					}
					else {
						this.problems.add("groups[" + i + "] must be a name or a mapping with name, description,"
								+ " precedence");
					}
				}
			}
			else if (rawGroups != null) {
				this.problems.add("groups must be a list");
			}
			return new SetupConfig(
					new SetupConfig.Pool(pool.string("name"), pool.string("region"), pool.string("domain-prefix"),
							pool.list("required-attributes"), pool.bool("username-case-sensitive"),
							pool.string("domain-url")),
					new SetupConfig.IdentityProvider(idp.string("name"), idp.string("client-id"),
							idp.string("client-secret"), idp.string("attributes-request-method"),
							idp.string("oidc-issuer"), idp.string("authorize-scopes"), idp.map("attribute-mapping")),
					new SetupConfig.AppClient(client.string("name"), client.bool("generate-secret"),
							client.list("callback-urls"), client.list("logout-urls"), client.list("scopes"),
							client.list("supported-identity-providers"),
							new SetupConfig.TokenValidity(validity.duration("access-token"),
									validity.duration("id-token"), validity.duration("refresh-token")),
							client.bool("enable-token-revocation"), client.bool("refresh-token-rotation"),
							client.integer("retry-grace-period-seconds")),
					groups, new SetupConfig.App(app.string("origin"), app.string("expected-issuer")));
		}

		private Section section(Map<?, ?> map, String prefix, Set<String> known) {
			Map<String, Object> values = new LinkedHashMap<>();
			Map<String, String> relaxedKnown = new LinkedHashMap<>();
			known.forEach((k) -> relaxedKnown.put(relaxed(k), k));
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				String key = String.valueOf(entry.getKey());
				String canonical = relaxedKnown.get(relaxed(key));
				if (canonical == null) {
					this.problems.add("unknown key '" + prefix + key + "' (expected one of "
							+ new TreeMap<>(
									known.stream().collect(java.util.stream.Collectors.toMap((k) -> k, (k) -> k)))
								.keySet()
							+ ")");
				}
				else {
					values.put(canonical, entry.getValue());
				}
			}
			return new Section(prefix, values);
		}

		String resolve(String value, String key) {
			if (value == null) {
				return null;
			}
			Matcher matcher = PLACEHOLDER.matcher(value);
			StringBuilder out = new StringBuilder();
			while (matcher.find()) {
				String replacement = this.env.get(matcher.group(1));
				if (replacement == null) {
					replacement = matcher.group(2);
				}
				if (replacement == null) {
					this.problems.add(key + ": environment variable " + matcher.group(1) + " is not set");
					replacement = "";
				}
				matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
			}
			matcher.appendTail(out);
			return out.toString();
		}

		final class Section {

			private final String prefix;

			private final Map<String, Object> values;

			Section(String prefix, Map<String, Object> values) {
				this.prefix = prefix;
				this.values = values;
			}

			Object raw(String key) {
				return this.values.get(key);
			}

			Section section(String key, Set<String> known) {
				Object value = this.values.get(key);
				if (value == null) {
					return new Section(this.prefix + key + ".", Map.of());
				}
				if (!(value instanceof Map<?, ?> map)) {
					TreeReader.this.problems.add(this.prefix + key + " must be a mapping");
					return new Section(this.prefix + key + ".", Map.of());
				}
				return TreeReader.this.section(map, this.prefix + key + ".", known);
			}

			String string(String key) {
				Object value = this.values.get(key);
				if (value == null) {
					return null;
				}
				if (value instanceof Map || value instanceof List) {
					TreeReader.this.problems.add(this.prefix + key + " must be a single value");
					return null;
				}
				return SetupConfig.blankToNull(resolve(String.valueOf(value), this.prefix + key));
			}

			Boolean bool(String key) {
				String value = string(key);
				if (value == null) {
					return null;
				}
				if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
					TreeReader.this.problems.add(this.prefix + key + " must be true or false (got " + value + ")");
					return null;
				}
				return Boolean.valueOf(value.toLowerCase(Locale.ROOT));
			}

			Integer integer(String key) {
				String value = string(key);
				if (value == null) {
					return null;
				}
				try {
					return Integer.valueOf(value);
				}
				catch (NumberFormatException ex) {
					TreeReader.this.problems.add(this.prefix + key + " must be a whole number (got " + value + ")");
					return null;
				}
			}

			Duration duration(String key) {
				String value = string(key);
				if (value == null) {
					return null;
				}
				Duration duration = parseDuration(value);
				if (duration == null) {
					TreeReader.this.problems.add(
							this.prefix + key + " must be a duration such as 60m, 1h, 30d or PT1H (got " + value + ")");
				}
				return duration;
			}

			List<String> list(String key) {
				Object value = this.values.get(key);
				if (value == null) {
					return null;
				}
				List<String> result = new ArrayList<>();
				if (value instanceof List<?> items) {
					for (int i = 0; i < items.size(); i++) {
						if (items.get(i) != null) {
							result.add(resolve(String.valueOf(items.get(i)), this.prefix + key + "[" + i + "]").trim());
						}
					}
				}
				else if (value instanceof Map) {
					TreeReader.this.problems.add(this.prefix + key + " must be a list");
					return null;
				}
				else {
					String resolved = resolve(String.valueOf(value), this.prefix + key);
					for (String item : resolved.split(",")) {
						if (!item.isBlank()) {
							result.add(item.trim());
						}
					}
				}
				return result;
			}

			Map<String, String> map(String key) {
				Object value = this.values.get(key);
				if (value == null) {
					return null;
				}
				if (!(value instanceof Map<?, ?> map)) {
					TreeReader.this.problems.add(this.prefix + key + " must be a mapping of pool attribute to claim");
					return null;
				}
				Map<String, String> result = new LinkedHashMap<>();
				map.forEach((k, v) -> result.put(String.valueOf(k),
						resolve(String.valueOf(v), this.prefix + key + "." + k).trim()));
				return result;
			}

		}

	}

	/** {@code 90s}, {@code 60m}, {@code 1h}, {@code 30d} or ISO-8601 ({@code PT1H}). */
	static Duration parseDuration(String value) {
		String text = value.trim().toLowerCase(Locale.ROOT);
		Matcher matcher = Pattern.compile("^(\\d+)\\s*(s|m|h|d)$").matcher(text);
		if (matcher.matches()) {
			long amount = Long.parseLong(matcher.group(1));
			return switch (matcher.group(2)) {
				case "s" -> Duration.ofSeconds(amount);
				case "m" -> Duration.ofMinutes(amount);
				case "h" -> Duration.ofHours(amount);
				default -> Duration.ofDays(amount);
			};
		}
		try {
			return Duration.parse(value.trim());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}

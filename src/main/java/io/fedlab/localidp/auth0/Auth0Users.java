package io.fedlab.localidp.auth0;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The local tenant's database users: two defaults, or a properties file.
 *
 * <p>
 * File format (UTF-8 {@link Properties} syntax, one block per user, users kept in file
 * order):
 *
 * <pre>
 * users.alice.email=alice@example.com
 * users.alice.password=wonderland
 * users.alice.name=Alice Liddell
 * users.alice.nickname=alice
 * users.alice.email-verified=true
 * </pre>
 *
 * {@code email} and {@code password} are required; {@code name} defaults to the email and
 * {@code nickname} to its local part (as Auth0 does for database users,
 * emulated-behaviour.md §A4); {@code email-verified} defaults to {@code true}. The alias
 * ({@code alice}) only groups the lines. Any other key is an error, so a typo does not
 * silently drop an attribute.
 *
 * <p>
 * User ids are {@code auth0|} plus the first 24 hex digits of SHA-256(seed, NUL, the
 * lowercased email): stable across restarts for the same seed, so the Cognito user
 * {@code auth0_auth0|…} stays the same person (emulated-behaviour.md §C7.9).
 */
public final class Auth0Users {

	private static final Set<String> ATTRIBUTES = Set.of("email", "password", "name", "nickname", "email-verified");

	private Auth0Users() {
	}

	/**
	 * alice@example.com / {@code wonderland} (Alice Liddell) and bob@example.com /
	 * {@code builder} (Bob Builder).
	 */
	public static List<Auth0User> defaults(String seed) {
		return List.of(
				new Auth0User(userId(seed, "alice@example.com"), "alice@example.com", "wonderland", "Alice Liddell",
						"alice", true),
				new Auth0User(userId(seed, "bob@example.com"), "bob@example.com", "builder", "Bob Builder", "bob",
						true));
	}

	/** Reads users from a properties file in the format described above. */
	public static List<Auth0User> load(Path propertiesFile, String seed) {
		Map<String, Map<String, String>> byAlias = new LinkedHashMap<>();
		List<String> keys = new ArrayList<>();
		Properties properties = new Properties() {

			@Override
			public synchronized Object put(Object key, Object value) {
				keys.add((String) key);
				return super.put(key, value);
			}

		};
		try (Reader reader = Files.newBufferedReader(propertiesFile, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the Auth0 users file " + propertiesFile, ex);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Malformed Auth0 users file " + propertiesFile, ex);
		}
		for (String key : new LinkedHashSet<>(keys)) {
			String[] parts = key.split("\\.", -1);
			if (parts.length != 3 || !parts[0].equals("users") || parts[1].isEmpty()
					|| !ATTRIBUTES.contains(parts[2])) {
				throw new IllegalArgumentException("Unknown key '" + key + "' in " + propertiesFile
						+ "; expected users.<alias>.{email,password,name,nickname,email-verified}");
			}
			byAlias.computeIfAbsent(parts[1], (a) -> new LinkedHashMap<>())
				.put(parts[2], properties.getProperty(key).trim());
		}
		List<Auth0User> users = new ArrayList<>();
		Set<String> emails = new LinkedHashSet<>();
		byAlias.forEach((alias, attributes) -> {
			String email = attributes.get("email");
			String password = attributes.get("password");
			if (email == null || email.isEmpty() || !email.contains("@")) {
				throw new IllegalArgumentException(
						"users." + alias + ".email is missing or not an email address in " + propertiesFile);
			}
			if (password == null || password.isEmpty()) {
				throw new IllegalArgumentException("users." + alias + ".password is missing in " + propertiesFile);
			}
			if (!emails.add(email.toLowerCase(Locale.ROOT))) {
				throw new IllegalArgumentException("Two users share the email " + email + " in " + propertiesFile);
			}
			String verified = attributes.getOrDefault("email-verified", "true");
			if (!verified.equalsIgnoreCase("true") && !verified.equalsIgnoreCase("false")) {
				throw new IllegalArgumentException(
						"users." + alias + ".email-verified must be true or false in " + propertiesFile);
			}
			users.add(new Auth0User(userId(seed, email), email, password, attributes.get("name"),
					attributes.get("nickname"), Boolean.parseBoolean(verified.toLowerCase(Locale.ROOT))));
		});
		return List.copyOf(users);
	}

	/** {@code auth0|<24 lowercase hex>} derived from the seed and the email. */
	static String userId(String seed, String email) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(((seed != null) ? seed : "").getBytes(StandardCharsets.UTF_8));
			sha256.update((byte) 0);
			sha256.update(email.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
			return "auth0|" + HexFormat.of().formatHex(sha256.digest()).substring(0, 24);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

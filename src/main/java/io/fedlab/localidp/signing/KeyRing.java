package io.fedlab.localidp.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * A named set of RSA 2048 key pairs kept in the emulators' data folder, so a restart does
 * not invalidate sessions or tokens already issued. Slot 0 signs; the other slots are
 * published in the JWKS beside it (Auth0 always publishes the current and the next key).
 * {@link #rotate()} promotes the next key and generates a new next one.
 *
 * <p>
 * Key ids are made by a {@link KidStyle}: Cognito's look like 44-character standard
 * base64 ending in {@code =}; Auth0's are url-safe strings.
 */
public final class KeyRing {

	/** How a key id is derived from the key's RFC 7638 thumbprint. */
	public enum KidStyle {

		/** Standard base64 of the SHA-256 thumbprint: 44 characters ending in '='. */
		COGNITO((thumbprint) -> Base64.getEncoder().encodeToString(thumbprint)),

		/** The first 22 characters of the base64url thumbprint. */
		AUTH0((thumbprint) -> Base64.getUrlEncoder().withoutPadding().encodeToString(thumbprint).substring(0, 22));

		private final Function<byte[], String> kid;

		KidStyle(Function<byte[], String> kid) {
			this.kid = kid;
		}

	}

	private final Path file;

	private final int size;

	private final KidStyle style;

	private volatile List<RSAKey> keys;

	private KeyRing(Path file, int size, KidStyle style, List<RSAKey> keys) {
		this.file = file;
		this.size = size;
		this.style = style;
		this.keys = List.copyOf(keys);
	}

	/**
	 * Loads the ring from {@code
	 *
	<dir>
	 * /<name>.jwks.json}, creating it (and the folder) on first use. {@code dir} may be
	 * {@code null} for a ring that lives in memory only.
	 */
	public static KeyRing load(Path dir, String name, int size, KidStyle style) {
		Path file = (dir != null) ? dir.resolve(name + ".jwks.json") : null;
		List<RSAKey> keys = new ArrayList<>();
		if (file != null && Files.isRegularFile(file)) {
			try {
				for (JWK jwk : JWKSet.parse(Files.readString(file)).getKeys()) {
					keys.add(jwk.toRSAKey());
				}
			}
			catch (IOException | ParseException ex) {
				throw new IllegalStateException("Cannot read the key file " + file
						+ "; delete it to generate new keys (tokens already issued will stop validating)", ex);
			}
		}
		while (keys.size() < size) {
			keys.add(generate(style));
		}
		KeyRing ring = new KeyRing(file, size, style, keys.subList(0, size));
		ring.save();
		return ring;
	}

	/** The key that signs (or, for encryption rings, encrypts) now. */
	public RSAKey current() {
		return this.keys.get(0);
	}

	/** The key in slot {@code i} (0 is current). */
	public RSAKey get(int i) {
		return this.keys.get(i);
	}

	/** Every key, private parts included, current first. */
	public List<RSAKey> all() {
		return this.keys;
	}

	/**
	 * The public JWKS document: public keys only, each with {@code alg}, {@code use} and
	 * {@code kid}.
	 */
	public JWKSet publicJwks() {
		return new JWKSet(this.keys.stream().map((k) -> (JWK) k.toPublicJWK()).toList());
	}

	/** Finds a key by id, or {@code null}. */
	public RSAKey byKid(String kid) {
		return this.keys.stream().filter((k) -> k.getKeyID().equals(kid)).findFirst().orElse(null);
	}

	/** Retires the current key, promotes the next one and generates a new last key. */
	public synchronized void rotate() {
		List<RSAKey> next = new ArrayList<>(this.keys.subList(1, this.keys.size()));
		next.add(generate(this.style));
		if (this.size == 1) {
			next = List.of(next.get(next.size() - 1));
		}
		this.keys = List.copyOf(next);
		save();
	}

	/**
	 * Generates {@code n} fresh keys at the front of the ring and returns the {@code n}
	 * keys that were at the front before (Cognito style: both signing keys replaced at
	 * once).
	 */
	public synchronized List<RSAKey> renew(int n) {
		List<RSAKey> old = List.copyOf(this.keys.subList(0, n));
		List<RSAKey> next = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			next.add(generate(this.style));
		}
		next.addAll(this.keys.subList(n, this.keys.size()));
		this.keys = List.copyOf(next.subList(0, this.size));
		save();
		return old;
	}

	private void save() {
		if (this.file == null) {
			return;
		}
		try {
			Files.createDirectories(this.file.getParent());
			Path tmp = this.file.resolveSibling(this.file.getFileName() + ".tmp");
			Files.writeString(tmp, new JWKSet(new ArrayList<>(this.keys)).toString(false), StandardCharsets.UTF_8);
			restrictToOwner(tmp);
			Files.move(tmp, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the key file " + this.file, ex);
		}
	}

	private static void restrictToOwner(Path path) {
		try {
			Files.setPosixFilePermissions(path, Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
					java.nio.file.attribute.PosixFilePermission.OWNER_WRITE));
		}
		catch (UnsupportedOperationException | IOException ex) {
			// Not a POSIX file system: the folder's own permissions apply.
		}
	}

	private static RSAKey generate(KidStyle style) {
		try {
			RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
			String kid = style.kid.apply(key.computeThumbprint("SHA-256").decode());
			return new RSAKey.Builder(key).keyID(kid).build();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot generate an RSA key", ex);
		}
	}

}

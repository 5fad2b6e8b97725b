package io.fedlab.localidp.cognito.tokens;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

import io.fedlab.localidp.signing.KeyRing;
import io.fedlab.localidp.signing.KeyRing.KidStyle;

/**
 * The keys of every local user pool. As in Cognito, a pool has two RSA key pairs: one
 * signs ID tokens, the other access tokens, so their {@code kid}s differ. A third key,
 * never published, encrypts the pool's refresh tokens (JWE, RSA-OAEP).
 *
 * <p>
 * {@link #rotate(String)} replaces both signing keys; the retired ones stay in the JWKS
 * (in memory, until restart) so tokens already issued keep validating, and relying
 * parties meet a {@code kid} they have not cached.
 */
public final class PoolKeys {

	private final Path dataDir;

	private final Map<String, KeyRing> signing = new ConcurrentHashMap<>();

	private final Map<String, KeyRing> encryption = new ConcurrentHashMap<>();

	private final Map<String, List<RSAKey>> retired = new ConcurrentHashMap<>();

	/** {@code dataDir} may be null: keys then live in memory only. */
	public PoolKeys(Path dataDir) {
		this.dataDir = dataDir;
	}

	public RSAKey idTokenKey(String poolId) {
		return signing(poolId).get(0);
	}

	public RSAKey accessTokenKey(String poolId) {
		return signing(poolId).get(1);
	}

	public RSAKey refreshTokenKey(String poolId) {
		return this.encryption
			.computeIfAbsent(poolId,
					(id) -> KeyRing.load(this.dataDir, "cognito-" + id + "-refresh", 1, KidStyle.COGNITO))
			.current();
	}

	/**
	 * Any signing key of the pool (current or retired) by {@code kid}, or {@code null}.
	 */
	public RSAKey signingKey(String poolId, String kid) {
		RSAKey key = signing(poolId).byKid(kid);
		if (key != null) {
			return key;
		}
		return this.retired.getOrDefault(poolId, List.of())
			.stream()
			.filter((k) -> k.getKeyID().equals(kid))
			.findFirst()
			.orElse(null);
	}

	/** The pool's public JWKS: the two signing keys, then any retired ones. */
	public JWKSet publicJwks(String poolId) {
		List<JWK> keys = new ArrayList<>();
		signing(poolId).all().forEach((k) -> keys.add(k.toPublicJWK()));
		this.retired.getOrDefault(poolId, List.of()).forEach((k) -> keys.add(k.toPublicJWK()));
		return new JWKSet(keys);
	}

	/** Replaces both signing keys of the pool; the old ones stay published. */
	public void rotate(String poolId) {
		List<RSAKey> old = signing(poolId).renew(2);
		this.retired.computeIfAbsent(poolId, (id) -> new CopyOnWriteArrayList<>()).addAll(0, old);
	}

	private KeyRing signing(String poolId) {
		return this.signing.computeIfAbsent(poolId,
				(id) -> KeyRing.load(this.dataDir, "cognito-" + id + "-signing", 2, KidStyle.COGNITO));
	}

}

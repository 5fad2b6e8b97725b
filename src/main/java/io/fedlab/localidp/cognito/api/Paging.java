package io.fedlab.localidp.cognito.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Pagination for the List operations: items are sorted by a string key, and the opaque
 * token is the base64url of the last key returned, so the next page starts after it even
 * when items were added meanwhile.
 */
final class Paging {

	private Paging() {
	}

	record Page<T>(List<T> items, String nextToken) {
	}

	static <T> Page<T> page(List<T> items, Function<T, String> key, int limit, String token) {
		List<T> sorted = items.stream().sorted(Comparator.comparing(key)).toList();
		String after = (token != null) ? decode(token) : null;
		List<T> rest = (after == null) ? sorted
				: sorted.stream().filter((item) -> key.apply(item).compareTo(after) > 0).toList();
		if (rest.size() <= limit) {
			return new Page<>(rest, null);
		}
		List<T> page = rest.subList(0, limit);
		return new Page<>(page, encode(key.apply(page.get(limit - 1))));
	}

	private static String encode(String key) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
	}

	private static String decode(String token) {
		try {
			return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.invalidParameter("Invalid pagination token.");
		}
	}

}

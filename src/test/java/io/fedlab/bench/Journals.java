package io.fedlab.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * Back-channel calls counted from the emulators' own WireMock request journals
 * ({@code /__admin/requests}): the app's calls to Cognito, and Cognito's calls to Auth0.
 */
final class Journals {

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final String cognitoApi;

	private final String hostedUi;

	private final String auth0;

	Journals(String cognitoApi, String hostedUi, String auth0) {
		this.cognitoApi = cognitoApi;
		this.hostedUi = hostedUi;
		this.auth0 = auth0;
	}

	void reset() throws IOException, InterruptedException {
		for (String base : List.of(this.cognitoApi, this.hostedUi, this.auth0)) {
			this.http.send(HttpRequest.newBuilder(URI.create(base + "/__admin/requests")).DELETE().build(),
					HttpResponse.BodyHandlers.discarding());
		}
	}

	/**
	 * Calls by endpoint since the last reset; throws if a journal overflowed (it keeps
	 * 2000 entries), because the counts would then be short.
	 */
	Map<String, Integer> backChannel() throws Exception {
		Map<String, Integer> counts = new TreeMap<>();
		for (String key : List.of("app→cognito discovery", "app→cognito JWKS", "app→cognito token",
				"app→cognito userInfo", "app→cognito GetUser", "app→cognito revoke", "cognito→auth0 discovery",
				"cognito→auth0 JWKS", "cognito→auth0 token", "cognito→auth0 userinfo")) {
			counts.put(key, 0);
		}
		for (Map<String, Object> request : requests(this.cognitoApi)) {
			String url = (String) request.get("url");
			if (url.endsWith("/.well-known/openid-configuration")) {
				counts.merge("app→cognito discovery", 1, Integer::sum);
			}
			else if (url.endsWith("/.well-known/jwks.json")) {
				counts.merge("app→cognito JWKS", 1, Integer::sum);
			}
			else if ("POST".equals(request.get("method"))
					&& String.valueOf(request.get("headers")).contains("GetUser")) {
				counts.merge("app→cognito GetUser", 1, Integer::sum);
			}
		}
		for (Map<String, Object> request : requests(this.hostedUi)) {
			String path = URI.create((String) request.get("url")).getPath();
			switch (path) {
				case "/oauth2/token" -> counts.merge("app→cognito token", 1, Integer::sum);
				case "/oauth2/userInfo" -> counts.merge("app→cognito userInfo", 1, Integer::sum);
				case "/oauth2/revoke" -> counts.merge("app→cognito revoke", 1, Integer::sum);
				default -> {
				}
			}
		}
		for (Map<String, Object> request : requests(this.auth0)) {
			String path = URI.create((String) request.get("url")).getPath();
			switch (path) {
				case "/.well-known/openid-configuration" -> counts.merge("cognito→auth0 discovery", 1, Integer::sum);
				case "/.well-known/jwks.json" -> counts.merge("cognito→auth0 JWKS", 1, Integer::sum);
				case "/oauth/token" -> counts.merge("cognito→auth0 token", 1, Integer::sum);
				case "/userinfo" -> counts.merge("cognito→auth0 userinfo", 1, Integer::sum);
				default -> {
				}
			}
		}
		return counts;
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> requests(String base) throws Exception {
		String body = this.http
			.send(HttpRequest.newBuilder(URI.create(base + "/__admin/requests")).GET().build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		Map<String, Object> journal = JSONObjectUtils.parse(body, Integer.MAX_VALUE);
		List<Object> requests = (List<Object>) journal.get("requests");
		Map<String, Object> meta = (Map<String, Object>) journal.get("meta");
		long total = ((Number) meta.get("total")).longValue();
		if (total >= 2000) {
			throw new IllegalStateException("The journal of " + base + " overflowed (" + total + " entries)");
		}
		return requests.stream().map((r) -> (Map<String, Object>) ((Map<String, Object>) r).get("request")).toList();
	}

}

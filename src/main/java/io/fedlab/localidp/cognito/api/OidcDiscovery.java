package io.fedlab.localidp.cognito.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Fetches an OIDC identity provider's discovery document, as Cognito does when a provider
 * is created from {@code oidc_issuer} alone. The path is appended literally, so an issuer
 * with a trailing slash yields {@code //.well-known/…} (emulated-behaviour.md §C7.3,
 * emulator choice).
 */
final class OidcDiscovery {

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	/** Discovery field to the ProviderDetails key Cognito stores it under. */
	static final Map<String, String> FIELDS = Map.of("authorization_endpoint", "authorize_url", "token_endpoint",
			"token_url", "userinfo_endpoint", "attributes_url", "jwks_uri", "jwks_uri");

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(TIMEOUT)
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	/**
	 * The endpoints the document lists, keyed as ProviderDetails keys; fails with a
	 * message naming the URL (never a secret) when it cannot be read.
	 */
	Map<String, String> discover(String issuer) {
		String url = issuer + "/.well-known/openid-configuration";
		HttpResponse<String> response;
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(url))
				.timeout(TIMEOUT)
				.header("Accept", "application/json")
				.GET()
				.build();
			response = this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException | IllegalArgumentException ex) {
			throw unreachable(url, "the issuer could not be reached");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unreachable(url, "the request was interrupted");
		}
		if (response.statusCode() != 200) {
			throw unreachable(url, "it answered HTTP " + response.statusCode());
		}
		JsonNode document = Json.parse(response.body());
		if (document == null || !document.isObject()) {
			throw unreachable(url, "it did not answer a JSON object");
		}
		Map<String, String> endpoints = new LinkedHashMap<>();
		FIELDS.forEach((field, key) -> {
			JsonNode value = document.get(field);
			if (value != null && value.isString()) {
				endpoints.put(key, value.stringValue());
			}
		});
		return endpoints;
	}

	private static ApiException unreachable(String url, String why) {
		// UNVERIFIED wording: AWS does not publish this message.
		return ApiException.invalidParameter("Unable to retrieve the OpenID Connect discovery document from " + url
				+ " (" + why + "). Check oidc_issuer, or give authorize_url, token_url, attributes_url and jwks_uri.");
	}

}

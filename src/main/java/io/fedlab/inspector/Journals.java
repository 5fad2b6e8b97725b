package io.fedlab.inspector;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Reads the local emulators' request journals over HTTP through WireMock's admin API
 * ({@code GET /__admin/requests?since=…}), never through their classes: the app does not
 * import the emulators (ArchitectureTests). Only used when {@code local.enabled=true};
 * against real AWS and Auth0 there is no journal to read.
 */
final class Journals {

	private static final int MAX_ENTRIES = 500;

	private final Map<Hop.Source, String> bases;

	private final RestClient http;

	private final JsonMapper json = JsonMapper.builder().build();

	Journals(Map<Hop.Source, String> bases) {
		this.bases = bases;
		SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(Duration.ofSeconds(2));
		requests.setReadTimeout(Duration.ofSeconds(5));
		this.http = RestClient.builder().requestFactory(requests).build();
	}

	/**
	 * The entries each emulator logged since a moment, oldest first.
	 * @param since the earliest entry wanted
	 * @return entries by emulator; an emulator that could not be read is missing
	 */
	Map<Hop.Source, List<JournalEntry>> since(Instant since) {
		Map<Hop.Source, List<JournalEntry>> journals = new EnumMap<>(Hop.Source.class);
		this.bases.forEach((source, base) -> {
			try {
				String body = this.http.get()
					.uri(base + "/__admin/requests?since={since}&limit={limit}", since.toString(), MAX_ENTRIES)
					.retrieve()
					.body(String.class);
				journals.put(source, parse(source, body));
			}
			catch (RestClientException | IllegalArgumentException ex) {
				// the emulator is not there (stopped, or the app runs against other
				// servers)
			}
		});
		return journals;
	}

	List<JournalEntry> parse(Hop.Source source, String body) {
		List<JournalEntry> entries = new ArrayList<>();
		JsonNode root = this.json.readTree((body != null) ? body : "{}");
		for (JsonNode served : root.path("requests")) {
			entries.add(entry(source, served));
		}
		entries.sort((a, b) -> Long.compare(a.at(), b.at()));
		return entries;
	}

	private static JournalEntry entry(Hop.Source source, JsonNode served) {
		JsonNode request = served.path("request");
		JsonNode response = served.path("response");
		Map<String, String> headers = lowerCase(request.path("headers"));
		String url = request.path("url").asString("");
		Map<String, List<String>> form = Map.of();
		if (headers.getOrDefault("content-type", "").contains("application/x-www-form-urlencoded")) {
			form = Mask.form(request.path("body").asString(""));
		}
		String authorization = headers.get("authorization");
		String bearer = (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7))
				? Fingerprint.of(authorization.substring(7).trim()) : null;
		Map<String, String> cookies = new LinkedHashMap<>();
		request.path("cookies")
			.properties()
			.forEach((cookie) -> cookies.put(cookie.getKey(), Fingerprint.of(text(cookie.getValue()))));
		String location = lowerCase(response.path("headers")).get("location");
		Map<String, String> fields = Map.of();
		String responseBody = response.path("body").asString("");
		if (url.endsWith("/token") && responseBody.startsWith("{")) {
			fields = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> field : readObject(responseBody).properties()) {
				fields.put(field.getKey(), text(field.getValue()));
			}
		}
		return new JournalEntry(source, request.path("loggedDate").asLong(), request.path("method").asString(""), url,
				form, bearer, cookies, response.path("status").asInt(), location, fields);
	}

	private static JsonNode readObject(String body) {
		try {
			return JsonMapper.builder().build().readTree(body);
		}
		catch (RuntimeException ex) {
			return JsonMapper.builder().build().createObjectNode();
		}
	}

	private static Map<String, String> lowerCase(JsonNode headers) {
		Map<String, String> lower = new LinkedHashMap<>();
		headers.properties()
			.forEach((header) -> lower.put(header.getKey().toLowerCase(Locale.ROOT), text(header.getValue())));
		return lower;
	}

	private static String text(JsonNode value) {
		if (value.isArray()) {
			return value.isEmpty() ? "" : text(value.get(0));
		}
		return value.isValueNode() ? value.asString() : value.toString();
	}

}

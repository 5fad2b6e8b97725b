package io.fedlab.localidp.cognito.api;

import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.fedlab.localidp.cognito.state.CognitoStore;
import io.fedlab.localidp.cognito.state.UserPool;
import io.fedlab.localidp.cognito.tokens.CognitoTokens;
import io.fedlab.localidp.cognito.tokens.PoolKeys;
import io.fedlab.localidp.http.Dispatcher;
import io.fedlab.localidp.http.Exchange;
import io.fedlab.localidp.http.HttpProblem;
import io.fedlab.localidp.http.MalformedRequest;
import io.fedlab.localidp.http.Responses;
import tools.jackson.databind.node.ObjectNode;

/**
 * The local Cognito API and issuer host (plays
 * {@code https://cognito-idp.<region>.amazonaws.com}):
 * <ul>
 * <li>{@code GET /<poolId>/.well-known/openid-configuration} and
 * {@code GET /<poolId>/.well-known/jwks.json} (emulated-behaviour.md §C3);</li>
 * <li>{@code POST /} with {@code X-Amz-Target: AWSCognitoIdentityProviderService.<Op>},
 * the awsJson 1.1 protocol the AWS SDKs and CLI speak (§C5, §C6).</li>
 * </ul>
 *
 * <p>
 * Errors are {@code {"__type","message"}} with {@code x-amzn-ErrorType: <Name>:}, 400
 * except InternalErrorException (500). Signed operations need an
 * {@code Authorization: AWS4-HMAC-SHA256 …} header, which is not verified; without one
 * the answer is 400 {@code MissingAuthenticationTokenException} "Missing Authentication
 * Token", the shape AWS's JSON front end uses. GetUser, RevokeToken and GlobalSignOut are
 * unsigned.
 *
 * <p>
 * An unknown pool on the discovery or JWKS path answers 404 {@code {"message":"User pool
 * <id> does not exist."}}.
 */
public final class CognitoApiDispatcher extends Dispatcher {

	private static final Logger log = LoggerFactory.getLogger(CognitoApiDispatcher.class);

	private static final String TARGET_PREFIX = "AWSCognitoIdentityProviderService.";

	private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

	private static final Pattern WELL_KNOWN = Pattern
		.compile("/([^/]+)/\\.well-known/(openid-configuration|jwks\\.json)");

	/** The longest {@code x-amzn-ErrorMessage} header sent. */
	private static final int MAX_HEADER_MESSAGE = 1024;

	private static final Set<String> UNSIGNED = Set.of("GetUser", "RevokeToken", "GlobalSignOut");

	private final CognitoStore store;

	private final IssuerDocuments documents;

	private final Map<String, Operation> operations = new HashMap<>();

	private volatile boolean endSessionEndpointListed = true;

	/**
	 * @param store the pools this API provisions and reads
	 * @param tokens issuer URLs, and token checks for GetUser, RevokeToken and
	 * GlobalSignOut
	 * @param keys the pools' signing keys, for the JWKS
	 * @param domainBaseUrl domain prefix to the hosted UI base URL, e.g.
	 * {@code http://localhost:9230}
	 * @param clock the time source for creation and modification dates
	 */
	public CognitoApiDispatcher(CognitoStore store, CognitoTokens tokens, PoolKeys keys,
			Function<String, String> domainBaseUrl, Clock clock) {
		this.store = store;
		this.documents = new IssuerDocuments(tokens, keys, domainBaseUrl);
		new PoolOperations(store, clock).register(this.operations);
		new ClientOperations(store, clock).register(this.operations);
		new IdentityProviderOperations(store, clock, new OidcDiscovery()).register(this.operations);
		new UserOperations(store, clock).register(this.operations);
		new UserTokenOperations(store, tokens).register(this.operations);
		on("POST", "/", this::api);
		on("GET", (path) -> WELL_KNOWN.matcher(path).matches(), this::wellKnown);
	}

	@Override
	public String getName() {
		return "local-cognito-api";
	}

	/**
	 * Unreadable input, in the API's error shape: 400 {@code SerializationException}, or
	 * {@code InvalidParameterException} for a body over the size limit (emulator choice:
	 * emulated-behaviour.md documents neither).
	 */
	@Override
	public ResponseDefinition badRequest(String method, String path, MalformedRequest problem) {
		return error(problem.tooLarge() ? ApiException.invalidParameter(problem.getMessage())
				: ApiException.serialization(problem.getMessage()));
	}

	/** The operations this API answers, by name (the part after the target prefix). */
	public SortedSet<String> operationNames() {
		return Collections.unmodifiableSortedSet(new TreeSet<>(this.operations.keySet()));
	}

	/**
	 * Whether discovery lists {@code end_session_endpoint} (default true, as since about
	 * February 2024); false mimics older pools (emulated-behaviour.md §C3, CONFLICT).
	 */
	public void setEndSessionEndpointListed(boolean listed) {
		this.endSessionEndpointListed = listed;
	}

	private ResponseDefinition wellKnown(Exchange exchange) {
		Matcher m = WELL_KNOWN.matcher(exchange.path());
		m.matches();
		String poolId = m.group(1);
		UserPool pool = this.store.pool(poolId);
		if (pool == null) {
			String shown = ApiInput.POOL_ID.matcher(poolId).matches() ? poolId : "";
			ObjectNode body = Json.object().put("message", "User pool " + shown + " does not exist.");
			return Responses.json(404, Json.write(body));
		}
		ObjectNode document = m.group(2).equals("jwks.json") ? this.documents.jwks(pool)
				: this.documents.discovery(pool, this.endSessionEndpointListed);
		return Responses.json(200, Json.write(document));
	}

	private ResponseDefinition api(Exchange exchange) {
		String target = exchange.header("X-Amz-Target");
		String operationName = (target != null && target.startsWith(TARGET_PREFIX))
				? target.substring(TARGET_PREFIX.length()) : null;
		try {
			Operation operation = (operationName != null) ? this.operations.get(operationName) : null;
			if (operation == null) {
				throw new ApiException("UnknownOperationException", "Unknown operation " + safe(target));
			}
			if (!UNSIGNED.contains(operationName) && !signed(exchange)) {
				throw new ApiException("MissingAuthenticationTokenException", "Missing Authentication Token");
			}
			ApiInput input = ApiInput.parse(exchange.body());
			return success(operation.handle(input));
		}
		catch (ApiException ex) {
			return error(ex);
		}
		catch (HttpProblem | MalformedRequest problem) {
			throw problem;
		}
		catch (RuntimeException ex) {
			// The type only: the request may carry tokens or secrets.
			log.error("{} failed on {}: {}", getName(), operationName, ex.getClass().getName());
			log.debug("Failure detail", ex);
			return error(new ApiException("InternalErrorException", "Internal error.", 500));
		}
	}

	/** A SigV4 Authorization header is present; the signature is not checked. */
	private static boolean signed(Exchange exchange) {
		String authorization = exchange.header("Authorization");
		return authorization != null && authorization.startsWith("AWS4-HMAC-SHA256 ");
	}

	private static ResponseDefinition success(ObjectNode output) {
		return Responses.status(200)
			.header("Content-Type", CONTENT_TYPE)
			.header("x-amzn-RequestId", UUID.randomUUID().toString())
			.body(Json.write(output))
			.build();
	}

	private static ResponseDefinition error(ApiException ex) {
		ObjectNode body = Json.object().put("__type", ex.type()).put("message", ex.getMessage());
		return Responses.status(ex.status())
			.header("Content-Type", CONTENT_TYPE)
			.header("x-amzn-RequestId", UUID.randomUUID().toString())
			.header("x-amzn-ErrorType", ex.type() + ":")
			.header("x-amzn-ErrorMessage", ascii(ex.getMessage()))
			.body(Json.write(body))
			.build();
	}

	/**
	 * Header values must be printable ASCII (anything else becomes '?') and short: at
	 * most {@value #MAX_HEADER_MESSAGE} characters, the rest cut with "...".
	 */
	private static String ascii(String text) {
		String cut = (text.length() > MAX_HEADER_MESSAGE) ? text.substring(0, MAX_HEADER_MESSAGE - 3) + "..." : text;
		StringBuilder out = new StringBuilder(cut.length());
		for (char c : cut.toCharArray()) {
			out.append((c >= 0x20 && c < 0x7f) ? c : '?');
		}
		return out.toString();
	}

	private static String safe(String target) {
		if (target == null) {
			return "(no X-Amz-Target)";
		}
		return ascii((target.length() > 100) ? target.substring(0, 100) : target);
	}

}

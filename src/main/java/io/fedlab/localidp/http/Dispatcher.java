package io.fedlab.localidp.http;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WireMock extension behind one emulator: it routes each request that reaches the
 * emulator's catch-all stub to a handler. Stubs added through WireMock's admin API at a
 * higher priority win over it, which is how faults and overrides are injected at runtime.
 *
 * <p>
 * A request that cannot be read ({@link MalformedRequest}) is answered by
 * {@link #badRequest} in the service's own shape. A handler that fails unexpectedly
 * yields a generic 500 with no detail; the exception type is logged, never the request
 * (which may carry codes, tokens or passwords).
 */
public abstract class Dispatcher implements ResponseDefinitionTransformerV2 {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	private final List<Route> routes = new ArrayList<>();

	/** Route {@code method} (or {@code *}) on an exact path. */
	protected final void on(String method, String path, Function<Exchange, ResponseDefinition> handler) {
		this.routes.add(new Route(method, (p) -> p.equals(path), handler));
	}

	/** Route {@code method} (or {@code *}) on paths matching a predicate. */
	protected final void on(String method, Predicate<String> path, Function<Exchange, ResponseDefinition> handler) {
		this.routes.add(new Route(method, path, handler));
	}

	@Override
	public final ResponseDefinition transform(ServeEvent serveEvent) {
		try {
			Exchange exchange = Exchange.of(serveEvent.getRequest());
			boolean pathKnown = false;
			for (Route route : this.routes) {
				if (route.path().test(exchange.path())) {
					pathKnown = true;
					if (route.method().equals("*") || route.method().equalsIgnoreCase(exchange.method())) {
						return route.handler().apply(exchange);
					}
				}
			}
			return pathKnown ? methodNotAllowed(exchange) : notFound(exchange);
		}
		catch (HttpProblem problem) {
			return problem.response();
		}
		catch (MalformedRequest bad) {
			log.debug("{} refused {} {}: {}", getName(), serveEvent.getRequest().getMethod(),
					shortPath(serveEvent.getRequest().getUrl()), bad.getMessage());
			return badRequest(serveEvent.getRequest().getMethod().getName(), pathOnly(serveEvent.getRequest().getUrl()),
					bad);
		}
		catch (RuntimeException ex) {
			log.error("{} failed on {} {}: {}", getName(), serveEvent.getRequest().getMethod(),
					shortPath(serveEvent.getRequest().getUrl()), ex.getClass().getName());
			log.debug("Failure detail", ex);
			return Responses.text(500, "Internal error");
		}
	}

	/**
	 * The answer to a request that cannot be read, in the emulated service's own error
	 * shape: {@code 400} on every endpoint. The request is not parsed again: only its
	 * method and path (undecoded) are given. By default a plain-text 400.
	 * @param method the request method
	 * @param path the raw path, without the query
	 * @param problem what is wrong, worded by the emulator
	 */
	public ResponseDefinition badRequest(String method, String path, MalformedRequest problem) {
		return Responses.text(400, "Bad Request");
	}

	protected ResponseDefinition notFound(Exchange exchange) {
		return Responses.text(404, "Not found");
	}

	protected ResponseDefinition methodNotAllowed(Exchange exchange) {
		return Responses.text(405, "Method not allowed");
	}

	@Override
	public boolean applyGlobally() {
		return false;
	}

	static String pathOnly(String url) {
		int q = url.indexOf('?');
		return (q < 0) ? url : url.substring(0, q);
	}

	/** The path for a log line: without the query, at most 100 characters. */
	static String shortPath(String url) {
		String path = pathOnly(url);
		return (path.length() > 100) ? path.substring(0, 100) + "…" : path;
	}

	private record Route(String method, Predicate<String> path, Function<Exchange, ResponseDefinition> handler) {
	}

}

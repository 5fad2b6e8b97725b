package io.fedlab.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small load balancer for tests: each request goes to the next backend in turn, with
 * its method, target, headers (Host included: the app sees the address the browser used,
 * as behind nginx with {@code proxy_set_header Host $http_host}) and body unchanged; the
 * response comes back unchanged. A backend that refuses the connection is skipped for
 * that request, as nginx's {@code proxy_next_upstream error} does. Every request is
 * recorded with the backend that answered it.
 */
public final class RoundRobinProxy implements AutoCloseable {

	private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
			"transfer-encoding", "te", "trailer", "upgrade", "content-length", "expect", "date");

	private final HttpServer server;

	private final List<Integer> backends;

	private final List<Served> served = new CopyOnWriteArrayList<>();

	private int next;

	/** One request: what was asked, which backend (index) answered, with what status. */
	public record Served(String method, String path, int backend, int status) {
	}

	private RoundRobinProxy(HttpServer server, List<Integer> backends) {
		this.server = server;
		this.backends = backends;
	}

	/**
	 * Listens on {@code port} of the loopback interface, in front of {@code backends}.
	 */
	public static RoundRobinProxy start(int port, List<Integer> backendPorts) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
			RoundRobinProxy proxy = new RoundRobinProxy(server, List.copyOf(backendPorts));
			server.createContext("/", proxy::handle);
			server.setExecutor(Executors.newFixedThreadPool(4));
			server.start();
			return proxy;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every request so far, in order. */
	public List<Served> served() {
		return List.copyOf(this.served);
	}

	/** The requests whose path starts with {@code prefix}. */
	public List<Served> served(String prefix) {
		return this.served.stream().filter((s) -> s.path().startsWith(prefix)).toList();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		int first = turn();
		for (int attempt = 0; attempt < this.backends.size(); attempt++) {
			int backend = (first + attempt) % this.backends.size();
			byte[] response;
			try {
				response = forward(this.backends.get(backend), exchange, body);
			}
			catch (IOException ex) {
				continue; // refused or reset: the next backend
			}
			int status = relay(response, exchange);
			this.served
				.add(new Served(exchange.getRequestMethod(), exchange.getRequestURI().toString(), backend, status));
			return;
		}
		this.served.add(new Served(exchange.getRequestMethod(), exchange.getRequestURI().toString(), -1, 502));
		exchange.sendResponseHeaders(502, -1);
		exchange.close();
	}

	private synchronized int turn() {
		int turn = this.next;
		this.next = (this.next + 1) % this.backends.size();
		return turn;
	}

	/**
	 * HTTP/1.0 to the backend: the whole response, then the connection closes (no
	 * chunking to undo).
	 */
	private static byte[] forward(int port, HttpExchange exchange, byte[] body) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
			socket.setSoTimeout(30_000);
			StringBuilder head = new StringBuilder();
			head.append(exchange.getRequestMethod())
				.append(' ')
				.append(exchange.getRequestURI().toString())
				.append(" HTTP/1.0\r\n");
			for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
				if (HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
					continue;
				}
				for (String value : header.getValue()) {
					head.append(header.getKey()).append(": ").append(value).append("\r\n");
				}
			}
			if (body.length > 0) {
				head.append("Content-Length: ").append(body.length).append("\r\n");
			}
			head.append("\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(body);
			out.flush();
			return socket.getInputStream().readAllBytes();
		}
	}

	private static int relay(byte[] response, HttpExchange exchange) throws IOException {
		int end = indexOf(response, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
		if (end < 0) {
			throw new IOException("Incomplete response from backend");
		}
		String[] lines = new String(response, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			String name = lines[i].substring(0, colon).trim();
			if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
				exchange.getResponseHeaders().add(name, lines[i].substring(colon + 1).trim());
			}
		}
		byte[] body = new byte[response.length - end - 4];
		System.arraycopy(response, end + 4, body, 0, body.length);
		boolean noBody = status == 204 || status == 304 || exchange.getRequestMethod().equals("HEAD");
		exchange.sendResponseHeaders(status, (noBody || body.length == 0) ? -1 : body.length);
		if (!noBody && body.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
		exchange.close();
		return status;
	}

	private static int indexOf(byte[] data, byte[] pattern) {
		outer: for (int i = 0; i <= data.length - pattern.length; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (data[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}

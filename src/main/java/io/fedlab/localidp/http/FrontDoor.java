package io.fedlab.localidp.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import wiremock.jakarta.servlet.Filter;
import wiremock.jakarta.servlet.FilterChain;
import wiremock.jakarta.servlet.ReadListener;
import wiremock.jakarta.servlet.ServletException;
import wiremock.jakarta.servlet.ServletInputStream;
import wiremock.jakarta.servlet.ServletRequest;
import wiremock.jakarta.servlet.ServletResponse;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletRequestWrapper;
import wiremock.jakarta.servlet.http.HttpServletResponse;

/**
 * The first servlet filter of an emulator's two Jetty contexts (the emulated endpoints,
 * and WireMock's admin API under {@code /__admin}), ahead of WireMock's own handling and
 * of the CORS filter WireMock puts on its admin API:
 * <ul>
 * <li>a {@code Host} that is neither the emulator's configured host name nor a loopback
 * address is refused with 403 (DNS rebinding), on every path;</li>
 * <li>on the admin API, a browser request from any other origin ({@code Origin} not this
 * emulator's own, or {@code Sec-Fetch-Site} other than {@code same-origin} or
 * {@code none}) is refused with 403, before any CORS header is written;</li>
 * <li>a body over the limit is refused (in the service's own shape on the emulated
 * endpoints) holding at most the limit in memory: the rest is read and dropped, so it is
 * never held whole nor journalled;</li>
 * <li>on the emulated endpoints, input WireMock itself cannot decode (broken
 * percent-encoding in the query or a form body, an unknown charset, a multipart body) is
 * answered by the {@link Dispatcher}'s {@link Dispatcher#badRequest 400} instead of
 * WireMock's 500.</li>
 * </ul>
 * Refused requests never reach WireMock, so they are not journalled.
 */
final class FrontDoor implements Filter {

	/** Admin API bodies (stub mappings) larger than this (1 MiB) are refused. */
	static final int MAX_ADMIN_BODY_BYTES = 1024 * 1024;

	/**
	 * The rest of a refused body is read and dropped, so that the client reads the answer
	 * rather than a reset connection, up to this much (64 MiB); beyond it, or when more
	 * is declared, the connection is closed.
	 */
	static final long MAX_DRAINED_BYTES = 64L * 1024 * 1024;

	private static final Logger log = LoggerFactory.getLogger(FrontDoor.class);

	private final String emulator;

	private final HostRule hosts;

	private final Dispatcher dispatcher;

	private final boolean admin;

	private final int maxBodyBytes;

	private FrontDoor(String emulator, HostRule hosts, Dispatcher dispatcher, boolean admin, int maxBodyBytes) {
		this.emulator = emulator;
		this.hosts = hosts;
		this.dispatcher = dispatcher;
		this.admin = admin;
		this.maxBodyBytes = maxBodyBytes;
	}

	/** The filter of the emulated endpoints. */
	static FrontDoor endpoints(String emulator, HostRule hosts, Dispatcher dispatcher) {
		return new FrontDoor(emulator, hosts, dispatcher, false, Exchange.MAX_BODY_BYTES);
	}

	/** The filter of the admin API. */
	static FrontDoor admin(String emulator, HostRule hosts) {
		return new FrontDoor(emulator, hosts, null, true, MAX_ADMIN_BODY_BYTES);
	}

	@Override
	public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest request = (HttpServletRequest) req;
		HttpServletResponse response = (HttpServletResponse) res;
		String host = request.getHeader("Host");
		if (!this.hosts.acceptsHost(host)) {
			log.warn("{}: refused a request for another host name (DNS rebinding?)", this.emulator);
			forbidden(response, "Forbidden: this server answers only its own host name");
			return;
		}
		if (this.admin && !sameOrigin(request, host)) {
			log.warn("{}: refused an admin API request from another origin", this.emulator);
			forbidden(response, "Forbidden: the admin API answers only its own origin");
			return;
		}
		long declared = request.getContentLengthLong();
		if (declared > this.maxBodyBytes) {
			boolean drained = declared <= MAX_DRAINED_BYTES && drain(request.getInputStream());
			refuse(request, response, MalformedRequest.tooLarge(this.maxBodyBytes), !drained);
			return;
		}
		byte[] body = null;
		if (declared > 0 || request.getHeader("Transfer-Encoding") != null) {
			body = readAtMost(request.getInputStream(), this.maxBodyBytes);
			if (body == null) {
				refuse(request, response, MalformedRequest.tooLarge(this.maxBodyBytes),
						!drain(request.getInputStream()));
				return;
			}
		}
		if (!this.admin) {
			String problem = unreadable(request, body);
			if (problem != null) {
				refuse(request, response, new MalformedRequest(problem), false);
				return;
			}
		}
		chain.doFilter((body != null) ? new BufferedBody(request, body) : request, response);
	}

	private boolean sameOrigin(HttpServletRequest request, String host) {
		String origin = request.getHeader("Origin");
		if (origin != null && !this.hosts.isSameOrigin(origin, host)) {
			return false;
		}
		String site = request.getHeader("Sec-Fetch-Site");
		return site == null || site.equalsIgnoreCase("same-origin") || site.equalsIgnoreCase("none");
	}

	/** What WireMock could not decode, or null. */
	private static String unreadable(HttpServletRequest request, byte[] body) {
		String query = request.getQueryString();
		if (query != null && (!validEscapes(query)
				|| !decodesAs(query.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))) {
			return "Malformed percent-encoding in the query";
		}
		String type = request.getHeader("Content-Type");
		if (type == null) {
			return null;
		}
		String lower = type.toLowerCase(Locale.ROOT);
		Charset charset = charset(lower);
		if (charset == null) {
			return "Unsupported charset";
		}
		if (lower.startsWith("multipart/")) {
			return "Unsupported content type";
		}
		if (body != null && lower.startsWith("application/x-www-form-urlencoded")
				&& (!validEscapes(new String(body, charset)) || !decodesAs(body, charset))) {
			return "Malformed percent-encoding in the body";
		}
		return null;
	}

	/** The charset a Content-Type names (UTF-8 when none); null if unknown. */
	private static Charset charset(String contentType) {
		int at = contentType.indexOf("charset=");
		if (at < 0) {
			return StandardCharsets.UTF_8;
		}
		String name = contentType.substring(at + "charset=".length());
		int end = name.indexOf(';');
		name = ((end < 0) ? name : name.substring(0, end)).trim();
		if (name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")) {
			name = name.substring(1, name.length() - 1);
		}
		try {
			return Charset.isSupported(name) ? Charset.forName(name) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** Every {@code %} is followed by two hex digits, as URL decoding requires. */
	static boolean validEscapes(String encoded) {
		if (encoded == null) {
			return true;
		}
		for (int i = encoded.indexOf('%'); i >= 0; i = encoded.indexOf('%', i + 1)) {
			if (i + 2 >= encoded.length() || Character.digit(encoded.charAt(i + 1), 16) < 0
					|| Character.digit(encoded.charAt(i + 2), 16) < 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether URL-encoded text (escapes already checked) decodes to valid text in
	 * {@code charset}: Jetty's form decoding fails on anything else.
	 */
	static boolean decodesAs(byte[] encoded, Charset charset) {
		if (encoded == null) {
			return true;
		}
		ByteArrayOutputStream decoded = new ByteArrayOutputStream(encoded.length);
		for (int i = 0; i < encoded.length; i++) {
			if (encoded[i] == '%' && i + 2 < encoded.length) {
				decoded.write(Character.digit(encoded[i + 1], 16) * 16 + Character.digit(encoded[i + 2], 16));
				i += 2;
			}
			else {
				decoded.write(encoded[i]);
			}
		}
		try {
			charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(decoded.toByteArray()));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	/** The whole body, or null when it is longer than {@code limit}. */
	private static byte[] readAtMost(InputStream in, int limit) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, 8192));
		byte[] buffer = new byte[8192];
		int total = 0;
		int read;
		while ((read = in.read(buffer)) >= 0) {
			total += read;
			if (total > limit) {
				return null;
			}
			out.write(buffer, 0, read);
		}
		return out.toByteArray();
	}

	/**
	 * Reads and drops the rest of a body; false when it goes on past
	 * {@link #MAX_DRAINED_BYTES}.
	 */
	private static boolean drain(InputStream in) throws IOException {
		byte[] buffer = new byte[16 * 1024];
		long total = 0;
		int read;
		while ((read = in.read(buffer)) >= 0) {
			total += read;
			if (total > MAX_DRAINED_BYTES) {
				return false;
			}
		}
		return true;
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, MalformedRequest problem,
			boolean close) throws IOException {
		log.debug("{}: refused {} {}: {}", this.emulator, request.getMethod(),
				Dispatcher.shortPath(request.getRequestURI()), problem.getMessage());
		if (this.admin) {
			write(response, Responses.text(problem.tooLarge() ? 413 : 400, problem.getMessage()), close);
			return;
		}
		String path = request.getRequestURI();
		write(response, this.dispatcher.badRequest(request.getMethod(), (path != null) ? path : "/", problem), close);
	}

	private static void forbidden(HttpServletResponse response, String message) throws IOException {
		write(response, Responses.text(403, message), false);
	}

	private static void write(HttpServletResponse response, ResponseDefinition definition, boolean close)
			throws IOException {
		response.reset();
		response.setStatus(definition.getStatus());
		if (definition.getHeaders() != null) {
			for (HttpHeader header : definition.getHeaders().all()) {
				for (String value : header.values()) {
					response.addHeader(header.key(), value);
				}
			}
		}
		if (close) {
			// The rest of an oversized body is not read: the connection ends here.
			response.setHeader("Connection", "close");
		}
		byte[] body = (definition.getBody() != null) ? definition.getBody().getBytes(StandardCharsets.UTF_8)
				: new byte[0];
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		response.flushBuffer();
	}

	/** The request with its body, already read, served again from memory. */
	private static final class BufferedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		BufferedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}

			};
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}

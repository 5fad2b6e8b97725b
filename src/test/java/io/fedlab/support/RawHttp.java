package io.fedlab.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one request per connection, for requests that
 * {@code java.net.http} refuses to send: broken percent-escapes, raw bytes, foreign
 * {@code Host} headers. Reads the whole answer (the server closes the connection).
 */
public final class RawHttp {

	private final String host;

	private final int port;

	public RawHttp(String host, int port) {
		this.host = host;
		this.port = port;
	}

	/** An answer: status, headers (last value per lower-case name), body as text. */
	public record Answer(int status, Map<String, String> headers, String body) {

		public String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

	/**
	 * Sends the request head (request line and headers, without the final blank line) and
	 * body; adds {@code Connection: close} and {@code Content-Length} for a body.
	 */
	public Answer send(byte[] head, byte[] body) throws IOException {
		try (Socket socket = new Socket(this.host, this.port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			ByteArrayOutputStream request = new ByteArrayOutputStream();
			request.write(head);
			request.write("\r\nConnection: close\r\n".getBytes(StandardCharsets.US_ASCII));
			if (body != null) {
				request.write(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
			}
			request.write("\r\n".getBytes(StandardCharsets.US_ASCII));
			if (body != null) {
				request.write(body);
			}
			try {
				out.write(request.toByteArray());
				out.flush();
			}
			catch (IOException closedEarly) {
				// the server may answer and close before reading a large body
			}
			return read(socket.getInputStream());
		}
	}

	private static Answer read(InputStream in) throws IOException {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int n; (n = in.read(buffer)) != -1;) {
				all.write(buffer, 0, n);
			}
		}
		catch (SocketTimeoutException | java.net.SocketException ex) {
			// what arrived is the answer
		}
		String text = all.toString(StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n\r\n");
		if (!text.startsWith("HTTP/1.1 ") || end < 0) {
			return new Answer(0, Map.of(), text);
		}
		String[] lines = text.substring(0, end).split("\r\n");
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon > 0) {
				headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).trim());
			}
		}
		return new Answer(Integer.parseInt(lines[0].substring(9, 12)), headers, text.substring(end + 4));
	}

}

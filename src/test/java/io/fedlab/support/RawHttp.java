package io.fedlab.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests {@code java.net.http} refuses to send: a
 * foreign {@code Host}, broken percent-encoding, any bytes at all. One request per
 * connection ({@code Connection: close}).
 */
public final class RawHttp {

	private RawHttp() {
	}

	/** A request's bytes: request line, headers (Host first unless given), body. */
	public static byte[] request(String method, String target, String host, List<String[]> headers, byte[] body) {
		StringBuilder head = new StringBuilder();
		head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
		if (host != null) {
			head.append("Host: ").append(host).append("\r\n");
		}
		for (String[] header : headers) {
			head.append(header[0]).append(": ").append(header[1]).append("\r\n");
		}
		if (body != null) {
			head.append("Content-Length: ").append(body.length).append("\r\n");
		}
		head.append("Connection: close\r\n\r\n");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
		if (body != null) {
			out.writeBytes(body);
		}
		return out.toByteArray();
	}

	public static Reply send(int port, byte[] request) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
			socket.setSoTimeout(10_000);
			try {
				OutputStream out = socket.getOutputStream();
				out.write(request);
				out.flush();
			}
			catch (IOException closedEarly) {
				// a server may answer and close before it has read a large body: its
				// answer
				// is still there to read
			}
			return parse(readWhatArrived(socket));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] readWhatArrived(Socket socket) throws IOException {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int n; (n = socket.getInputStream().read(buffer)) != -1;) {
				all.write(buffer, 0, n);
			}
		}
		catch (java.net.SocketException reset) {
			// a reset after the answer: what arrived is the answer
		}
		return all.toByteArray();
	}

	public static Reply parse(byte[] raw) {
		int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
		if (end < 0) {
			throw new IllegalStateException("No complete response head (" + raw.length + " bytes)");
		}
		String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers
				.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), (k) -> new ArrayList<>())
				.add(lines[i].substring(colon + 1).trim());
		}
		byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
		List<String> encoding = headers.get("transfer-encoding");
		if (encoding != null && encoding.get(0).equalsIgnoreCase("chunked")) {
			body = dechunk(body);
		}
		return new Reply(status, headers, body);
	}

	private static byte[] dechunk(byte[] chunked) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int at = 0;
		while (at < chunked.length) {
			int lineEnd = indexOf(chunked, at, "\r\n".getBytes(StandardCharsets.ISO_8859_1));
			String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
			int length = Integer.parseInt(size, 16);
			if (length == 0) {
				break;
			}
			out.write(chunked, lineEnd + 2, length);
			at = lineEnd + 2 + length + 2;
		}
		return out.toByteArray();
	}

	private static int indexOf(byte[] data, byte[] pattern) {
		return indexOf(data, 0, pattern);
	}

	private static int indexOf(byte[] data, int from, byte[] pattern) {
		outer: for (int i = from; i <= data.length - pattern.length; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (data[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/** A response: status, headers by lower-case name, body (de-chunked). */
	public record Reply(int status, Map<String, List<String>> headers, byte[] body) {

		public String header(String name) {
			List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
			return (values != null) ? String.join(", ", values) : null;
		}

		public String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		/** Every header line, for scanning. */
		public String headerText() {
			StringBuilder text = new StringBuilder();
			this.headers.forEach(
					(name, values) -> values.forEach((v) -> text.append(name).append(": ").append(v).append('\n')));
			return text.toString();
		}

	}

}

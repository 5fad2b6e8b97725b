package io.fedlab.localidp.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Picks free TCP ports on the loopback interface, so every URL is known before servers
 * start.
 */
public final class FreePorts {

	private FreePorts() {
	}

	/** {@code port} itself, or a free port when it is 0. */
	public static int resolve(int port) {
		if (port != 0) {
			return port;
		}
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port", ex);
		}
	}

}

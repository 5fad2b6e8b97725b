package io.fedlab.cognito;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.Optional;

import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;

/**
 * Why a call from this app to Cognito got no answer, read from the exception chain that
 * Spring's and the AWS SDK's clients wrap around the network failure. Distinguishes the
 * app's own hop failing from an error Cognito answered with.
 */
public enum CallFailure {

	/** Connected (or tried to) and waited longer than the configured timeout. */
	TIMEOUT,

	/** No connection: refused, reset, closed or the host name did not resolve. */
	UNREACHABLE,

	/**
	 * Not attempted: the app's limit of concurrent calls to Cognito was reached
	 * ({@link CognitoBusyException}).
	 */
	BUSY;

	private static final int MAX_DEPTH = 16;

	/**
	 * The network failure behind an exception, if there is one.
	 * @param failure the exception a client threw, or {@code null}
	 * @return the failure, or empty if the chain holds no network failure
	 */
	public static Optional<CallFailure> of(Throwable failure) {
		Throwable cause = failure;
		for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++) {
			if (cause instanceof CognitoBusyException) {
				return Optional.of(BUSY);
			}
			if (cause instanceof HttpConnectTimeoutException) {
				return Optional.of(UNREACHABLE);
			}
			if (cause instanceof HttpTimeoutException || cause instanceof InterruptedIOException
					|| cause instanceof ApiCallTimeoutException || cause instanceof ApiCallAttemptTimeoutException) {
				// SocketTimeoutException is an InterruptedIOException
				return Optional.of(TIMEOUT);
			}
			if (cause instanceof ConnectException || cause instanceof SocketException
					|| cause instanceof UnknownHostException || cause instanceof ClosedChannelException
					|| isClosedByPeer(cause)) {
				return Optional.of(UNREACHABLE);
			}
			cause = (cause.getCause() != cause) ? cause.getCause() : null;
		}
		return Optional.empty();
	}

	// The JDK client reports a connection the server closed without an answer as a bare
	// IOException ("HTTP/1.1 header parser received no bytes", "connection closed
	// locally")
	private static boolean isClosedByPeer(Throwable cause) {
		if (cause.getClass() != java.io.IOException.class || cause.getMessage() == null) {
			return false;
		}
		String message = cause.getMessage();
		return message.contains("received no bytes") || message.contains("closed") || message.contains("reset")
				|| message.contains("EOF");
	}

}

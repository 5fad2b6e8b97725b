package io.fedlab.localidp.http;

/**
 * A request the emulator cannot read: broken percent-encoding, a repeated parameter, an
 * unknown charset, a body over the size limit. Its {@link Dispatcher} answers it in the
 * emulated service's own error shape ({@link Dispatcher#badRequest}), never as a 500. The
 * reason is the emulator's own wording and never quotes the request.
 */
public final class MalformedRequest extends RuntimeException {

	private final boolean tooLarge;

	public MalformedRequest(String reason) {
		this(reason, false);
	}

	private MalformedRequest(String reason, boolean tooLarge) {
		super(reason, null, false, false);
		this.tooLarge = tooLarge;
	}

	/** A body over {@code limit} bytes. */
	public static MalformedRequest tooLarge(long limit) {
		return new MalformedRequest("The request body is larger than " + limit + " bytes", true);
	}

	public boolean tooLarge() {
		return this.tooLarge;
	}

}

package io.fedlab.provisioning;

/**
 * A provisioning or diagnosis failure with a message meant for the person running the
 * command (one line, no stack trace needed).
 */
public class ProvisioningException extends RuntimeException {

	public ProvisioningException(String message) {
		super(message);
	}

	public ProvisioningException(String message, Throwable cause) {
		super(message, cause);
	}

}

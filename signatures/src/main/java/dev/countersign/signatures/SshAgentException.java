package dev.countersign.signatures;

/** Thrown when the ssh-agent cannot be reached, holds none of the allowed keys, or refuses to sign. */
public class SshAgentException extends SignatureException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong, free of secret values
     */
    public SshAgentException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the underlying cause.
     *
     * @param message what went wrong, free of secret values
     * @param cause the underlying failure
     */
    public SshAgentException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.countersign.signatures.keys;

import dev.countersign.signatures.SignatureException;

/**
 * Thrown when a key or keyring cannot be used: no key in the data, no signing key, a wrong passphrase. The
 * message names the problem, never key material or the passphrase.
 */
public final class KeyringException extends SignatureException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong with the key
     */
    public KeyringException(String message) {
        super(message);
    }

    /**
     * Creates the exception with the cause it translates.
     *
     * @param message what is wrong with the key
     * @param cause the underlying failure
     */
    public KeyringException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.countersign.gitops;

import dev.countersign.signatures.keys.TrustedCertificates;

/**
 * Thrown in remote mode when the Git server and this host do not accept each other: the server refused the
 * credentials (a wrong or missing password, token or SSH key), the SSH server's host key is not listed
 * in the {@code known_hosts} the host supplied, the SSH private key cannot be decrypted (a wrong or missing
 * passphrase), or the https server's certificate is not trusted ({@link TrustedCertificates}) or names
 * another host. Nothing was written, locally or on the server. The message names the remote and never
 * contains a password, token, passphrase or key.
 */
public final class RemoteAuthenticationException extends GitOpsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was refused, naming the remote without credentials
     * @param cause the transport's failure
     */
    public RemoteAuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.countersign.gitops;

/**
 * Thrown when secrets are proposed but the repository's {@code .sops.yaml} names no recipients for their
 * file: nothing is written, and there is no plaintext fallback. Initialize the repository with age
 * recipients ({@code countersign init --age-recipient}).
 */
public final class NoSecretRecipientsException extends GitOpsException {
    private static final long serialVersionUID = 1L;

    /** The repository path of the secrets file that has no recipients. */
    private final String path;

    /**
     * Creates the exception.
     *
     * @param path the secrets file's path in the repository
     */
    public NoSecretRecipientsException(String path) {
        super("cannot encrypt secrets for " + path + ": no creation rule in .sops.yaml names recipients for it;"
                + " initialize the repository with age recipients (countersign init --age-recipient)");
        this.path = path;
    }

    /**
     * Returns the secrets file's path.
     *
     * @return the path in the repository
     */
    public String path() {
        return path;
    }
}

package dev.countersign.sops;

/**
 * Thrown when a file to read (an encrypted file, a plaintext to encrypt, a {@code .sops.yaml}) is larger than the
 * limit every reader shares ({@code InputLimits.SECRETS_FILE_BYTES}, 8 MiB); the file is refused before it is parsed.
 */
public final class FileLimitException extends SopsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the size and the limit, never the file's content
     */
    public FileLimitException(String message) {
        super(message);
    }
}

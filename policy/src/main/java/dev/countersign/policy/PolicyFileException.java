package dev.countersign.policy;

import java.io.IOException;
import java.nio.file.Path;

/** Thrown when a policy file cannot be read from disk. */
public final class PolicyFileException extends PolicyException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception, keeping the I/O failure as its cause.
     *
     * @param file the file that could not be read
     * @param cause the I/O failure
     */
    public PolicyFileException(Path file, IOException cause) {
        super("cannot read policy file " + file + ": " + cause.getClass().getSimpleName(), cause);
    }
}

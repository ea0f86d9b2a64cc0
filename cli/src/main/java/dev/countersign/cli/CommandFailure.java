package dev.countersign.cli;

/**
 * A command failed for a reason its message states in one sentence; the exit code says which kind of failure (1 by
 * default, see {@link ExitCodes}).
 */
final class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CommandFailure(String message) {
        this(message, ExitCodes.NO);
    }

    CommandFailure(String message, Throwable cause) {
        super(message, cause);
        this.exitCode = ExitCodes.of(cause);
    }

    private CommandFailure(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    /** A failure because what the command names does not exist (exit 3). */
    static CommandFailure notFound(String message) {
        return new CommandFailure(message, ExitCodes.NOT_FOUND);
    }

    /** The exit code this failure ends the command with. */
    int exitCode() {
        return exitCode;
    }
}

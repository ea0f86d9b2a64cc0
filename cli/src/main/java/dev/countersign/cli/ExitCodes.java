package dev.countersign.cli;

import dev.countersign.gitops.RemoteAuthenticationException;
import dev.countersign.gitops.UnknownProposalException;
import dev.countersign.gitops.UnpinnedChartException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/**
 * The exit codes of every {@code countersign} command, and the one place that maps a failure to its code: 0 ok, 1 the
 * answer is no (denied by policy, invalid input, stacks differ), 2 usage error, 3 not found, 4 verify findings, 5 I/O
 * error.
 */
final class ExitCodes {
    /** The command did what was asked. */
    static final int OK = 0;

    /** The answer is "no": the policy denies, the input is invalid, the stacks differ, the target is incomplete. */
    static final int NO = 1;

    /** The command line is wrong: unknown option, missing argument, unsupported output format. */
    static final int USAGE = 2;

    /** What the command names does not exist: the repository, a proposal, an environment or a commit. */
    static final int NOT_FOUND = 3;

    /** {@code verify} (or the hook) found commits that did not come through the contract. */
    static final int FINDINGS = 4;

    /** A file, standard input or the remote could not be read or written. */
    static final int IO = 5;

    private ExitCodes() {}

    /** The exit code of a failure a command reported by throwing {@code failure}. */
    static int of(Throwable failure) {
        if (failure instanceof CommandFailure f) {
            return f.exitCode();
        }
        if (failure instanceof UnknownProposalException) {
            return NOT_FOUND;
        }
        if (failure instanceof UnpinnedChartException) {
            // the environment's charts.pin rule refuses the change, even when a registry read is why
            return NO;
        }
        if (failure instanceof RemoteAuthenticationException) {
            // the remote answered and said no (credentials, host key, TLS certificate, an undecryptable key):
            // a refusal to fix in configuration, not a failed read to retry
            return NO;
        }
        return causedByIo(failure) ? IO : NO;
    }

    private static boolean causedByIo(@Nullable Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof UncheckedIOException) {
                return true;
            }
        }
        return false;
    }
}

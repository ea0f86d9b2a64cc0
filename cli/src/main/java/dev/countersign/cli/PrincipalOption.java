package dev.countersign.cli;

import dev.countersign.policy.Principal;
import picocli.CommandLine.Option;

/**
 * The {@code --as PRINCIPAL} option of the lifecycle commands that act on a proposal: who acts. A malformed
 * principal fails the command (exit 1) before the repository is opened.
 */
final class PrincipalOption {
    @Option(names = "--as", required = true, paramLabel = "PRINCIPAL", description = "Who acts.")
    @SuppressWarnings("NullAway.Init")
    String as;

    /** The principal named by {@code --as}. */
    Principal principal() {
        return Principal.parse(as);
    }
}

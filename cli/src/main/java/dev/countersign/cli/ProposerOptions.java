package dev.countersign.cli;

import dev.countersign.policy.Principal;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The {@code --as PRINCIPAL [--on-behalf-of PRINCIPAL]} options of the commands that propose: who proposes, and
 * the human an agent acts for. A malformed principal fails the command (exit 1) before the repository is opened.
 */
final class ProposerOptions {
    @Option(names = "--as", required = true, paramLabel = "PRINCIPAL", description = "Who proposes.")
    @SuppressWarnings("NullAway.Init")
    String as;

    @Option(names = "--on-behalf-of", paramLabel = "PRINCIPAL", description = "The human an agent acts for.")
    @Nullable
    String onBehalfOf;

    /** The proposer: the principal of {@code --as}, acting for the one of {@code --on-behalf-of} if given. */
    Principal principal() {
        Principal principal = Principal.parse(as);
        return onBehalfOf == null ? principal : principal.actingFor(Principal.parse(onBehalfOf));
    }
}

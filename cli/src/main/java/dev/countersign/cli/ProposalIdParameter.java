package dev.countersign.cli;

import picocli.CommandLine.Parameters;

/** The positional {@code ID} of the commands that take one proposal: always the first parameter. */
final class ProposalIdParameter {
    @Parameters(index = "0", paramLabel = "ID", description = "The proposal id.")
    @SuppressWarnings("NullAway.Init")
    String id;

    /** The proposal id as given. */
    String value() {
        return id;
    }
}

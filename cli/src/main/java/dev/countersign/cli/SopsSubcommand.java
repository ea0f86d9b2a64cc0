package dev.countersign.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * What every {@code countersign sops} subcommand has: the {@code sops} group it belongs to, which hands it the
 * environment it reads (keys, standard output), and the key options ({@code --pgp-keyring}).
 */
abstract class SopsSubcommand extends Subcommand {
    @ParentCommand
    @SuppressWarnings("NullAway.Init")
    SopsCommand parent;

    @Mixin
    SopsKeyOptions keys = new SopsKeyOptions();

    /** The environment the {@code sops} group reads. */
    final SopsEnvironment environment() {
        return parent.environment();
    }
}

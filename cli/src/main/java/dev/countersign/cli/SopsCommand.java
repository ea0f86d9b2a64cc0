package dev.countersign.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

/** {@code countersign sops}: the group of SOPS file subcommands, mirroring the {@code sops} verbs. */
@Command(
        name = "sops",
        description = "Encrypt, decrypt, rotate and update the keys of SOPS files, like the sops tool.",
        subcommands = {
            SopsEncryptCommand.class,
            SopsDecryptCommand.class,
            SopsRotateCommand.class,
            SopsUpdateKeysCommand.class
        })
final class SopsCommand extends Subcommand {
    SopsEnvironment environment() {
        return Countersign.environment(spec);
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: encrypt, decrypt, rotate or updatekeys");
    }
}

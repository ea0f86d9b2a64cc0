package dev.countersign.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code countersign sops}: the group of SOPS file subcommands, mirroring the {@code sops} verbs. */
@Command(
        name = "sops",
        description = "Encrypt, decrypt, rotate and update the keys of SOPS files, like the sops tool.",
        mixinStandardHelpOptions = true,
        subcommands = {
            SopsEncryptCommand.class,
            SopsDecryptCommand.class,
            SopsRotateCommand.class,
            SopsUpdateKeysCommand.class
        })
final class SopsCommand implements Callable<Integer> {
    private final SopsEnvironment environment;

    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    SopsCommand(SopsEnvironment environment) {
        this.environment = environment;
    }

    SopsEnvironment environment() {
        return environment;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: encrypt, decrypt, rotate or updatekeys");
    }
}

package dev.countersign.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code countersign policy}: the group of policy subcommands. */
@Command(
        name = "policy",
        description = "Check requests against a policy, or validate a policy file.",
        mixinStandardHelpOptions = true,
        subcommands = {PolicyCheckCommand.class, PolicyValidateCommand.class})
final class PolicyCommand implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: check or validate");
    }
}

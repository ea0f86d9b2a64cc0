package dev.countersign.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

/** {@code countersign policy}: the group of policy subcommands. */
@Command(
        name = "policy",
        description = "Check requests against a policy, or validate a policy file.",
        subcommands = {PolicyCheckCommand.class, PolicyValidateCommand.class})
final class PolicyCommand extends Subcommand {
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: check or validate");
    }
}

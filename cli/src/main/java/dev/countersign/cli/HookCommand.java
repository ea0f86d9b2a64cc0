package dev.countersign.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

/** {@code countersign hook}: the Git server's guard, a {@code pre-receive} hook that refuses what does not verify. */
@Command(
        name = "hook",
        description = "Install or run the pre-receive hook that makes a Git server refuse pushes to main that"
                + " do not verify.",
        subcommands = {HookInstallCommand.class, HookPreReceiveCommand.class})
final class HookCommand extends Subcommand {
    /** The process environment the hook reads: git's variables and its standard input. */
    SopsEnvironment environment() {
        return Countersign.environment(spec);
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: install or pre-receive");
    }
}

package dev.countersign.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every {@code countersign} subcommand has: {@code --help} and {@code --version}, the picocli model of the
 * command, and its standard output. A subcommand returns its exit code from {@link #call()}.
 */
@Command(mixinStandardHelpOptions = true)
abstract class Subcommand implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    /** The stack, environment, policy and secrets files this command reads ({@code -} is standard input). */
    final Inputs inputs() {
        return Inputs.of(spec);
    }

    /** The standard output of this command. */
    final PrintWriter out() {
        return spec.commandLine().getOut();
    }
}

package dev.countersign.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code -o/--output text|json} option of a command that prints text or JSON ({@code --format} stays an
 * alias). Any other format is a usage error, exit 2, rather than text printed as if it had been asked for.
 */
final class TextOrJson {
    @Spec(Spec.Target.MIXEE)
    @SuppressWarnings("NullAway.Init")
    CommandSpec command;

    @Option(
            names = {"-o", "--output", "--format"},
            paramLabel = "text|json",
            description = "Output format: text (default) or json.")
    Output format = Output.TEXT;

    /** Whether JSON was asked for; fails as a usage error when the format is neither text nor json. */
    boolean json() {
        if (format == Output.YAML) {
            throw new ParameterException(
                    command.commandLine(), "invalid output format 'yaml' for " + command.name() + ": text or json");
        }
        return format == Output.JSON;
    }
}

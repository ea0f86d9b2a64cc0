package dev.countersign.cli;

import dev.countersign.stack.StackFiles;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code -o/--output text|json|yaml} option of a command that prints a result ({@code --format} stays an alias):
 * text for people, JSON and YAML of one and the same model for machines. Any other format is a usage error, exit 2,
 * naming the accepted ones.
 */
final class OutputOption {
    @Spec(Spec.Target.MIXEE)
    @SuppressWarnings("NullAway.Init")
    CommandSpec command;

    @Option(
            names = {"-o", "--output", "--format"},
            paramLabel = "FORMAT",
            description = "Output format: text (default), json or yaml (--format is an alias).")
    Output format = Output.TEXT;

    /** Whether a machine format (JSON or YAML) was asked for. */
    boolean machine() {
        return format != Output.TEXT;
    }

    /** Prints the result: its text lines, or its model as JSON or YAML. */
    void print(Supplier<List<String>> text, Supplier<Object> model) {
        command.commandLine().getOut().print(render(format, text, model));
        command.commandLine().getOut().flush();
    }

    /** The result in {@code format}: its text lines, or its model as JSON or YAML. */
    static String render(Output format, Supplier<List<String>> text, Supplier<Object> model) {
        return switch (format) {
            case TEXT -> text.get().stream().map(line -> line + "\n").reduce("", String::concat);
            case JSON -> StackFiles.toJson(model.get());
            case YAML -> StackFiles.toYaml(List.of(model.get()));
        };
    }
}

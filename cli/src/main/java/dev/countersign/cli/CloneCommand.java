package dev.countersign.cli;

import dev.countersign.stack.CloneReport;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code countersign clone STACK --from ENV --to ENV}: what cloning to another environment takes. */
@Command(
        name = "clone",
        description = "Report what cloning a stack to another environment takes; exit 1 when the target"
                + " lacks variables.")
final class CloneCommand extends Subcommand {
    @Parameters(index = "0", paramLabel = "STACK", description = "The stack file.")
    @SuppressWarnings("NullAway.Init")
    Path stack;

    @Option(names = "--from", required = true, paramLabel = "ENV", description = "The current environment file.")
    @SuppressWarnings("NullAway.Init")
    Path from;

    @Option(names = "--to", required = true, paramLabel = "ENV", description = "The target environment file.")
    @SuppressWarnings("NullAway.Init")
    Path to;

    @Mixin
    OutputOption output = new OutputOption();

    @Override
    public Integer call() {
        CloneReport report =
                CloneReport.of(inputs().stack(stack), inputs().environment(from), inputs().environment(to));
        output.print(() -> text(report).lines().toList(), report::toTree);
        return report.isComplete() ? 0 : Countersign.EXIT_NO;
    }

    static String text(CloneReport report) {
        var text = new StringBuilder();
        text.append("clone ")
                .append(report.stack())
                .append(" from ")
                .append(report.from())
                .append(" to ")
                .append(report.to())
                .append('\n');
        report.missing()
                .forEach(name -> text.append("missing in ")
                        .append(report.to())
                        .append(": ")
                        .append(name)
                        .append('\n'));
        for (CloneReport.Difference d : report.differences()) {
            text.append("differs: ")
                    .append(d.variable())
                    .append(' ')
                    .append(d.fromValue())
                    .append(" (")
                    .append(d.fromSource().label())
                    .append(") -> ")
                    .append(d.toValue())
                    .append(" (")
                    .append(d.toSource().label())
                    .append(')')
                    .append(d.fallsBackToDefault() ? " [target falls back to a default]" : "")
                    .append('\n');
        }
        report.secrets()
                .forEach(location ->
                        text.append("supply secret again: ").append(location).append('\n'));
        text.append(
                report.isComplete()
                        ? "complete\n"
                        : "incomplete: " + report.missing().size() + " variable(s) missing\n");
        return text.toString();
    }
}

package dev.countersign.cli;

import dev.countersign.stack.StackDiff;
import dev.countersign.stack.ValueChange;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code countersign diff OLD NEW}: what changed between two versions of a stack. */
@Command(
        name = "diff",
        description = "Show components added, removed and changed between two stack versions; secrets show as"
                + " changed, never in plaintext.")
final class DiffCommand extends Subcommand {
    @Parameters(index = "0", paramLabel = "OLD", description = "The old stack file.")
    @SuppressWarnings("NullAway.Init")
    Path before;

    @Parameters(index = "1", paramLabel = "NEW", description = "The new stack file.")
    @SuppressWarnings("NullAway.Init")
    Path after;

    @Mixin
    OutputOption output = new OutputOption();

    @Option(
            names = "--exit-code",
            description = "Exit 1 when the stacks differ, 0 when they do not (as git diff --exit-code).")
    boolean exitCode;

    @Override
    public Integer call() {
        StackDiff diff = StackDiff.between(inputs().stack(before), inputs().stack(after));
        output.print(() -> text(diff).lines().toList(), diff::toTree);
        return exitCode && !diff.isEmpty() ? Countersign.EXIT_NO : 0;
    }

    static String text(StackDiff diff) {
        if (diff.isEmpty()) {
            return "no changes\n";
        }
        var text = new StringBuilder();
        diff.added().forEach(name -> text.append("+ ").append(name).append('\n'));
        diff.removed().forEach(name -> text.append("- ").append(name).append('\n'));
        diff.changed().forEach((name, changes) -> changes(text, name, changes));
        changes(text, "variables", diff.variables());
        return text.toString();
    }

    private static void changes(StringBuilder text, String owner, List<ValueChange> changes) {
        for (ValueChange change : changes) {
            text.append("~ ").append(owner).append(' ');
            text.append(change.secret() ? change.path() + ": changed (secret)" : change.toString());
            text.append('\n');
        }
    }
}

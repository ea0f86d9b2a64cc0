package dev.countersign.cli;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.gitops.RecordedChange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code countersign log}: Show the recorded changes of main, newest first. */
@Command(name = "log", description = "Show the recorded changes of main, newest first.")
final class LogCommand extends Subcommand {
    @Mixin
    RepositoryOption repository = new RepositoryOption();

    @Mixin
    OutputOption output = new OutputOption();

    @Override
    public Integer call() {
        List<RecordedChange> log = repository.apply(GitOpsRepository::log);
        output.print(
                () -> log.stream().map(LogCommand::line).toList(),
                () -> log.stream().map(LogCommand::tree).toList());
        return 0;
    }

    private static String line(RecordedChange c) {
        return c.commit().substring(0, 12) + "  " + (c.proposal().isEmpty() ? "-" : c.proposal()) + "  " + c.author()
                + "  " + c.subject()
                + (c.approvers().isEmpty() ? "" : "  approved by " + String.join(", ", c.approvers()));
    }

    private static Map<String, Object> tree(RecordedChange c) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("commit", c.commit());
        tree.put("subject", c.subject());
        tree.put("author", c.author());
        tree.put("proposal", c.proposal());
        tree.put("approvers", c.approvers());
        tree.put("contentHash", c.contentHash());
        return tree;
    }
}

package dev.countersign.cli;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.gitops.RecordedChange;
import dev.countersign.stack.StackFiles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code countersign log}: Show the recorded changes of main, newest first. */
@Command(
        name = "log",
        description = "Show the recorded changes of main, newest first.",
        mixinStandardHelpOptions = true)
final class LogCommand implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Mixin
    RepositoryOption repository = new RepositoryOption();

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or json.")
    Output format = Output.TEXT;

    @Override
    public Integer call() {
        try (GitOpsRepository repo = repository.open()) {
            List<RecordedChange> log = repo.log();
            if (format == Output.JSON) {
                spec.commandLine()
                        .getOut()
                        .println(StackFiles.toJson(
                                log.stream().map(LogCommand::tree).toList()));
            } else {
                log.forEach(c -> spec.commandLine()
                        .getOut()
                        .println(c.commit().substring(0, 12) + "  "
                                + (c.proposal().isEmpty() ? "-" : c.proposal()) + "  " + c.author() + "  " + c.subject()
                                + (c.approvers().isEmpty()
                                        ? ""
                                        : "  approved by " + String.join(", ", c.approvers()))));
            }
        }
        return 0;
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

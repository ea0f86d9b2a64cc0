package dev.countersign.cli;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.gitops.Verification;
import dev.countersign.stack.StackFiles;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code countersign verify}: Verify main offline; exit 1 when a commit did not come through the contract. */
@Command(
        name = "verify",
        description = "Verify main offline; exit 1 when a commit did not come through the contract.",
        mixinStandardHelpOptions = true)
final class VerifyCommand implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Mixin
    RepositoryOption repository = new RepositoryOption();

    @Option(names = "--checkpoint", paramLabel = "COMMIT", description = "A trusted commit to verify from.")
    @Nullable
    String checkpoint;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or json.")
    Output format = Output.TEXT;

    @Override
    public Integer call() {
        try (GitOpsRepository repo = repository.open()) {
            Verification v = repo.verify(checkpoint);
            if (format == Output.JSON) {
                spec.commandLine().getOut().println(StackFiles.toJson(tree(v)));
            } else {
                spec.commandLine()
                        .getOut()
                        .println(v.commitsChecked() + " commits checked, "
                                + v.findings().size() + " findings");
                v.findings().forEach(f -> spec.commandLine().getOut().println(f));
            }
            return v.isClean() ? 0 : Countersign.EXIT_NO;
        }
    }

    private static Map<String, Object> tree(Verification v) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("head", v.head());
        tree.put("commitsChecked", v.commitsChecked());
        tree.put(
                "findings",
                v.findings().stream()
                        .map(f -> Map.of("commit", f.commit(), "rule", f.rule(), "message", f.message()))
                        .toList());
        return tree;
    }
}

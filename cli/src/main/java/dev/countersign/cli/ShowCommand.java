package dev.countersign.cli;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.gitops.Review;
import dev.countersign.stack.StackFiles;
import dev.countersign.stack.VariableUse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code countersign show}: the review of a proposal: diff, waves, dependencies, blast radius, variables, secrets, decisions. */
@Command(
        name = "show",
        description =
                "Show the review of a proposal: diff, waves, dependencies, blast radius, variables, secrets, decisions.",
        mixinStandardHelpOptions = true)
final class ShowCommand implements Callable<Integer> {
    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Mixin
    RepositoryOption repository = new RepositoryOption();

    @Parameters(index = "0", paramLabel = "ID", description = "The proposal id.")
    @SuppressWarnings("NullAway.Init")
    String id;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or json.")
    Output format = Output.TEXT;

    @Override
    public Integer call() {
        try (GitOpsRepository repo = repository.open()) {
            Review review = repo.review(id);
            if (format == Output.JSON) {
                spec.commandLine().getOut().println(StackFiles.toJson(tree(review)));
            } else {
                text(review).forEach(spec.commandLine().getOut()::println);
            }
        }
        return 0;
    }

    private static Map<String, Object> tree(Review review) {
        Map<String, Object> tree = new LinkedHashMap<>(ProposalText.tree(review.proposal()));
        tree.put("diff", review.diff().toTree());
        tree.put("waves", review.waves());
        tree.put("dependencies", review.dependencies());
        tree.put("blastRadius", review.blastRadius());
        tree.put("variables", review.variables().stream().map(ShowCommand::use).toList());
        tree.put("secrets", review.secrets());
        tree.put("secretValues", review.secretValues());
        return tree;
    }

    private static List<String> text(Review review) {
        List<String> lines = new ArrayList<>(ProposalText.details(review.proposal()));
        lines.add("diff      " + StackFiles.toJson(review.diff().toTree()).replace('\n', ' '));
        lines.add("waves     " + review.waves());
        review.dependencies().forEach((component, dependencies) -> {
            if (!dependencies.isEmpty()) {
                lines.add("depends   " + component + " on " + String.join(", ", dependencies));
            }
        });
        lines.add("removals  " + review.blastRadius());
        review.variables().forEach(use -> lines.add("variable  " + use(use)));
        review.secrets().forEach((path, status) -> lines.add("secret    " + path + " " + status));
        review.secretValues()
                .forEach((name, status) -> lines.add("secret    " + name + " " + status
                        + (status.equals("removed") ? "" : " (value sops-encrypted, never shown)")));
        review.proposal()
                .decisions()
                .forEach(d -> lines.add("decision  " + d.action() + " by " + d.principal() + ": " + d.verdict() + " ("
                        + d.rule() + ") " + d.explanation()));
        review.proposal()
                .validApprovals()
                .forEach(a -> lines.add("approval  " + a.approver().name() + " at " + a.at()));
        return lines;
    }

    private static String use(VariableUse use) {
        return use.variable() + " from " + use.source().label() + " at " + use.location();
    }
}

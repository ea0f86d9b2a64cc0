package dev.countersign.cli;

import dev.countersign.gitops.ChartChange;
import dev.countersign.gitops.EnvironmentReview;
import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.gitops.PolicyReview;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.Review;
import dev.countersign.policy.Principal;
import dev.countersign.stack.StackFiles;
import dev.countersign.stack.VariableUse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code countersign show}: the review of a proposal: diff, waves, dependencies, blast radius, variables, secrets, decisions. */
@Command(
        name = "show",
        description =
                "Show the review of a proposal: diff, waves, dependencies, blast radius, variables, secrets, decisions.")
final class ShowCommand extends Subcommand {
    @Mixin
    RepositoryOption repository = new RepositoryOption();

    @Mixin
    ProposalIdParameter proposal = new ProposalIdParameter();

    @Mixin
    OutputOption output = new OutputOption();

    @Option(
            names = "--statement",
            description = "Print exactly the bytes the approver named by --as signs to approve the proposal (the"
                    + " approval statement), for 'ssh-keygen -Y sign -n countersign' and 'approve --signature'.")
    boolean statement;

    @Option(names = "--as", paramLabel = "PRINCIPAL", description = "The approver whose statement --statement prints.")
    @Nullable
    String as;

    @Override
    public Integer call() {
        if (statement) {
            if (as == null) {
                throw new CommandFailure("--statement needs --as PRINCIPAL: the statement names its approver");
            }
            Principal approver = Principal.parse(as);
            byte[] bytes = repository.apply(repo -> repo.reviewer(approver).approvalStatement(proposal.value()));
            out().print(new String(bytes, StandardCharsets.UTF_8));
            out().flush();
            return 0;
        }
        repository.apply(this::print);
        return 0;
    }

    private boolean print(GitOpsRepository repo) {
        String id = proposal.value();
        Proposal proposed = repo.proposal(id);
        if (proposed.isPolicyChange()) {
            PolicyReview review = repo.policyReview(id);
            output.print(() -> text(review), () -> tree(review));
        } else if (proposed.isEnvironmentChange()) {
            EnvironmentReview review = repo.environmentReview(id);
            output.print(() -> text(review), () -> tree(review));
        } else {
            Review review = repo.review(id);
            output.print(() -> text(review), () -> tree(review));
        }
        return true;
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
        tree.put("charts", review.charts().stream().map(ShowCommand::chart).toList());
        return tree;
    }

    private static List<String> text(PolicyReview review) {
        List<String> lines = new ArrayList<>(ProposalText.details(review.proposal()));
        lines.add("file      .countersign/policy.yaml");
        lines.add("policy    " + review.before().hash() + " -> "
                + review.after().hash() + " (judged under the policy in force)");
        review.changedLines().forEach(line -> lines.add("change    " + line));
        if (review.changesPricing()) {
            lines.add("file      .countersign/pricing.yaml (the price catalogue every topology change is costed with)");
            review.pricingChangedLines().forEach(line -> lines.add("pricing   " + line));
        }
        lines.addAll(trail(review.proposal()));
        return lines;
    }

    private static Map<String, Object> tree(PolicyReview review) {
        Map<String, Object> tree = new LinkedHashMap<>(ProposalText.tree(review.proposal()));
        tree.put("policyBefore", review.before().hash());
        tree.put("policyAfter", review.after().hash());
        tree.put("changedLines", review.changedLines());
        tree.put("policy", review.after().source());
        tree.put("pricingChangedLines", review.pricingChangedLines());
        return tree;
    }

    private static Map<String, Object> tree(EnvironmentReview review) {
        return EnvironmentReviewText.tree(review);
    }

    private static List<String> text(EnvironmentReview review) {
        List<String> lines = EnvironmentReviewText.lines(review);
        lines.addAll(trail(review.proposal()));
        return lines;
    }

    private static List<String> trail(Proposal proposal) {
        List<String> lines = new ArrayList<>();
        proposal.decisions()
                .forEach(d -> lines.add("decision  " + d.action() + " by " + d.principal() + ": " + d.verdict() + " ("
                        + d.rule() + ") " + d.explanation()));
        proposal.validApprovals()
                .forEach(a -> lines.add("approval  " + a.approver().name() + " at " + a.at()));
        return lines;
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
        review.charts().forEach(chart -> lines.add("chart     " + chart.describe()));
        review.variables().forEach(use -> lines.add("variable  " + use(use)));
        review.secrets().forEach((path, status) -> lines.add("secret    " + path + " " + status));
        review.secretValues()
                .forEach((name, status) -> lines.add("secret    " + name + " " + status
                        + (status.equals("removed") ? "" : " (value sops-encrypted, never shown)")));
        lines.addAll(trail(review.proposal()));
        return lines;
    }

    private static Map<String, Object> chart(ChartChange chart) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("component", chart.component());
        tree.put("repository", chart.repository());
        tree.put("chart", chart.chart());
        tree.put("status", chart.status());
        tree.put("before", side(chart.versionBefore(), chart.digestBefore()));
        tree.put("after", side(chart.versionAfter(), chart.digestAfter()));
        tree.put("otherBytesUnderSameVersion", chart.otherBytesUnderSameVersion());
        return tree;
    }

    private static Map<String, Object> side(@Nullable String version, @Nullable String digest) {
        Map<String, Object> side = new LinkedHashMap<>();
        if (version != null) {
            side.put("version", version);
        }
        if (digest != null) {
            side.put("digest", digest);
        }
        return side;
    }

    private static String use(VariableUse use) {
        return use.variable() + " from " + use.source().label() + " at " + use.location();
    }
}

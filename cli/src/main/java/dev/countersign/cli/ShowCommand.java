package dev.countersign.cli;

import dev.countersign.gitops.ChartChange;
import dev.countersign.gitops.EnvironmentReview;
import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.gitops.PolicyReview;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.Review;
import dev.countersign.gitops.content.ContentView;
import dev.countersign.policy.Principal;
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

    @Mixin
    ColorOption color = new ColorOption();

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
        ContentView content = repo.content(id);
        Palette palette = color.palette();
        if (proposed.isPolicyChange()) {
            PolicyReview review = repo.policyReview(id);
            output.print(() -> text(review, content, palette), () -> tree(review, content));
        } else if (proposed.isEnvironmentChange()) {
            EnvironmentReview review = repo.environmentReview(id);
            output.print(() -> text(review, content, palette), () -> tree(review, content));
        } else {
            Review review = repo.review(id);
            output.print(() -> text(review, content, palette), () -> tree(review, content));
        }
        return true;
    }

    private static Map<String, Object> tree(Review review, ContentView content) {
        Map<String, Object> tree = new LinkedHashMap<>(ProposalText.tree(review.proposal()));
        tree.put("diff", review.diff().toTree());
        tree.put("waves", review.waves());
        tree.put("dependencies", review.dependencies());
        tree.put("blastRadius", review.blastRadius());
        tree.put("variables", review.variables().stream().map(ShowCommand::use).toList());
        tree.put("secrets", review.secrets());
        tree.put("secretValues", review.secretValues());
        tree.put("charts", review.charts().stream().map(ShowCommand::chart).toList());
        tree.put("content", content.toTree());
        return tree;
    }

    private static List<String> text(PolicyReview review, ContentView content, Palette palette) {
        List<String> lines = new ArrayList<>(ProposalText.details(review.proposal()));
        lines.add("policy    " + review.before().hash() + " -> "
                + review.after().hash() + " (judged under the policy in force)");
        review.changedLines().forEach(line -> lines.add("change    " + line));
        if (review.changesPricing()) {
            lines.add("file      .countersign/pricing.yaml (the price catalogue every topology change is costed with)");
            review.pricingChangedLines().forEach(line -> lines.add("pricing   " + line));
        }
        lines.addAll(ContentText.files(content, palette));
        lines.addAll(trail(review.proposal()));
        return lines;
    }

    private static Map<String, Object> tree(PolicyReview review, ContentView content) {
        Map<String, Object> tree = new LinkedHashMap<>(ProposalText.tree(review.proposal()));
        tree.put("policyBefore", review.before().hash());
        tree.put("policyAfter", review.after().hash());
        tree.put("changedLines", review.changedLines());
        tree.put("policy", review.after().source());
        tree.put("pricingChangedLines", review.pricingChangedLines());
        tree.put("content", content.toTree());
        return tree;
    }

    private static Map<String, Object> tree(EnvironmentReview review, ContentView content) {
        Map<String, Object> tree = EnvironmentReviewText.tree(review);
        tree.put("content", content.toTree());
        return tree;
    }

    private static List<String> text(EnvironmentReview review, ContentView content, Palette palette) {
        List<String> lines = EnvironmentReviewText.lines(review, ContentText.files(content, palette));
        lines.addAll(trail(review.proposal()));
        return lines;
    }

    private static List<String> trail(Proposal proposal) {
        List<String> lines = new ArrayList<>();
        proposal.decisions()
                .forEach(d -> lines.add("decision  " + d.action() + " by " + d.principal() + ": " + d.verdict()
                        + " by rule " + d.rule() + explanation(d.verdict(), d.explanation())));
        proposal.validApprovals()
                .forEach(a -> lines.add("approval  " + a.approver().name() + " at " + a.at()));
        return lines;
    }

    private static String explanation(String verdict, String explanation) {
        return explanation.isBlank() || explanation.equals(verdict) ? "" : ": " + explanation;
    }

    private static List<String> text(Review review, ContentView content, Palette palette) {
        List<String> lines = new ArrayList<>(ProposalText.details(review.proposal()));
        for (int wave = 0; wave < review.waves().size(); wave++) {
            lines.add(String.format("%-10s", "wave " + (wave + 1))
                    + String.join(", ", review.waves().get(wave)));
        }
        review.dependencies().forEach((component, dependencies) -> {
            if (!dependencies.isEmpty()) {
                lines.add("depends   " + component + " on " + String.join(", ", dependencies));
            }
        });
        if (review.diff().isEmpty()) {
            lines.add("diff      no changes");
        }
        review.diff().variables().forEach(change -> lines.add("default   " + change));
        lines.addAll(ContentText.stack(content, palette));
        review.secrets().forEach((path, status) -> lines.add("secret    " + path + " " + status));
        lines.addAll(ContentText.files(content, palette));
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

    private static String use(dev.countersign.stack.VariableUse use) {
        return use.variable() + " from " + use.source().label() + " at " + use.location();
    }
}

package dev.countersign.cli;

import dev.countersign.gitops.EnvironmentReview;
import dev.countersign.stack.Environment;
import dev.countersign.stack.ValueChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Writes an environment change's review, an added or retired environment included, as text lines or a tree. */
final class EnvironmentReviewText {
    private EnvironmentReviewText() {}

    static Map<String, Object> tree(EnvironmentReview review) {
        Map<String, Object> tree = new LinkedHashMap<>(ProposalText.tree(review.proposal()));
        tree.put("change", review.change());
        putIfDefined(tree, "before", review.before());
        putIfDefined(tree, "after", review.after());
        tree.put("stacks", review.stacks());
        tree.put("changedPaths", review.proposal().changedPaths());
        tree.put("secretsLeftOut", review.secretsLeftOut());
        tree.put(
                "topology",
                review.topologyChanges().stream().map(ValueChange::toTree).toList());
        cost(review).ifPresent(cost -> tree.put("cost", cost));
        return tree;
    }

    static List<String> lines(EnvironmentReview review, List<String> files) {
        List<String> lines = new ArrayList<>(ProposalText.details(review.proposal()));
        lines.add("change    environment " + review.change());
        lines.add("renderer  " + renderer(review.before()) + " -> " + renderer(review.after()));
        lines.add("stacks    " + String.join(", ", review.stacks()) + " (rendered again)");
        review.secretsLeftOut()
                .forEach(stack -> lines.add("secrets   " + stack + ": recorded secret values left out of the Flux"
                        + " files (no Flux Secret; a human proposes them again)"));
        review.topologyChanges()
                .forEach(change -> lines.add("topology  " + change.toString().replace('\n', ' ')));
        cost(review).ifPresent(cost -> cost.forEach(line -> lines.add("cost      " + line)));
        lines.addAll(files);
        return lines;
    }

    /** The cost review's lines; a server type the catalogue lacks is shown, not thrown. */
    private static java.util.Optional<List<String>> cost(EnvironmentReview review) {
        try {
            return review.costReview().map(dev.countersign.stack.CostReview::text);
        } catch (dev.countersign.stack.UnknownServerTypeException e) {
            return java.util.Optional.of(List.of("unknown: " + e.getMessage()));
        }
    }

    private static void putIfDefined(Map<String, Object> tree, String key, @Nullable Environment environment) {
        if (environment != null) {
            tree.put(key, environment.toTree());
        }
    }

    private static String renderer(@Nullable Environment environment) {
        return environment == null ? "(none)" : environment.renderer().id();
    }
}

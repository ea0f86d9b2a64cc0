package dev.countersign.samples.quickstart;

import dev.countersign.gitops.RecordedDecision;
import dev.countersign.gitops.Review;
import dev.countersign.stack.Environment;
import dev.countersign.stack.Scope;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackDiff;
import dev.countersign.stack.ValueChange;
import dev.countersign.stack.VariableUse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A review as a reviewer reads it: one labelled block per part, values resolved with their provenance. */
final class ReviewText {
    private static final String INDENT = "               ";

    private ReviewText() {}

    static List<String> lines(Review review, Stack stack, Environment environment) {
        List<String> lines = new ArrayList<>();
        block(lines, "diff", diff(review.diff()));
        block(lines, "deploy waves", waves(review.waves()));
        block(lines, "blast radius", blastRadius(review.blastRadius()));
        block(lines, "variables", variables(review.variables(), stack, environment));
        block(lines, "secrets", secrets(review.secretValues()));
        block(lines, "policy", decisions(review.proposal().decisions()));
        return lines;
    }

    static List<String> diff(StackDiff diff) {
        List<String> lines = new ArrayList<>();
        if (!diff.added().isEmpty()) {
            lines.add("+ " + String.join(", ", diff.added()));
        }
        if (!diff.removed().isEmpty()) {
            lines.add("- " + String.join(", ", diff.removed()));
        }
        diff.changed()
                .forEach((component, changes) -> changes.forEach(c -> lines.add("~ " + component + " " + oneLine(c))));
        diff.variables().forEach(c -> lines.add("~ variable " + change(c)));
        return lines;
    }

    static List<String> variables(List<VariableUse> uses, Stack stack, Environment environment) {
        Map<String, Usage> usages = new LinkedHashMap<>();
        for (VariableUse use : uses) {
            usages.computeIfAbsent(use.variable(), v -> new Usage(use.source(), new LinkedHashSet<>()))
                    .components()
                    .add(use.location().component());
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<String> secret = stack.secretVariables();
        usages.forEach((variable, usage) -> values.put(
                variable, secret.contains(variable) ? "(secret)" : value(variable, usage.scope(), stack, environment)));
        String format = "%-" + width(values.keySet()) + "s = %-" + width(values.values()) + "s  from %s, used by %s";
        List<String> lines = new ArrayList<>();
        usages.forEach((variable, usage) -> lines.add(String.format(
                format,
                variable,
                values.get(variable),
                secret.contains(variable) ? "the secrets file" : usage.scope().label(),
                String.join(", ", usage.components()))));
        return lines;
    }

    private static int width(Collection<String> texts) {
        return texts.stream().mapToInt(String::length).max().orElse(1);
    }

    private record Usage(Scope scope, Set<String> components) {}

    private static String value(String variable, Scope scope, Stack stack, Environment environment) {
        Object value = switch (scope) {
            case ENVIRONMENT -> environment.variables().get(variable);
            case STACK_DEFAULT -> stack.variables().get(variable);
            case OVERRIDE, INLINE_DEFAULT -> null;
        };
        return value == null ? "(" + scope.label() + ")" : String.valueOf(value);
    }

    private static List<String> waves(List<List<String>> waves) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < waves.size(); i++) {
            lines.add((i + 1) + ": " + String.join(", ", waves.get(i)));
        }
        return lines;
    }

    private static List<String> blastRadius(Map<String, List<String>> blastRadius) {
        if (blastRadius.isEmpty()) {
            return List.of("nothing removed");
        }
        return blastRadius.entrySet().stream()
                .map(e -> e.getKey() + " removed; depending on it: "
                        + (e.getValue().isEmpty() ? "nothing" : String.join(", ", e.getValue())))
                .toList();
    }

    private static List<String> secrets(Map<String, String> values) {
        if (values.isEmpty()) {
            return List.of("none in this proposal");
        }
        int width = width(values.keySet());
        return values.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> String.format(
                        "%-" + width + "s  %s, sops-encrypted; the value is never shown", e.getKey(), e.getValue()))
                .toList();
    }

    private static List<String> decisions(List<RecordedDecision> decisions) {
        return decisions.stream()
                .map(d -> d.action() + " by " + d.principal() + ": " + d.verdict() + " (rule " + d.rule() + ")")
                .collect(Collectors.toList());
    }

    private static String oneLine(ValueChange change) {
        return change.toString().replaceAll("\\s*\\n\\s*", " ");
    }

    private static String change(ValueChange change) {
        return change.path() + ": " + change.before().map(String::valueOf).orElse("(absent)") + " -> "
                + change.after().map(String::valueOf).orElse("(absent)");
    }

    private static void block(List<String> lines, String label, List<String> body) {
        String head = String.format("%-" + INDENT.length() + "s", label);
        for (int i = 0; i < body.size(); i++) {
            lines.add((i == 0 ? head : INDENT) + body.get(i));
        }
    }
}

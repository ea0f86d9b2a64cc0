package dev.countersign.testkit;

import static org.quicktheories.generators.SourceDSL.lists;

import dev.countersign.policy.Action;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Policy documents as YAML text, assembled from drawn parts; {@link PolicyGen} parses them. */
final class PolicyDocuments {
    private static final List<String> ROLES = List.of("r0", "r1", "r2", "r3");
    private static final List<String> PATTERNS = List.of(
            "human:a", "human:b", "human:c", "agent:x", "agent:y", "service:s", "human:*", "agent:*", "service:*");
    private static final List<String> SCOPES = List.of(
            "",
            "  agentScope: {allow: [\"/helm/values/**\"]}\n",
            "  agentScope: {deny: [\"**/image/**\"], denyKinds: [ClusterRoleBinding]}\n",
            "  agentScope: {allow: [\"**\"]}\n");

    private PolicyDocuments() {}

    static Gen<String> documents() {
        Gen<List<Set<Action>>> roles = lists().of(actionSets()).ofSize(ROLES.size());
        Gen<List<String>> bindings = lists().of(binding()).ofSizeBetween(0, 8);
        Gen<String> environments =
                Generate.range(0, 3).zip(Generate.booleans(), Generate.booleans(), PolicyDocuments::environments);
        Gen<String> extras = Generate.pick(SCOPES)
                .zip(
                        Generate.range(0, 5),
                        Generate.range(1, 2),
                        (scope, max, extra) ->
                                scope + "  blastRadius: {maxDependents: " + max + ", extraApprovals: " + extra + "}\n");
        return roles.zip(bindings, environments, extras, PolicyDocuments::document);
    }

    private static Gen<Set<Action>> actionSets() {
        return lists().of(Generate.enumValues(Action.class)).ofSizeBetween(1, 8).map(list ->
                (Set<Action>) EnumSet.copyOf(list));
    }

    private static Gen<String> binding() {
        Gen<List<String>> roles = lists().of(Generate.pick(ROLES))
                .ofSizeBetween(1, 3)
                .map(list -> list.stream().distinct().toList());
        return Generate.pick(PATTERNS)
                .zip(
                        roles,
                        Generate.pick(List.of("\"*\"", "staging", "production")),
                        (who, granted, env) -> "    - {principal: \"" + who + "\", roles: " + granted
                                + ", environments: [" + env + "]}\n");
    }

    private static String environments(int required, boolean freeze, boolean weekly) {
        String windows = (freeze
                        ? "        - {from: \"2026-11-01T00:00:00Z\", to: \"2026-12-01T00:00:00Z\", reason: generated}\n"
                        : "")
                + (weekly ? "        - {weekly: {days: [WED]}, zone: Asia/Tokyo, reason: generated}\n" : "");
        return "  environments:\n    production:\n      approvals: {required: " + required + "}\n"
                + (windows.isEmpty() ? "" : "      freeze:\n" + windows);
    }

    private static String document(List<Set<Action>> roles, List<String> bindings, String environments, String extras) {
        StringBuilder text = new StringBuilder(
                "apiVersion: countersign.dev/v1\nkind: Policy\nmetadata: {name: generated}\nspec:\n  roles:\n");
        for (int i = 0; i < roles.size(); i++) {
            text.append("    ")
                    .append(ROLES.get(i))
                    .append(": [")
                    .append(roles.get(i).stream().map(Action::spelling).collect(Collectors.joining(", ")))
                    .append("]\n");
        }
        text.append(bindings.isEmpty() ? "  bindings: []\n" : "  bindings:\n" + String.join("", bindings));
        return text.append(environments)
                .append(extras)
                .append("  protect: {components: [c0]}\n")
                .toString();
    }
}

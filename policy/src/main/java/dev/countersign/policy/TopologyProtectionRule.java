package dev.countersign.policy;

import dev.countersign.stack.NodeGroup;
import dev.countersign.stack.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Node groups and the control plane are always protected, like PersistentVolumeClaims, judged against the
 * recorded topology: removing a group from the file is a deletion, denied until a separate unprotect change has
 * recorded the group with the label {@code countersign.dev/protected: "false"}; scaling a group to zero is a
 * change, not a deletion. The control plane cannot be deleted.
 */
final class TopologyProtectionRule implements Rule {
    private static final String UNTIL = "; record a separate unprotect change first (the group's label "
            + Protections.LABEL + ": \"false\"); scaling it to zero is a change, not a deletion";

    @Override
    public void check(Evaluation e) {
        TopologyChange change = e.request.topologyChange();
        Topology base = change == null ? null : change.base();
        if (change == null || base == null) {
            return;
        }
        Topology proposed = change.proposed();
        if (proposed == null) {
            e.deny(
                    BuiltInRule.PROTECTION,
                    "the control plane and node groups " + base.names() + " of " + e.environment()
                            + " are protected in the recorded state; removing spec.topology deletes them and is"
                            + " denied",
                    TopologyScopeRule.COMPONENT,
                    "/topology");
            return;
        }
        List<String> unprotected = new ArrayList<>();
        for (NodeGroup group : base.nodeGroups()) {
            Optional<NodeGroup> now = proposed.group(group.name());
            if (!isProtected(group)) {
                continue;
            }
            if (now.isEmpty()) {
                e.deny(
                        BuiltInRule.PROTECTION,
                        "node group '" + group.name() + "' is protected in the recorded state; deleting it is denied"
                                + UNTIL,
                        TopologyScopeRule.COMPONENT,
                        pointer(group.name()));
            } else if (!isProtected(now.get())) {
                unprotected.add(group.name());
            }
        }
        if (!unprotected.isEmpty()) {
            judgeUnprotect(e, unprotected);
        }
    }

    static boolean isProtected(NodeGroup group) {
        return !"false".equals(group.labels().get(Protections.LABEL));
    }

    private static String pointer(String group) {
        return "/topology/nodeGroups/" + group;
    }

    private static void judgeUnprotect(Evaluation e, List<String> groups) {
        Principal author = e.request.author();
        String what = "this change lifts the protection of node groups " + groups;
        String at = pointer(groups.get(0));
        if (author.isAgent()) {
            e.deny(
                    BuiltInRule.AGENT_LIMITS,
                    "agents never unprotect: " + what + " and was proposed by " + author,
                    TopologyScopeRule.COMPONENT,
                    at);
        } else if (author.kind() != Principal.Kind.HUMAN) {
            e.deny(
                    BuiltInRule.PROTECTION,
                    what + ": an unprotect change is proposed by a human, not by " + author,
                    TopologyScopeRule.COMPONENT,
                    at);
        } else if (!e.policy.permissions(author, e.environment()).contains(Action.UNPROTECT)) {
            e.deny(
                    BuiltInRule.PROTECTION,
                    what + ", which needs the unprotect permission that " + author + " lacks in " + e.environment(),
                    TopologyScopeRule.COMPONENT,
                    at);
        }
        e.requireElevatedApprovers(new Reason(
                BuiltInRule.PROTECTION.id(),
                what + ": it needs approval from a role that may unprotect",
                TopologyScopeRule.COMPONENT,
                at));
    }
}

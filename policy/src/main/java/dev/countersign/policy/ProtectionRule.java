package dev.countersign.policy;

import dev.countersign.stack.ObjectKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Built-in rule 4: protection is judged against the recorded (base) state. Removing a protected
 * component or deleting a protected object is denied; lifting an object's protection is an unprotect
 * change of its own, proposed by a human who may unprotect and approved by other humans who may.
 */
final class ProtectionRule implements Rule {
    private static final String UNTIL = "; record a separate unprotect change first";

    @Override
    public void check(Evaluation e) {
        Change change = e.change();
        if (change == null) {
            return;
        }
        Protections protections = e.policy.protections();
        for (String removed : change.removedComponents()) {
            if (protections.components().contains(removed)) {
                e.deny(
                        BuiltInRule.PROTECTION,
                        "component '" + removed + "' is protected by the policy;" + " removing it is denied" + UNTIL
                                + " (remove it from spec.protect.components)",
                        removed,
                        "");
            }
        }
        List<KubeObject> unprotected = checkObjects(e, change, protections);
        if (!unprotected.isEmpty()) {
            judgeUnprotect(e, unprotected);
        }
    }

    private static List<KubeObject> checkObjects(Evaluation e, Change change, Protections protections) {
        Map<ObjectKey, KubeObject> after = change.proposed().objects();
        List<KubeObject> unprotected = new ArrayList<>();
        for (KubeObject before : change.base().objects().values()) {
            KubeObject now = after.get(before.key());
            if (!isProtected(before, protections)) {
                continue;
            }
            if (now == null) {
                e.deny(
                        BuiltInRule.PROTECTION,
                        before + " is protected in the recorded state; deleting it is denied" + UNTIL,
                        before.component(),
                        before.pointer());
            } else if (!isProtected(now, protections)) {
                unprotected.add(now);
            }
        }
        return unprotected;
    }

    static boolean isProtected(KubeObject object, Protections protections) {
        String label = object.protectionLabel();
        return label.equals("true")
                || protections.components().contains(object.component())
                || (!label.equals("false") && protections.kinds().contains(object.kind()));
    }

    private static void judgeUnprotect(Evaluation e, List<KubeObject> objects) {
        Principal author = e.request.author();
        KubeObject first = objects.get(0);
        String what = "this change lifts the protection of " + objects;
        if (author.isAgent()) {
            e.deny(
                    BuiltInRule.AGENT_LIMITS,
                    "agents never unprotect: " + what + " and was proposed by " + author,
                    first.component(),
                    first.pointer());
        } else if (author.kind() != Principal.Kind.HUMAN) {
            e.deny(
                    BuiltInRule.PROTECTION,
                    what + ": an unprotect change is proposed by a human, not by " + author,
                    first.component(),
                    first.pointer());
        } else if (!e.policy.permissions(author, e.environment()).contains(Action.UNPROTECT)) {
            e.deny(
                    BuiltInRule.PROTECTION,
                    what + ", which needs the unprotect permission that " + author + " lacks in " + e.environment(),
                    first.component(),
                    first.pointer());
        }
        e.requireElevatedApprovers(new Reason(
                BuiltInRule.PROTECTION.id(),
                what + ": it needs approval from a role that may unprotect",
                first.component(),
                first.pointer()));
    }
}

package dev.countersign.policy;

import java.util.Set;

/** A change whose removals or edits reach more dependents than the threshold needs extra approvals. */
final class BlastRadiusRule implements Rule {
    @Override
    public void check(Evaluation e) {
        Change change = e.change();
        BlastRadius limit = e.policy.blastRadius();
        if (change == null || limit.extraApprovals() == 0) {
            return;
        }
        Set<String> touched = change.touchedBaseComponents();
        Set<String> dependents = change.base().dependentsOf(touched);
        if (dependents.size() > limit.maxDependents()) {
            e.requireExtraApprovals(
                    limit.extraApprovals(),
                    Reason.of(
                            BuiltInRule.BLAST_RADIUS.id(),
                            "changing " + touched + " reaches " + dependents.size() + " dependents " + dependents
                                    + ", more than " + limit.maxDependents() + ": " + limit.extraApprovals()
                                    + " extra approval(s) required"));
        }
    }
}

package dev.countersign.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The state of one decision while rules run: denials, notes and demands for approvals only grow. */
final class Evaluation {
    final PolicyRequest request;
    final Policy policy;
    final Instant now;
    private final List<Reason> denials = new ArrayList<>();
    private final List<Reason> notes = new ArrayList<>();
    private final java.util.Map<String, Integer> builtInExtra = new java.util.HashMap<>();
    private int extraApprovals;
    private boolean elevated;
    private @Nullable Change view;

    Evaluation(PolicyRequest request, Policy policy, Instant now) {
        this.request = request;
        this.policy = policy;
        this.now = now;
        this.view = request.change();
    }

    /** Judges the rest against another view of the change (the rendering); findings only add up. */
    void view(Change change) {
        this.view = change;
    }

    void deny(BuiltInRule rule, String message) {
        deny(Reason.of(rule.id(), message));
    }

    void deny(BuiltInRule rule, String message, String component, String pointer) {
        deny(new Reason(rule.id(), message, component, pointer));
    }

    /** Adds a denial; the same reason found in both views is listed once. */
    void deny(Reason reason) {
        if (!denials.contains(reason)) {
            denials.add(reason);
        }
    }

    /**
     * Demands more approvals. A built-in rule demands at most once whatever the number of views (the
     * largest demand counts); host rules, run once, add up.
     */
    void requireExtraApprovals(int count, Reason why) {
        if (BuiltInRule.isBuiltIn(why.rule())) {
            builtInExtra.merge(why.rule(), count, Math::max);
        } else {
            extraApprovals += count;
        }
        note(why);
    }

    void requireElevatedApprovers(Reason why) {
        elevated = true;
        note(why);
    }

    private void note(Reason why) {
        if (!notes.contains(why)) {
            notes.add(why);
        }
    }

    @Nullable
    Change change() {
        return view;
    }

    String environment() {
        return request.environment();
    }

    Decision decide() {
        if (!denials.isEmpty()) {
            return new Decision(Decision.Outcome.DENY, 0, java.util.Set.of(), denials, policy.hash());
        }
        if (request.action() != Action.RECORD) {
            return new Decision(Decision.Outcome.ALLOW, 0, java.util.Set.of(), notes, policy.hash());
        }
        int extra = extraApprovals
                + builtInExtra.values().stream().mapToInt(Integer::intValue).sum();
        return new ApprovalCount(this, extra, elevated).decide(notes);
    }
}

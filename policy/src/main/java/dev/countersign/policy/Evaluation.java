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
    private int extraApprovals;
    private boolean elevated;

    Evaluation(PolicyRequest request, Policy policy, Instant now) {
        this.request = request;
        this.policy = policy;
        this.now = now;
    }

    void deny(BuiltInRule rule, String message) {
        denials.add(Reason.of(rule.id(), message));
    }

    void deny(BuiltInRule rule, String message, String component, String pointer) {
        denials.add(new Reason(rule.id(), message, component, pointer));
    }

    void deny(Reason reason) {
        denials.add(reason);
    }

    void requireExtraApprovals(int count, Reason why) {
        extraApprovals += count;
        notes.add(why);
    }

    void requireElevatedApprovers(Reason why) {
        elevated = true;
        notes.add(why);
    }

    @Nullable
    Change change() {
        return request.change();
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
        return new ApprovalCount(this, extraApprovals, elevated).decide(notes);
    }
}

package dev.countersign.gitops;

import dev.countersign.policy.Policy;
import java.util.ArrayList;
import java.util.List;

/**
 * What a reviewer sees before approving a policy change: the policy as recorded at the proposal's base and as
 * proposed, each with its text and hash. The change is judged under {@link #before()}, never under {@link
 * #after()}. Immutable.
 *
 * @param proposal the proposal, with its state, decisions and approvals
 * @param before the policy in force at the proposal's base
 * @param after the policy as proposed
 */
public record PolicyReview(Proposal proposal, Policy before, Policy after) {

    /**
     * Returns the lines of the policy text that the change removes, each prefixed {@code - }, then those it adds,
     * each prefixed {@code + }, in file order: a line diff for reading, not a patch.
     *
     * @return the changed lines
     */
    public List<String> changedLines() {
        List<String> was = before.source().lines().toList();
        List<String> will = after.source().lines().toList();
        List<String> lines = new ArrayList<>();
        was.stream().filter(line -> !will.contains(line)).forEach(line -> lines.add("- " + line));
        will.stream().filter(line -> !was.contains(line)).forEach(line -> lines.add("+ " + line));
        return lines;
    }
}

package dev.countersign.gitops;

import dev.countersign.stack.StackDiff;
import dev.countersign.stack.VariableUse;
import java.util.List;
import java.util.Map;

/**
 * What a reviewer sees before approving: the diff against the base, the deploy waves, the blast radius of
 * every removal, the variables as resolved for the environment with their provenance, the status of every
 * secret (changed or unchanged, never its value), and the proposal with its decisions and approvals.
 *
 * @param proposal the proposal, with its state, decisions and approvals
 * @param diff the change against the recorded stack (secret values redacted)
 * @param waves the deploy waves of the proposed stack: components in one wave do not depend on each other
 * @param blastRadius for every removed component, the recorded components that depend on it
 * @param variables every variable use in the rendered stack and the scope that supplied it
 * @param secrets for every secret path ({@code component:/pointer}), {@code added}, {@code changed} or
 *     {@code unchanged}
 */
public record Review(
        Proposal proposal,
        StackDiff diff,
        List<List<String>> waves,
        Map<String, List<String>> blastRadius,
        List<VariableUse> variables,
        Map<String, String> secrets) {

    /**
     * Copies the collections.
     *
     * @param proposal see the record component
     * @param diff see the record component
     * @param waves see the record component
     * @param blastRadius see the record component
     * @param variables see the record component
     * @param secrets see the record component
     */
    public Review {
        waves = waves.stream().map(List::copyOf).toList();
        blastRadius = Map.copyOf(blastRadius);
        variables = List.copyOf(variables);
        secrets = Map.copyOf(secrets);
    }
}

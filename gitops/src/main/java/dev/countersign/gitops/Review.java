package dev.countersign.gitops;

import dev.countersign.stack.StackDiff;
import dev.countersign.stack.VariableUse;
import java.util.Collections;
import java.util.LinkedHashMap;
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
 * @param dependencies for every component of the proposed stack, in deploy order, the components it
 *     depends on directly (the edges of the deploy picture)
 * @param blastRadius for every removed component, the recorded components that depend on it
 * @param variables every variable use in the rendered stack and the scope that supplied it
 * @param secrets for every secret path ({@code component:/pointer}), {@code added}, {@code changed} or
 *     {@code unchanged}: whether the reference written there changed
 * @param secretValues for every secret variable of the secrets file, recorded or proposed, {@code added},
 *     {@code changed}, {@code reverted} (changed by a revert, back to an earlier value), {@code unchanged} or
 *     {@code removed}: whether its value changed, judged by salted fingerprints, never by showing it
 * @param charts for every Helm component recorded or proposed, its chart version and digest before and after
 */
public record Review(
        Proposal proposal,
        StackDiff diff,
        List<List<String>> waves,
        Map<String, List<String>> dependencies,
        Map<String, List<String>> blastRadius,
        List<VariableUse> variables,
        Map<String, String> secrets,
        Map<String, String> secretValues,
        List<ChartChange> charts) {

    /**
     * Copies the collections.
     *
     * @param proposal see the record component
     * @param diff see the record component
     * @param waves see the record component
     * @param dependencies see the record component
     * @param blastRadius see the record component
     * @param variables see the record component
     * @param secrets see the record component
     * @param secretValues see the record component
     * @param charts see the record component
     */
    public Review {
        waves = waves.stream().map(List::copyOf).toList();
        dependencies = orderedCopy(dependencies);
        blastRadius = Map.copyOf(blastRadius);
        variables = List.copyOf(variables);
        secrets = Map.copyOf(secrets);
        secretValues = Map.copyOf(secretValues);
        charts = List.copyOf(charts);
    }

    private static Map<String, List<String>> orderedCopy(Map<String, List<String>> map) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        map.forEach((key, values) -> copy.put(key, List.copyOf(values)));
        return Collections.unmodifiableMap(copy);
    }
}

package dev.countersign.gitops;

import dev.countersign.stack.CostReview;
import dev.countersign.stack.Environment;
import dev.countersign.stack.Pricing;
import dev.countersign.stack.Topology;
import dev.countersign.stack.ValueChange;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a reviewer sees before approving an environment change: the definition as recorded and as proposed,
 * the stacks rendered again under it, and the stacks whose secret values the new rendering leaves out.
 * Immutable.
 *
 * @param proposal the proposal, with its state, decisions and approvals; its {@link Proposal#changedPaths()}
 *     list every file written or removed
 * @param before the environment as recorded at the proposal's base; null when the proposal adds it
 * @param after the environment as proposed; null when the proposal retires it
 * @param stacks the stacks recorded in the environment, each rendered again under {@code after}
 * @param secretsLeftOut the stacks with recorded secrets whose Flux rendering after the change has no
 *     sops-encrypted Flux {@code Secret} (a switch to Flux cannot write one, since the library never
 *     decrypts): their secret values are left out of the Flux files until a human proposes them again
 * @param pricing the price catalogue recorded at the proposal's base ({@code .countersign/pricing.yaml}), which
 *     costs the topology change; null when the repository has none
 */
public record EnvironmentReview(
        Proposal proposal,
        @Nullable Environment before,
        @Nullable Environment after,
        List<String> stacks,
        List<String> secretsLeftOut,
        @Nullable Pricing pricing) {

    /**
     * Copies the lists.
     *
     * @param proposal see the record component
     * @param before see the record component
     * @param after see the record component
     * @param stacks see the record component
     * @param secretsLeftOut see the record component
     * @param pricing see the record component
     */
    public EnvironmentReview {
        stacks = List.copyOf(stacks);
        secretsLeftOut = List.copyOf(secretsLeftOut);
    }

    /**
     * Creates a review without a price catalogue.
     *
     * @param proposal see the record component
     * @param before see the record component
     * @param after see the record component
     * @param stacks see the record component
     * @param secretsLeftOut see the record component
     */
    public EnvironmentReview(
            Proposal proposal,
            @Nullable Environment before,
            @Nullable Environment after,
            List<String> stacks,
            List<String> secretsLeftOut) {
        this(proposal, before, after, stacks, secretsLeftOut, null);
    }

    /**
     * Returns every value of the cluster topology the change changes, node groups named by name (such as {@code
     * /topology/nodeGroups/workers/count: 2 -> 3}).
     *
     * @return the changes; empty when the topology stays as recorded
     */
    public List<ValueChange> topologyChanges() {
        return Topology.diff(topology(before), topology(after));
    }

    /**
     * Returns what the topology change does to capacity and monthly cost, before and after, per node group and in
     * total, when the repository has a price catalogue and the topology changes.
     *
     * @return the cost review, or empty without a catalogue or a topology change
     * @throws dev.countersign.stack.UnknownServerTypeException if the catalogue lacks a server type named
     */
    public Optional<CostReview> costReview() {
        Pricing catalogue = pricing;
        if (catalogue == null || topologyChanges().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(CostReview.of(topology(before), topology(after), catalogue));
    }

    private static @Nullable Topology topology(@Nullable Environment environment) {
        return environment == null ? null : environment.topology();
    }

    /**
     * Names what the proposal does to the environment.
     *
     * @return {@code added} (no {@link #before()}), {@code retired} (no {@link #after()}), {@code recipients}
     *     (the environment's SOPS recipients; its sops files re-encrypted) or {@code changed}
     */
    public String change() {
        if (before == null || after == null) {
            return before == null ? "added" : "retired";
        }
        return proposal.changedPaths().stream().anyMatch(path -> path.startsWith(".countersign/recipients/"))
                ? "recipients"
                : "changed";
    }
}

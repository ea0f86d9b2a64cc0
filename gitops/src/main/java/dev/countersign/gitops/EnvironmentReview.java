package dev.countersign.gitops;

import dev.countersign.stack.Environment;
import java.util.List;

/**
 * What a reviewer sees before approving an environment change: the definition as recorded and as proposed,
 * the stacks rendered again under it, and the stacks whose secret values the new rendering leaves out.
 * Immutable.
 *
 * @param proposal the proposal, with its state, decisions and approvals; its {@link Proposal#changedPaths()}
 *     list every file written or removed
 * @param before the environment as recorded at the proposal's base
 * @param after the environment as proposed
 * @param stacks the stacks recorded in the environment, each rendered again under {@code after}
 * @param secretsLeftOut the stacks with recorded secrets whose Flux rendering after the change has no
 *     sops-encrypted Flux {@code Secret} (a switch to Flux cannot write one, since the library never
 *     decrypts): their secret values are left out of the Flux files until a human proposes them again
 */
public record EnvironmentReview(
        Proposal proposal, Environment before, Environment after, List<String> stacks, List<String> secretsLeftOut) {

    /**
     * Copies the lists.
     *
     * @param proposal see the record component
     * @param before see the record component
     * @param after see the record component
     * @param stacks see the record component
     * @param secretsLeftOut see the record component
     */
    public EnvironmentReview {
        stacks = List.copyOf(stacks);
        secretsLeftOut = List.copyOf(secretsLeftOut);
    }
}

package dev.countersign.gitops;

import dev.countersign.stack.Environment;
import java.util.List;
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
 */
public record EnvironmentReview(
        Proposal proposal,
        @Nullable Environment before,
        @Nullable Environment after,
        List<String> stacks,
        List<String> secretsLeftOut) {

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

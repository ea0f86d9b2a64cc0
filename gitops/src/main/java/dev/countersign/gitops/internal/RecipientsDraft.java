package dev.countersign.gitops.internal;

import dev.countersign.policy.Principal;
import dev.countersign.sops.AgeIdentity;
import java.util.List;

/**
 * A change of an environment's SOPS recipients about to be proposed.
 *
 * @param proposer the proposer
 * @param environment the environment
 * @param add age recipients to add
 * @param remove age recipients to remove
 * @param identities the host's identities that open the environment's sops files (never written anywhere)
 * @param rationale why
 * @param evidence backing links or notes
 */
public record RecipientsDraft(
        Principal proposer,
        String environment,
        List<String> add,
        List<String> remove,
        List<AgeIdentity> identities,
        String rationale,
        List<String> evidence) {

    /**
     * Copies the lists.
     *
     * @param proposer see the record component
     * @param environment see the record component
     * @param add see the record component
     * @param remove see the record component
     * @param identities see the record component
     * @param rationale see the record component
     * @param evidence see the record component
     */
    public RecipientsDraft {
        add = List.copyOf(add);
        remove = List.copyOf(remove);
        identities = List.copyOf(identities);
        evidence = List.copyOf(evidence);
    }

    @Override
    public String toString() {
        return "RecipientsDraft[" + environment + ", add " + add + ", remove " + remove + ", identities redacted]";
    }
}

package dev.countersign.gitops;

import dev.countersign.policy.Principal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One approval of a proposal, bound to exactly what was approved: the proposal id, its content hash and
 * its base. An approval of another id, hash or base does not count.
 *
 * @param approver the approving human
 * @param proposal the proposal id approved
 * @param contentHash the content hash approved ({@code sha256:...})
 * @param baseCommit the main-line commit the approved draft starts from
 * @param at when it was given
 * @param signature the approver's OpenPGP signature over the approval statement (base64), or null when the
 *     approval is unsigned
 */
public record Countersignature(
        Principal approver,
        String proposal,
        String contentHash,
        String baseCommit,
        Instant at,
        @Nullable String signature) {

    /**
     * Tells whether this approval binds a proposal revision as it is: its id, content hash and base.
     *
     * @param header the revision
     * @return true when the approval counts for it
     */
    public boolean binds(ProposalHeader header) {
        return proposal.equals(header.id())
                && contentHash.equals(header.contentHash())
                && baseCommit.equals(header.base().name());
    }
}

package dev.countersign.gitops.internal;

import dev.countersign.gitops.Countersignature;
import dev.countersign.gitops.Proposal;
import dev.countersign.policy.Principal;

/** The trailers of a record commit: what was proposed, by whom, who approved it, and the deciding policy. */
final class RecordTrailers {
    private RecordTrailers() {}

    /**
     * The decision that allowed the record.
     *
     * @param policyHash the hash of the policy in force
     * @param rule the deciding rule
     */
    record Decision(String policyHash, String rule) {}

    static Trailers of(Proposal r, Decision decision, DraftEdits edits) {
        Trailers.Builder trailers =
                Trailers.builder().add(Trailers.PROPOSAL, r.id()).add(Trailers.ENVIRONMENT, r.environment());
        r.header()
                .subject()
                .fold(
                        s -> trailers.add(Trailers.STACK, s.stack()),
                        e -> trailers.add(Trailers.SUBJECT, Trailers.ENVIRONMENT_SUBJECT));
        Principal proposer = r.proposer();
        trailers.add(Trailers.PROPOSED_BY, proposer.name());
        Principal onBehalfOf = proposer.onBehalfOf();
        if (onBehalfOf != null) {
            trailers.add(Trailers.ON_BEHALF_OF, onBehalfOf.name());
        }
        r.validApprovals()
                .forEach(a -> trailers.add(Trailers.APPROVED_BY, a.approver().name()));
        for (Countersignature approval : r.validApprovals()) {
            String signature = approval.signature();
            if (signature != null) {
                trailers.add(Trailers.APPROVAL_SIGNATURE, approval.approver().name() + " " + signature);
            }
        }
        trailers.add(Trailers.BASE, r.baseCommit()).add(Trailers.CHANGES, edits.digest());
        String supersedes = r.supersedes();
        if (supersedes != null) {
            trailers.add(Trailers.SUPERSEDES, supersedes);
        }
        trailers.add(Trailers.CONTENT_HASH, r.contentHash())
                .add(Trailers.POLICY, decision.policyHash())
                .add(Trailers.DECISION, "allow by " + decision.rule());
        String reverts = r.reverts();
        if (reverts != null) {
            trailers.add(Trailers.REVERTS, reverts);
        }
        return trailers.build();
    }
}

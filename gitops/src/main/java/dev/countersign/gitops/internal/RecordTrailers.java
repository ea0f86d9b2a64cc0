package dev.countersign.gitops.internal;

import dev.countersign.gitops.Countersignature;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.internal.git.Trailers;
import dev.countersign.policy.Principal;

/** The trailers of a record commit: what was proposed, by whom, who approved it, and the deciding policy. */
final class RecordTrailers {
    private RecordTrailers() {}

    /**
     * The decision that allowed the record.
     *
     * @param policyHash the hash of the policy in force
     * @param rule the deciding rule
     * @param recorder the principal who asked for the record
     * @param event the event of the proposal's log the record was decided from (its metadata commit)
     */
    record Decision(String policyHash, String rule, Principal recorder, String event) {}

    static Trailers of(Proposal r, Decision decision, DraftEdits edits) {
        Trailers.Builder trailers =
                Trailers.builder().add(Trailers.PROPOSAL, r.id()).add(Trailers.ENVIRONMENT, r.environment());
        r.header()
                .subject()
                .fold(
                        s -> trailers.add(Trailers.STACK, s.stack()),
                        e -> trailers.add(Trailers.SUBJECT, Trailers.ENVIRONMENT_SUBJECT),
                        p -> trailers.add(Trailers.SUBJECT, Trailers.POLICY_SUBJECT));
        addPeople(trailers, r);
        trailers.add(Trailers.BASE, r.baseCommit()).add(Trailers.CHANGES, edits.digest());
        String supersedes = r.supersedes();
        if (supersedes != null) {
            trailers.add(Trailers.SUPERSEDES, supersedes);
        }
        trailers.add(Trailers.CONTENT_HASH, r.contentHash())
                .add(Trailers.POLICY, decision.policyHash())
                .add(Trailers.DECISION, "allow by " + decision.rule())
                .add(Trailers.RECORDED_BY, decision.recorder().name())
                .add(Trailers.PROPOSAL_EVENT, decision.event());
        String reverts = r.reverts();
        if (reverts != null) {
            trailers.add(Trailers.REVERTS, reverts);
        }
        return trailers.build();
    }

    private static void addPeople(Trailers.Builder trailers, Proposal r) {
        Principal proposer = r.proposer();
        trailers.add(Trailers.PROPOSED_BY, proposer.name());
        Principal onBehalfOf = proposer.onBehalfOf();
        if (onBehalfOf != null) {
            trailers.add(Trailers.ON_BEHALF_OF, onBehalfOf.name());
        }
        r.validApprovals().stream()
                .map(a -> a.approver().name())
                .distinct()
                .forEach(name -> trailers.add(Trailers.APPROVED_BY, name));
        for (Countersignature approval : r.validApprovals()) {
            String signature = approval.signature();
            if (signature != null) {
                trailers.add(Trailers.APPROVAL_SIGNATURE, approval.approver().name() + " " + signature);
            }
        }
    }
}

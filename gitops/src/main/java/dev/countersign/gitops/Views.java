package dev.countersign.gitops;

import dev.countersign.gitops.internal.ProposalRecord;
import dev.countersign.policy.Principal;

/** Turns stored metadata into the public {@link Proposal} snapshot. */
final class Views {
    private Views() {}

    static Proposal proposal(ProposalRecord r) {
        return new Proposal(
                r.id(),
                r.environment(),
                r.stack(),
                proposer(r),
                r.rationale(),
                r.evidence(),
                r.baseCommit(),
                r.draftCommit(),
                r.contentHash(),
                r.changedPaths(),
                r.state(),
                r.approvals().stream()
                        .map(a -> new Countersignature(
                                Principal.parse(a.approver()), a.proposal(), a.contentHash(), a.baseCommit(), a.at()))
                        .toList(),
                r.decisions().stream()
                        .map(d -> new RecordedDecision(
                                d.action(),
                                d.principal(),
                                d.verdict(),
                                d.rule(),
                                d.explanation(),
                                d.policyHash(),
                                d.at()))
                        .toList(),
                r.recordedCommit(),
                r.supersedes(),
                r.supersededBy(),
                r.reverts(),
                r.createdAt());
    }

    private static Principal proposer(ProposalRecord r) {
        Principal proposer = Principal.parse(r.proposer());
        return r.onBehalfOf() == null ? proposer : proposer.actingFor(Principal.parse(r.onBehalfOf()));
    }
}

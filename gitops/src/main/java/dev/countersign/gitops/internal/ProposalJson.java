package dev.countersign.gitops.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.Countersignature;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalHeader;
import dev.countersign.gitops.ProposalProgress;
import dev.countersign.gitops.ProposalState;
import dev.countersign.gitops.RecordedDecision;
import dev.countersign.gitops.Subject;
import dev.countersign.gitops.internal.git.Idents;
import dev.countersign.policy.Principal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The form of a {@link Proposal} in {@code proposal.json}: the one place where principals, commits and the
 * subject are strings. Principals are written {@code kind:id}; the stack is empty for an environment change.
 *
 * @param id the proposal id
 * @param environment the target environment
 * @param stack the stack's name; empty for an environment change
 * @param proposer the proposing principal
 * @param onBehalfOf the human an agent proposes for, if any
 * @param rationale why the change is proposed
 * @param evidence links or notes backing the rationale
 * @param baseCommit the main-line commit the draft starts from
 * @param draftCommit the commit on {@code drafts/<id>} holding the draft
 * @param contentHash the hash approvals bind to
 * @param changedPaths the paths the draft changes relative to its base
 * @param reverts the recorded commit this proposal reverts, if it is a revert
 * @param supersedes the revision this one replaces, if any
 * @param supersededBy the revision that replaced this one, if any
 * @param state the lifecycle state
 * @param approvals the approvals, each bound to a content hash and base
 * @param decisions the policy decisions taken on this proposal, in order
 * @param recordedCommit the main-line commit that recorded it, once recorded
 * @param createdAt when it was proposed
 * @param insight the observation the proposal answers, if any; left out of the file when there is none, so files
 *     written before insights existed read and write back unchanged
 */
record ProposalJson(
        String id,
        String environment,
        String stack,
        String proposer,
        @Nullable String onBehalfOf,
        String rationale,
        List<String> evidence,
        String baseCommit,
        String draftCommit,
        String contentHash,
        List<String> changedPaths,
        @Nullable String reverts,
        @Nullable String supersedes,
        @Nullable String supersededBy,
        ProposalState state,
        List<ApprovalJson> approvals,
        List<RecordedDecision> decisions,
        @Nullable String recordedCommit,
        Instant createdAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable InsightJson insight) {

    /**
     * One approval as written.
     *
     * @param approver the approving principal
     * @param proposal the proposal id approved
     * @param contentHash the content hash approved
     * @param baseCommit the base approved
     * @param at when
     * @param signature the approver's signature (base64), or null
     */
    record ApprovalJson(
            String approver,
            String proposal,
            String contentHash,
            String baseCommit,
            Instant at,
            @Nullable String signature) {}

    static ProposalJson of(Proposal p) {
        ProposalHeader h = p.header();
        ProposalProgress g = p.progress();
        Principal onBehalfOf = h.proposer().onBehalfOf();
        return new ProposalJson(
                h.id(),
                p.environment(),
                p.stack(),
                h.proposer().name(),
                onBehalfOf == null ? null : onBehalfOf.name(),
                h.rationale(),
                h.evidence(),
                h.base().name(),
                p.draftCommit(),
                h.contentHash(),
                h.changedPaths(),
                p.reverts(),
                h.supersedes(),
                g.supersededBy(),
                g.state(),
                g.approvals().stream().map(ProposalJson::approval).toList(),
                g.decisions(),
                p.recordedCommit(),
                h.createdAt(),
                InsightJson.of(h.insight()));
    }

    Proposal proposal() {
        Principal by = principal(proposer);
        ProposalHeader header = new ProposalHeader(
                id,
                subject(),
                onBehalfOf == null ? by : by.actingFor(principal(onBehalfOf)),
                rationale,
                evidence,
                new CommitId(baseCommit),
                contentHash,
                changedPaths,
                commit(reverts),
                supersedes,
                createdAt,
                InsightJson.insight(insight));
        ProposalProgress progress = new ProposalProgress(
                state,
                commit(draftCommit.isEmpty() ? null : draftCommit),
                approvals.stream().map(ProposalJson::countersignature).toList(),
                decisions,
                commit(recordedCommit),
                supersededBy);
        return new Proposal(header, progress);
    }

    private Subject subject() {
        if (!stack.isEmpty()) {
            return new Subject.StackChange(environment, stack);
        }
        return environment.equals(Subject.PolicyChange.EVERY_ENVIRONMENT)
                ? new Subject.PolicyChange()
                : new Subject.EnvironmentChange(environment);
    }

    private static ApprovalJson approval(Countersignature a) {
        return new ApprovalJson(
                a.approver().name(), a.proposal(), a.contentHash(), a.baseCommit(), a.at(), a.signature());
    }

    private static Countersignature countersignature(ApprovalJson a) {
        return new Countersignature(
                principal(a.approver()), a.proposal(), a.contentHash(), a.baseCommit(), a.at(), a.signature());
    }

    private static @Nullable CommitId commit(@Nullable String name) {
        return name == null ? null : new CommitId(name);
    }

    private static Principal principal(String written) {
        return Idents.principal(written);
    }
}

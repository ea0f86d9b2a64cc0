package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalHeader;
import dev.countersign.gitops.Verdict;
import dev.countersign.gitops.internal.Authority.Ask;
import dev.countersign.gitops.internal.Authority.Ruling;
import dev.countersign.gitops.internal.git.CommitInfo;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.gitops.internal.git.Idents;
import dev.countersign.gitops.internal.git.Trailers;
import dev.countersign.policy.Action;
import dev.countersign.policy.Principal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The checks of who decided a recorded change: the author is the proposer, the approvers are distinct humans
 * other than the proposer (and whoever it acts for), their signed approvals hold, the policy in force at the
 * parent allows the record, and the proposal's record agrees with the commit.
 */
final class DecisionCheck {
    private final GitStore git;
    private final ProposalStore store;
    private final Authority.Source authorities;
    private final CommitInfo commit;
    private final Trailers trailers;
    private final BiConsumer<String, String> findings;

    /**
     * Creates the check of one commit.
     *
     * @param findings receives each finding's rule and message
     */
    DecisionCheck(
            GitStore git,
            ProposalStore store,
            Authority.Source authorities,
            CommitInfo commit,
            BiConsumer<String, String> findings) {
        this.git = git;
        this.store = store;
        this.authorities = authorities;
        this.commit = commit;
        this.trailers = commit.trailers();
        this.findings = findings;
    }

    void check(CommitId parent) {
        checkAuthor();
        List<String> approvers = trailers.all(Trailers.APPROVED_BY);
        checkApprovers(approvers);
        checkPolicy(parent, approvers);
        checkProposalRecord(value(Trailers.PROPOSAL), approvers);
    }

    private void checkAuthor() {
        if (!commit.authorName().equals(value(Trailers.PROPOSED_BY))) {
            findings.accept(
                    "inconsistent-trailers",
                    "author " + commit.authorName() + " is not the proposer " + value(Trailers.PROPOSED_BY));
        }
    }

    private void checkApprovers(List<String> written) {
        String proposer = Principal.canonical(value(Trailers.PROPOSED_BY));
        Optional<String> delegator = trailers.single(Trailers.ON_BEHALF_OF).map(Principal::canonical);
        List<String> approvers = written.stream().map(Principal::canonical).toList();
        if (!approvers.equals(written)) {
            findings.accept(
                    "non-canonical-name", "approvers " + written + " are not all written in their canonical form");
        }
        for (String approver : approvers) {
            if (!Idents.kind(approver).equals("human")) {
                findings.accept("agent-approved", approver + " approved, but only humans approve");
            } else if (approver.equals(proposer)) {
                findings.accept("self-approval", approver + " approved their own proposal");
            } else if (delegator.filter(approver::equals).isPresent()) {
                findings.accept(
                        "self-approval", approver + " approved the proposal of " + proposer + ", acting for them");
            }
        }
        if (new HashSet<>(approvers).size() != approvers.size()) {
            findings.accept("duplicate-approver", "an approver is counted twice in " + approvers);
        }
    }

    private void checkPolicy(CommitId parent, List<String> approvers) {
        Authority authority = authorities.at(git, parent);
        if (!authority.policyHash().equals(value(Trailers.POLICY))) {
            findings.accept(
                    "policy-mismatch",
                    "policy in force at the parent is " + authority.policyHash() + ", trailer says "
                            + value(Trailers.POLICY));
        }
        checkSignedApprovals(authority, approvers);
        Optional<Proposal> record = store.load(value(Trailers.PROPOSAL))
                .map(ProposalStore.Stored::proposal)
                .map(r -> asLanded(r, parent));
        List<Principal> counted = approvers.stream().map(Idents::principal).toList();
        record.ifPresent(r -> {
            Ruling ruling = authority.decide(new Ask(
                    Action.RECORD,
                    recorder(),
                    r,
                    CountedApprovals.attested(counted, r.contentHash()),
                    commit.committedAt()));
            if (ruling.verdict() != Verdict.ALLOW) {
                findings.accept(
                        "approvers-not-allowed",
                        "policy at the parent does not allow this record: rule " + ruling.rule() + ": "
                                + ruling.explanation());
            }
        });
    }

    private void checkSignedApprovals(Authority authority, List<String> approvers) {
        java.util.Map<String, String> signatures = ApprovalCheck.signatureTrailers(trailers);
        for (String approver : approvers) {
            SignedApprovals.problem(
                            authority,
                            value(Trailers.ENVIRONMENT),
                            approver,
                            signatures.get(approver),
                            ApprovalCheck.statement(trailers, approver).bytes())
                    .ifPresent(problem -> findings.accept(SignedApprovals.RULE, problem));
        }
    }

    /** The principal named as recording, or the recording service on records that name no one. */
    private Principal recorder() {
        try {
            return trailers.single(Trailers.RECORDED_BY).map(Idents::principal).orElse(Idents.RECORDER);
        } catch (dev.countersign.policy.InvalidPrincipalException e) {
            findings.accept("inconsistent-trailers", String.valueOf(e.getMessage()));
            return Idents.RECORDER;
        }
    }

    /** The proposal as it landed: from the parent to this commit, whatever its metadata says of its draft. */
    private Proposal asLanded(Proposal r, CommitId parent) {
        ProposalHeader h = r.header();
        ProposalHeader landed = new ProposalHeader(
                h.id(),
                h.subject(),
                h.proposer(),
                h.rationale(),
                h.evidence(),
                parent,
                h.contentHash(),
                git.changedPaths(parent, commit.id()),
                h.reverts(),
                h.supersedes(),
                h.createdAt());
        return new Proposal(landed, r.progress().drafted(commit.id()));
    }

    private void checkProposalRecord(String id, List<String> approvers) {
        Optional<Proposal> loaded = store.load(id).map(ProposalStore.Stored::proposal);
        if (loaded.isEmpty()) {
            findings.accept("unknown-proposal", "proposal " + id + " has no record in this repository");
            return;
        }
        Proposal r = loaded.get();
        if (!r.contentHash().equals(value(Trailers.CONTENT_HASH))
                || !r.proposer().name().equals(value(Trailers.PROPOSED_BY))
                || !commit.id().name().equals(r.recordedCommit())) {
            findings.accept(
                    "proposal-record-mismatch",
                    "proposal " + id + " records content " + r.contentHash() + " by "
                            + r.proposer().name() + " as commit " + r.recordedCommit());
        }
        List<String> recorded =
                r.validApprovals().stream().map(a -> a.approver().name()).toList();
        approvers.stream()
                .filter(approver -> !recorded.contains(approver))
                .forEach(approver -> findings.accept(
                        "approval-not-in-record",
                        approver + " never approved proposal " + id + " with content " + r.contentHash()));
    }

    private String value(String key) {
        return trailers.single(key).orElse("");
    }
}

package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.Finding;
import dev.countersign.gitops.GitOpsException;
import dev.countersign.gitops.Verification;
import dev.countersign.gitops.internal.git.CommitInfo;
import dev.countersign.gitops.internal.git.FirstParentWalk;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.gitops.internal.git.Refs;
import dev.countersign.gitops.internal.git.Trailers;
import dev.countersign.signatures.OpenPgpCertificates;
import dev.countersign.signatures.approvals.ApproverKeyring;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Walks the main line from its head back to a checkpoint (default: the root) and reports every commit that
 * did not come through the contract. Reads Git only: commits, trees, proposal metadata refs.
 */
public final class Verifier {
    private final GitStore git;
    private final ProposalStore store;
    private final Authority.Source authorities;

    /**
     * Creates a verifier.
     *
     * @param git the repository
     * @param authorities the policy in force at a commit
     */
    public Verifier(GitStore git, Authority.Source authorities) {
        this.git = git;
        this.store = new ProposalStore(git);
        this.authorities = authorities;
    }

    /**
     * Verifies the main line.
     *
     * @param checkpoint a trusted commit (expression) to verify from, or null for the root
     * @return the findings
     * @throws GitOpsException if the repository has no main line or the checkpoint names nothing
     */
    public Verification verify(@Nullable String checkpoint) {
        return verify(checkpoint, null);
    }

    /**
     * Verifies the main line, and with trusted keys also that every checked commit is signed by one of them.
     *
     * @param checkpoint a trusted commit (expression) to verify from, or null for the root
     * @param trusted the keys every checked commit must be signed by, or null to check no signatures
     * @return the findings
     * @throws GitOpsException if the repository has no main line or the checkpoint names nothing
     */
    public Verification verify(@Nullable String checkpoint, @Nullable OpenPgpCertificates trusted) {
        return verify(checkpoint, trusted, null);
    }

    /**
     * Verifies the main line; with trusted keys also every commit's signature, and with approver keys also
     * that every named approver signed their approval of that commit's proposal and content.
     *
     * @param checkpoint a trusted commit (expression) to verify from, or null for the root
     * @param trusted the keys every checked commit must be signed by, or null to check no signatures
     * @param approvers each approver's keys, or null to check no approval signatures
     * @return the findings
     * @throws GitOpsException if the repository has no main line or the checkpoint names nothing
     */
    public Verification verify(
            @Nullable String checkpoint, @Nullable OpenPgpCertificates trusted, @Nullable ApproverKeyring approvers) {
        CommitId head =
                git.resolve(Refs.MAIN).orElseThrow(() -> new GitOpsException("repository has no main line to verify"));
        CommitId stop = checkpoint == null ? null : resolve(checkpoint);
        List<Finding> findings = new ArrayList<>();
        if (stop != null && !git.isAncestor(stop, head)) {
            findings.add(new Finding(
                    stop.name(),
                    "checkpoint-not-ancestor",
                    "checkpoint " + stop.name() + " is no longer an ancestor of main: history was rewritten"));
            return new Verification(head.name(), stop.name(), 0, findings);
        }
        Set<String> seen = new HashSet<>();
        int checked = FirstParentWalk.walk(
                git, head, stop, commit -> findings.addAll(check(commit, trusted, approvers, seen)));
        return new Verification(head.name(), stop == null ? "" : stop.name(), checked, findings);
    }

    private List<Finding> check(
            CommitInfo commit,
            @Nullable OpenPgpCertificates trusted,
            @Nullable ApproverKeyring approvers,
            Set<String> seen) {
        List<Finding> findings = new ArrayList<>(new CommitCheck(git, store, authorities, commit).run());
        findings.addAll(TimeCheck.run(git, store, commit));
        findings.addAll(ProposalHistoryCheck.run(git, commit));
        if (trusted != null) {
            new SignatureCheck(trusted)
                    .check(commit.id().name(), git.rawCommit(commit.id()))
                    .ifPresent(findings::add);
        }
        if (approvers != null) {
            findings.addAll(new ApprovalCheck(approvers, commit).run());
        }
        commit.trailers()
                .single(Trailers.PROPOSAL)
                .filter(id -> !seen.add(id))
                .ifPresent(id -> findings.add(
                        new Finding(commit.id().name(), "duplicate-record", "proposal " + id + " is recorded twice")));
        return findings;
    }

    /**
     * Verifies the main line from the checkpoint a file holds (the root when the file does not exist), and
     * when there are no findings advances the file to the head, atomically.
     *
     * @param file the checkpoint file, kept outside the repository
     * @param trusted the keys every checked commit must be signed by, or null to check no signatures
     * @return the findings; a checkpoint that is no longer on main is one, and leaves the file as it was
     * @throws GitOpsException if the file cannot be read or written, or holds no commit id
     */
    public Verification verify(Path file, @Nullable OpenPgpCertificates trusted) {
        return verify(file, trusted, null);
    }

    /**
     * Verifies the main line from the checkpoint a file holds, as {@link #verify(Path, OpenPgpCertificates)}, and
     * with approver keys also every approval signature.
     *
     * @param file the checkpoint file, kept outside the repository
     * @param trusted the keys every checked commit must be signed by, or null to check no signatures
     * @param approvers each approver's keys, or null to check no approval signatures
     * @return the findings; a checkpoint that is no longer on main is one, and leaves the file as it was
     * @throws GitOpsException if the file cannot be read or written, or holds no commit id
     */
    public Verification verify(Path file, @Nullable OpenPgpCertificates trusted, @Nullable ApproverKeyring approvers) {
        Optional<String> checkpoint = CheckpointFile.read(file);
        if (checkpoint.isPresent() && !exists(checkpoint.get())) {
            String head = git.resolve(Refs.MAIN).map(CommitId::name).orElse("");
            return new Verification(
                    head,
                    checkpoint.get(),
                    0,
                    List.of(new Finding(
                            checkpoint.get(),
                            "checkpoint-not-ancestor",
                            "checkpoint " + checkpoint.get() + " from " + file
                                    + " is not in this repository: history was rewritten")));
        }
        Verification verification = verify(checkpoint.orElse(null), trusted, approvers);
        if (verification.isClean()) {
            CheckpointFile.write(file, verification.head());
        }
        return verification;
    }

    private boolean exists(String commit) {
        try {
            return git.resolveRevision(commit).isPresent();
        } catch (GitOpsException e) {
            return false;
        }
    }

    private CommitId resolve(String checkpoint) {
        Optional<CommitId> resolved = git.resolveRevision(checkpoint);
        return resolved.orElseThrow(
                () -> new GitOpsException("checkpoint '" + checkpoint + "' names no commit in this repository"));
    }
}

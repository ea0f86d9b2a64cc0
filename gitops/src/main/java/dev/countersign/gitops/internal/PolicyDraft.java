package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.InvalidProposalException;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalHeader;
import dev.countersign.gitops.Subject;
import dev.countersign.gitops.internal.Authority.Ruling;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.gitops.internal.git.TreeId;
import dev.countersign.policy.Policy;
import dev.countersign.policy.PolicyException;
import dev.countersign.policy.Principal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A change of the repository's policy file ({@code .countersign/policy.yaml}): a draft that writes that one file
 * and nothing else, proposed, judged, approved and recorded under the policy in force on the main line before
 * it (see {@link PolicyChangeDecision}). Its content hash covers the policy file alone.
 */
public final class PolicyDraft {
    private PolicyDraft() {}

    /**
     * Proposes a new policy, inside a transaction of the ledger.
     *
     * @param ledger the ledger
     * @param proposing the verb that writes proposals
     * @param by the proposer
     * @param changed the policy as it is to be
     * @param rationale why
     * @param evidence backing links or notes
     * @param reverts the recorded policy change this one reverts, or null
     * @return the proposal
     * @throws InvalidProposalException if the policy file would not change
     */
    static Proposal propose(
            Ledger ledger,
            Proposing proposing,
            Principal by,
            Policy changed,
            String rationale,
            List<String> evidence,
            @Nullable CommitId reverts) {
        GitStore git = ledger.git();
        CommitId base = ledger.mainHead();
        byte[] text = changed.source().getBytes(StandardCharsets.UTF_8);
        if (Arrays.equals(git.read(base, Layout.POLICY).orElse(null), text)) {
            throw new InvalidProposalException(
                    "policy proposal changes nothing: its text equals the recorded " + Layout.POLICY);
        }
        SortedMap<String, byte[]> files = new TreeMap<>();
        files.put(Layout.POLICY, text);
        ProposalHeader header = proposing.header(
                new Subject.PolicyChange(),
                by,
                rationale,
                evidence,
                base,
                ContentHash.of(files),
                List.of(Layout.POLICY),
                reverts,
                null);
        return proposing.propose(header, files, null);
    }

    /**
     * Reads the policy recorded at a commit, as a revert restores it.
     *
     * @param git the repository
     * @param commit the commit
     * @return the policy
     * @throws InvalidProposalException if the commit has no readable policy
     */
    public static Policy at(GitStore git, CommitId commit) {
        byte[] text = git.read(commit, Layout.POLICY)
                .orElseThrow(
                        () -> new InvalidProposalException("commit " + commit.name() + " has no " + Layout.POLICY));
        try {
            return Policy.parse(new String(text, StandardCharsets.UTF_8));
        } catch (PolicyException e) {
            throw new InvalidProposalException(
                    "the " + Layout.POLICY + " of commit " + commit.name() + " does not read: " + e.getMessage());
        }
    }

    /**
     * Returns what a policy change's content hash covers in a tree: the policy file alone.
     *
     * @param git the repository
     * @param tree the tree
     * @return the policy file by its path; empty when the tree has none
     */
    static SortedMap<String, byte[]> hashed(GitStore git, TreeId tree) {
        return git.readTreeFolder(tree, Layout.POLICY);
    }

    /**
     * Returns what a policy change's content hash covers at a commit.
     *
     * @param git the repository
     * @param commit the commit
     * @return the policy file by its path; empty when the commit has none
     */
    static SortedMap<String, byte[]> hashed(GitStore git, CommitId commit) {
        return hashed(git, git.tree(commit));
    }

    /**
     * Refuses a draft whose policy file does not read as a policy: recorded, it would leave the main line without
     * an authority to judge the next change.
     *
     * @param git the repository
     * @param draft the draft (or recorded) commit
     * @return the refusal, or empty when the policy reads
     */
    static Optional<Ruling> broken(GitStore git, CommitId draft) {
        Optional<byte[]> text = git.read(draft, Layout.POLICY);
        if (text.isEmpty()) {
            return RecordScope.deny("the draft removes " + Layout.POLICY + ": a repository always has a policy");
        }
        try {
            Policy.parse(new String(text.get(), StandardCharsets.UTF_8));
            return Optional.empty();
        } catch (PolicyException e) {
            return RecordScope.deny("the draft's " + Layout.POLICY + " is not a valid policy: " + e.getMessage());
        }
    }
}

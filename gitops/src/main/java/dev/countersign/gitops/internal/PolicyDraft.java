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
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A change of the repository's governed files, the policy ({@code .countersign/policy.yaml}) and the price
 * catalogue ({@code .countersign/pricing.yaml}): a draft that writes those files and nothing else, proposed, judged, approved and recorded under the policy in force on the main line before
 * it (see {@link PolicyChangeDecision}). Its content hash covers both files (the catalogue when there is one).
 */
public final class PolicyDraft {
    private PolicyDraft() {}

    /** The files a policy change governs, in path order: the policy and the price catalogue. */
    static final List<String> GOVERNED = List.of(Layout.POLICY, PricingFile.PATH);

    /**
     * Proposes a new policy, inside a transaction of the ledger; the price catalogue is carried as recorded.
     *
     * @param ledger the ledger
     * @param proposing the verb that writes proposals
     * @param by the proposer
     * @param changed the policy as it is to be
     * @param rationale why
     * @param evidence backing links or notes
     * @return the proposal
     * @throws InvalidProposalException if the policy file would not change
     */
    static Proposal propose(
            Ledger ledger, Proposing proposing, Principal by, Policy changed, String rationale, List<String> evidence) {
        byte[] text = changed.source().getBytes(StandardCharsets.UTF_8);
        return propose(ledger, proposing, by, with(Layout.POLICY, text), rationale, evidence, null, "policy proposal");
    }

    /**
     * Proposes the governed files as they are to be, inside a transaction of the ledger: the change writes those
     * of {@link #GOVERNED} that differ from main's head (a path missing from the files to be is removed).
     *
     * @param ledger the ledger
     * @param proposing the verb that writes proposals
     * @param by the proposer
     * @param toBe the governed files as they are to be, by path, given those recorded at main's head (a copy)
     * @param rationale why
     * @param evidence backing links or notes
     * @param reverts the recorded policy change this one reverts, or null
     * @param what the change's name for the message when it changes nothing
     * @return the proposal
     * @throws InvalidProposalException if no governed file would change
     */
    static Proposal propose(
            Ledger ledger,
            Proposing proposing,
            Principal by,
            UnaryOperator<SortedMap<String, byte[]>> toBe,
            String rationale,
            List<String> evidence,
            @Nullable CommitId reverts,
            String what) {
        GitStore git = ledger.git();
        CommitId base = ledger.mainHead();
        SortedMap<String, byte[]> recorded = hashed(git, base);
        SortedMap<String, byte[]> files = toBe.apply(new TreeMap<>(recorded));
        List<String> changed = GOVERNED.stream()
                .filter(path -> !Arrays.equals(recorded.get(path), files.get(path)))
                .toList();
        if (changed.isEmpty()) {
            throw new InvalidProposalException(
                    what + " changes nothing: its text equals the recorded " + String.join(" and ", recorded.keySet()));
        }
        ProposalHeader header = proposing.header(
                new Subject.PolicyChange(),
                by,
                rationale,
                evidence,
                base,
                ContentHash.of(files),
                changed,
                reverts,
                null);
        return proposing.propose(header, files, null);
    }

    /**
     * Returns the edit of the recorded governed files that replaces one of them.
     *
     * @param path the governed file replaced
     * @param content its content to be
     * @return the edit
     */
    static UnaryOperator<SortedMap<String, byte[]>> with(String path, byte[] content) {
        return recorded -> {
            recorded.put(path, content);
            return recorded;
        };
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
     * Returns what a policy change's content hash covers in a tree: the policy file and, when there is one, the
     * price catalogue.
     *
     * @param git the repository
     * @param tree the tree
     * @return the governed files by their paths; without the ones the tree does not have
     */
    static SortedMap<String, byte[]> hashed(GitStore git, TreeId tree) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        GOVERNED.forEach(path -> files.putAll(git.readTreeFolder(tree, path)));
        return files;
    }

    /**
     * Returns what a policy change's content hash covers at a commit.
     *
     * @param git the repository
     * @param commit the commit
     * @return the governed files by their paths; without the ones the commit does not have
     */
    static SortedMap<String, byte[]> hashed(GitStore git, CommitId commit) {
        return hashed(git, git.tree(commit));
    }

    /**
     * Refuses a draft whose policy file does not read as a policy (recorded, it would leave the main line without
     * an authority to judge the next change), or whose price catalogue does not read or does not price a server
     * type an environment uses (see {@link PricingDraft#broken}).
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
        } catch (PolicyException e) {
            return RecordScope.deny("the draft's " + Layout.POLICY + " is not a valid policy: " + e.getMessage());
        }
        return PricingDraft.broken(git, draft);
    }
}

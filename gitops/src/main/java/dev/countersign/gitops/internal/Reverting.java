package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.InvalidProposalException;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.internal.git.CommitInfo;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.gitops.internal.git.Trailers;
import dev.countersign.policy.Principal;
import dev.countersign.stack.Environment;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackFiles;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Proposes the revert of a recorded change, to be approved and recorded like any change: a stack folder goes
 * back to its content before the change (rendered for the environment as it is now), an environment to its
 * definition before it (the revert of its addition is its retirement, that of its retirement its addition again),
 * the policy to its text before it. Thread-safe.
 */
public final class Reverting {
    private final Ledger ledger;
    private final GitStore git;
    private final Proposing proposing;

    /**
     * Creates the verb.
     *
     * @param ledger the ledger
     * @param drafting the drafting whose write path a revert proposal takes
     */
    public Reverting(Ledger ledger, Drafting drafting) {
        this.ledger = ledger;
        this.git = ledger.git();
        this.proposing = drafting.proposing();
    }

    /**
     * Proposes the revert of a recorded change.
     *
     * @param commit the recorded main-line commit to revert
     * @param principal the proposer, with the human it acts for, if any
     * @param rationale why
     * @return the revert proposal, carrying {@code Countersign-Reverts} once recorded
     * @throws InvalidProposalException if the commit is not a recorded change on the main line
     */
    public Proposal proposeRevert(String commit, Principal principal, String rationale) {
        return ledger.transact(() -> {
            CommitId head = ledger.mainHead();
            CommitInfo target = recorded(commit, head);
            String environment = target.trailers().single(Trailers.ENVIRONMENT).orElse("");
            CommitId parent = target.parents().get(0);
            CommitId reverts = target.id();
            if (target.trailers().all(Trailers.SUBJECT).equals(List.of(Trailers.POLICY_SUBJECT))) {
                PolicyDraft.at(git, parent); // refuses a parent whose policy does not read
                return PolicyDraft.propose(
                        ledger,
                        proposing,
                        principal,
                        recorded -> PolicyDraft.hashed(git, parent),
                        rationale,
                        List.of(),
                        reverts,
                        "the revert");
            }
            if (target.trailers().single(Trailers.SUBJECT).isPresent()
                    && git.read(parent, Layout.environmentFile(environment)).isEmpty()) {
                return EnvironmentRetirement.propose(
                        ledger, proposing, principal, environment, rationale, List.of(), reverts);
            }
            if (target.trailers().single(Trailers.SUBJECT).isPresent()) {
                Environment previous = StackLayout.environment(git, parent, environment);
                return proposing.environment(
                        new EnvironmentDraft(
                                principal,
                                previous,
                                rationale,
                                List.of(),
                                reverts,
                                parent,
                                null,
                                TopologyFiles.recorded(git, parent, environment).orElse(null)),
                        null);
            }
            String stack = target.trailers().single(Trailers.STACK).orElse("");
            byte @Nullable [] fluxSecret = git.read(parent, RenderedLayout.fluxSecret(environment, stack))
                    .orElse(null);
            Draft.Content content = (base, carryFrom, env) ->
                    new StackFolder.Folder(folderBefore(parent, base, environment, stack), fluxSecret);
            return proposing.stack(
                    new Draft(principal, environment, stack, content, rationale, List.of(), reverts), null, null);
        });
    }

    private CommitInfo recorded(String commit, CommitId head) {
        return git.resolveRevision(commit)
                .filter(id -> git.firstParentLine(head, null).stream().anyMatch(c -> c.id().equals(id)))
                .map(git::commitInfo)
                .filter(c -> c.parents().size() == 1
                        && c.trailers().single(Trailers.PROPOSAL).isPresent())
                .orElseThrow(() -> new InvalidProposalException(
                        "cannot revert '" + commit + "': not a recorded change on the main line"));
    }

    /** The folder as it was before the change, with rendered.yaml as the environment is now. */
    private SortedMap<String, byte[]> folderBefore(CommitId parent, CommitId base, String environment, String stack) {
        String folder = Layout.stackFolder(environment, stack);
        SortedMap<String, byte[]> files = new TreeMap<>();
        git.readFolder(parent, folder)
                .forEach((path, content) -> files.put(path.substring(folder.length() + 1), content));
        byte[] restored = files.get(StackLayout.STACK);
        if (restored != null) {
            Stack stackThen = StackFiles.parseStack(
                    new String(restored, StandardCharsets.UTF_8), Layout.fileIn(folder, StackLayout.STACK));
            byte[] secretsThen = files.get(StackLayout.SECRETS);
            Set<String> secretNames = secretsThen == null ? Set.of() : new TreeSet<>(SecretFiles.names(secretsThen));
            files.putAll(StackLayout.files(stackThen, StackLayout.environment(git, base, environment), secretNames));
        }
        return files;
    }
}

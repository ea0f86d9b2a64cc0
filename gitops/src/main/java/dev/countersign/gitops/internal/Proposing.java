package dev.countersign.gitops.internal;

import dev.countersign.gitops.GitOpsException;
import dev.countersign.gitops.InvalidProposalException;
import dev.countersign.gitops.ProposalEvent;
import dev.countersign.gitops.ProposalState;
import dev.countersign.gitops.Verdict;
import dev.countersign.gitops.internal.Authority.Action;
import dev.countersign.gitops.internal.Authority.Ask;
import dev.countersign.gitops.internal.Authority.Ruling;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.eclipse.jgit.lib.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * Writes a new proposal revision, inside a transaction of the {@link Ledger}: computes the draft against the
 * main-line head, checks that it changes something and keeps the secret rules, asks policy, then writes the
 * draft branch and the metadata, in that order (see {@link Recovery}).
 */
final class Proposing {
    private final Ledger ledger;
    private final GitStore git;
    private final Supplier<String> ids;

    Proposing(Ledger ledger, Supplier<String> ids) {
        this.ledger = ledger;
        this.git = ledger.git();
        this.ids = ids;
    }

    ProposalRecord stack(Draft draft, @Nullable String supersedes, @Nullable ObjectId carryFrom) {
        ObjectId base = ledger.mainHead();
        String folder = Layout.stackFolder(draft.environment(), draft.stack());
        StackFolder.Folder content =
                draft.content().at(base, carryFrom == null ? base : carryFrom, draft.environment());
        SortedMap<String, byte[]> files = new TreeMap<>();
        content.files().forEach((name, bytes) -> files.put(Layout.fileIn(folder, name), bytes));
        files.putAll(RenderedLayout.forDraft(
                git, base, draft.environment(), draft.stack(), content.files(), content.fluxSecret()));
        SortedMap<String, byte[]> before =
                RenderedLayout.hashed(git, git.tree(base), draft.environment(), draft.stack());
        String shared = RenderedLayout.sharedRules(draft.environment());
        git.read(base, shared).ifPresent(bytes -> before.put(shared, bytes));
        List<String> changed = requireChanges(
                before, files, "proposal for " + folder + " changes nothing: its content equals the recorded one");
        Optional<Ruling> secrets = SecretRules.broken(
                folder, changed, files, draft.principal(), draft.onBehalfOf(), draft.reverts() != null);
        if (secrets.isPresent()) {
            throw secrets.get().refusal("propose", draft.principal());
        }
        SortedMap<String, byte[]> hashed = new TreeMap<>(files);
        hashed.remove(shared);
        ProposalRecord pending = pending(
                draft.environment(),
                draft.stack(),
                draft.principal(),
                draft.onBehalfOf(),
                draft.rationale(),
                draft.evidence(),
                base,
                ContentHash.of(hashed),
                changed,
                draft.reverts(),
                supersedes);
        return propose(pending, base, files, text(content.files().get(StackLayout.STACK)));
    }

    ProposalRecord environment(EnvironmentDraft draft, @Nullable String supersedes) {
        ObjectId base = ledger.mainHead();
        String environment = draft.environment().name();
        SortedMap<String, byte[]> files = EnvironmentChange.after(git, base, draft.environment(), draft.restoreFrom());
        List<String> changed = requireChanges(
                EnvironmentChange.region(git, git.tree(base), environment),
                files,
                "proposal for environment " + environment
                        + " changes nothing: its definition and renderings equal the recorded ones");
        Optional<Ruling> secrets = SecretRules.brokenByEnvironmentChange(
                changed, path -> files.get(path), draft.principal(), draft.onBehalfOf(), draft.reverts() != null);
        if (secrets.isPresent()) {
            throw secrets.get().refusal("propose", draft.principal());
        }
        ProposalRecord pending = pending(
                environment,
                "",
                draft.principal(),
                draft.onBehalfOf(),
                draft.rationale(),
                draft.evidence(),
                base,
                ContentHash.of(files),
                changed,
                draft.reverts(),
                supersedes);
        return propose(pending, base, files, text(files.get(Layout.environmentFile(environment))));
    }

    private ProposalRecord pending(
            String environment,
            String stack,
            String proposer,
            @Nullable String onBehalfOf,
            String rationale,
            List<String> evidence,
            ObjectId base,
            String contentHash,
            List<String> changed,
            @Nullable String reverts,
            @Nullable String supersedes) {
        return new ProposalRecord(
                ids.get(),
                environment,
                stack,
                proposer,
                onBehalfOf,
                rationale,
                List.copyOf(evidence),
                base.name(),
                "",
                contentHash,
                changed,
                reverts,
                supersedes,
                null,
                ProposalState.DRAFT,
                List.of(),
                List.of(),
                null,
                ledger.now());
    }

    private ProposalRecord propose(
            ProposalRecord pending, ObjectId base, SortedMap<String, byte[]> files, @Nullable String proposedText) {
        Instant now = pending.createdAt();
        Authority authority = ledger.authorityAt(base);
        Ruling ruling = authority.decide(new Ask(
                Action.PROPOSE, pending.proposer(), pending.onBehalfOf(), pending, List.of(), now, proposedText));
        if (ruling.verdict() == Verdict.DENY) {
            throw ruling.refusal("propose", pending.proposer());
        }
        ObjectId draftCommit = writeDraft(pending, base, files, now);
        ProposalRecord proposed = pending.withDraft(draftCommit.name())
                .with(ledger.decision(Action.PROPOSE, pending.proposer(), ruling, authority), null)
                .withState(pending.state().next(ProposalEvent.PROPOSE, ruling.verdict()));
        if (!git.compareAndSwap(Refs.draft(pending.id()), null, draftCommit, "propose " + pending.id())
                || !ledger.write(null, proposed, "propose")) {
            throw new GitOpsException("proposal id " + pending.id() + " is already taken: choose another id source");
        }
        return proposed;
    }

    private ObjectId writeDraft(ProposalRecord r, ObjectId base, SortedMap<String, byte[]> files, Instant now) {
        Map<String, byte @Nullable []> edits = new TreeMap<>();
        r.changedPaths().forEach(path -> edits.put(path, files.get(path)));
        ObjectId tree = git.writeTree(base, edits);
        String message = "draft " + r.id() + " of " + r.changedFolder() + "\n\n" + r.rationale();
        return git.commit(tree, List.of(base), Idents.of(r.proposer(), now), Idents.of(Idents.RECORDER, now), message);
    }

    private static List<String> requireChanges(
            SortedMap<String, byte[]> before, SortedMap<String, byte[]> after, String nothing) {
        SortedSet<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        List<String> changed = paths.stream()
                .filter(path -> !Arrays.equals(before.get(path), after.get(path)))
                .toList();
        if (changed.isEmpty()) {
            throw new InvalidProposalException(nothing);
        }
        return changed;
    }

    private static @Nullable String text(byte @Nullable [] content) {
        return content == null ? null : new String(content, StandardCharsets.UTF_8);
    }
}

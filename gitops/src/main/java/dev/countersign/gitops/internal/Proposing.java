package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.GitOpsException;
import dev.countersign.gitops.Insight;
import dev.countersign.gitops.InvalidProposalException;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalEvent;
import dev.countersign.gitops.ProposalHeader;
import dev.countersign.gitops.ProposalProgress;
import dev.countersign.gitops.Subject;
import dev.countersign.gitops.Transitions;
import dev.countersign.gitops.Verdict;
import dev.countersign.gitops.internal.Authority.Ask;
import dev.countersign.gitops.internal.Authority.Ruling;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.gitops.internal.git.Idents;
import dev.countersign.gitops.internal.git.Refs;
import dev.countersign.gitops.internal.git.TreeId;
import dev.countersign.policy.Action;
import dev.countersign.policy.Principal;
import dev.countersign.stack.Environment;
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

    Proposal stack(Draft draft, @Nullable String supersedes, @Nullable CommitId carryFrom) {
        CommitId base = ledger.mainHead();
        String folder = Layout.stackFolder(draft.environment(), draft.stack());
        StackFolder.Folder content =
                draft.content().at(base, carryFrom == null ? base : carryFrom, draft.environment());
        requirePinned(base, draft.environment(), content.files().get(StackLayout.STACK), folder);
        SortedMap<String, byte[]> files = files(base, draft, folder, content);
        List<String> changed = requireChanges(
                recorded(base, draft.environment(), draft.stack()),
                files,
                "proposal for " + folder + " changes nothing: its content equals the recorded one");
        requireFreeNames(base, draft.environment(), content.files().get(StackLayout.STACK), folder);
        Principal by = draft.proposer();
        requireNone(SecretRules.broken(folder, changed, files, by.name(), delegator(by), draft.reverts() != null), by);
        requireNone(ClusterProtection.broken(git, base, changed, path -> files.get(path)), by);
        ProposalHeader header = header(
                new Subject.StackChange(draft.environment(), draft.stack()),
                by,
                draft.rationale(),
                draft.evidence(),
                base,
                ContentHash.of(withoutSharedRules(files, draft.environment())),
                changed,
                draft.reverts(),
                supersedes,
                draft.insight());
        return propose(header, files, text(content.files().get(StackLayout.STACK)));
    }

    /** Returns what a stack's hash covers: its files without the Flux rules its environment's stacks share. */
    private static SortedMap<String, byte[]> withoutSharedRules(SortedMap<String, byte[]> files, String environment) {
        SortedMap<String, byte[]> hashed = new TreeMap<>(files);
        hashed.remove(RenderedLayout.sharedRules(environment));
        return hashed;
    }

    /** Returns the draft's stack folder and rendered files, by repository path. */
    private SortedMap<String, byte[]> files(CommitId base, Draft draft, String folder, StackFolder.Folder content) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        FolderRendering.completed(git, base, draft.environment(), content.files())
                .forEach((name, bytes) -> files.put(Layout.fileIn(folder, name), bytes));
        files.putAll(RenderedLayout.forDraft(
                git, base, draft.environment(), draft.stack(), content.files(), content.fluxSecret()));
        return files;
    }

    /** Returns what a stack's hash covers at a commit, with the Flux rules its environment's stacks share. */
    private SortedMap<String, byte[]> recorded(CommitId base, String environment, String stack) {
        SortedMap<String, byte[]> before = RenderedLayout.hashed(git, git.tree(base), environment, stack);
        String shared = RenderedLayout.sharedRules(environment);
        git.read(base, shared).ifPresent(bytes -> before.put(shared, bytes));
        return before;
    }

    Proposal environment(EnvironmentDraft draft, @Nullable String supersedes) {
        CommitId base = ledger.mainHead();
        String environment = draft.environment().name();
        SortedMap<String, byte[]> files =
                EnvironmentRendering.after(git, base, draft.environment(), draft.restoreFrom(), draft.clusterApi());
        List<String> changed = requireChanges(
                EnvironmentRendering.region(git, git.tree(base), environment),
                files,
                "proposal for environment " + environment
                        + " changes nothing: its definition and renderings equal the recorded ones");
        RenderedNames.requireFree(git, base, draft.environment());
        requirePinned(base, draft.environment());
        Principal by = draft.proposer();
        requireNone(
                SecretRules.brokenByEnvironmentChange(
                        changed, path -> files.get(path), by.name(), delegator(by), draft.reverts() != null),
                by);
        requireNone(ClusterProtection.broken(git, base, changed, path -> files.get(path)), by);
        ProposalHeader header = header(
                new Subject.EnvironmentChange(environment),
                by,
                draft.rationale(),
                draft.evidence(),
                base,
                ContentHash.of(files),
                changed,
                draft.reverts(),
                supersedes,
                draft.insight());
        return propose(header, files, text(files.get(Layout.environmentFile(environment))));
    }

    ProposalHeader header(
            Subject subject,
            Principal proposer,
            String rationale,
            List<String> evidence,
            CommitId base,
            String contentHash,
            List<String> changed,
            @Nullable CommitId reverts,
            @Nullable String supersedes) {
        return header(subject, proposer, rationale, evidence, base, contentHash, changed, reverts, supersedes, null);
    }

    private ProposalHeader header(
            Subject subject,
            Principal proposer,
            String rationale,
            List<String> evidence,
            CommitId base,
            String contentHash,
            List<String> changed,
            @Nullable CommitId reverts,
            @Nullable String supersedes,
            @Nullable Insight insight) {
        return new ProposalHeader(
                ids.get(),
                subject,
                proposer,
                rationale,
                evidence,
                base,
                contentHash,
                changed,
                reverts,
                supersedes,
                ledger.now(),
                insight);
    }

    Proposal propose(ProposalHeader header, SortedMap<String, byte[]> files, @Nullable String proposedText) {
        Proposal pending = new Proposal(header, ProposalProgress.drafting());
        CommitId base = header.base();
        Authority authority = ledger.authorityAt(base);
        Ruling ruling = authority.decide(
                new Ask(Action.PROPOSE, header.proposer(), pending, List.of(), header.createdAt(), proposedText));
        if (ruling.verdict() == Verdict.DENY) {
            throw ruling.refusal("propose", header.proposer().name());
        }
        CommitId draftCommit = writeDraft(header, base, files);
        Proposal proposed = pending.with(pending.progress()
                .drafted(draftCommit)
                .decided(ledger.decision(Action.PROPOSE, header.proposer(), ruling, authority), null)
                .in(Transitions.next(pending.state(), ProposalEvent.PROPOSE, ruling.verdict())));
        if (!git.compareAndSwap(Refs.draft(header.id()), null, draftCommit, "propose " + header.id())
                || !ledger.write(null, proposed, "propose")) {
            throw new GitOpsException("proposal id " + header.id() + " is already taken: choose another id source");
        }
        return proposed;
    }

    private CommitId writeDraft(ProposalHeader header, CommitId base, SortedMap<String, byte[]> files) {
        Map<String, byte @Nullable []> edits = new TreeMap<>();
        header.changedPaths().forEach(path -> edits.put(path, files.get(path)));
        TreeId tree = git.writeTree(base, edits);
        String of = header.subject()
                .fold(
                        s -> Layout.stackFolder(s.environment(), s.stack()),
                        e -> Layout.environmentFile(e.environment()),
                        p -> Layout.POLICY);
        String message = "draft " + header.id() + " of " + of + "\n\n" + header.rationale();
        Instant now = header.createdAt();
        return git.commit(
                tree, List.of(base), Idents.of(header.proposer(), now), Idents.of(Idents.RECORDER, now), message);
    }

    private void requireFreeNames(CommitId base, String environment, byte @Nullable [] stackFile, String folder) {
        Optional<dev.countersign.stack.Environment> env = RenderedLayout.environment(git, base, environment);
        if (stackFile != null && env.isPresent()) {
            RenderedNames.requireFree(
                    git,
                    base,
                    env.get(),
                    dev.countersign.stack.StackFiles.parseStack(
                            new String(stackFile, StandardCharsets.UTF_8), Layout.fileIn(folder, StackLayout.STACK)));
        }
    }

    /** An environment that pins digests must find every recorded stack's charts pinned. */
    private void requirePinned(CommitId base, Environment environment) {
        if (environment.charts().pinsDigests()) {
            EnvironmentRendering.stacks(git, base, environment.name())
                    .forEach(stack -> StackLayout.stack(git, base, environment.name(), stack)
                            .ifPresent(recorded -> ChartPins.requirePinned(recorded, environment)));
        }
    }

    /** A draft that restores recorded files (a revert) is not pinned anew: its charts must carry digests. */
    private void requirePinned(CommitId base, String environment, byte @Nullable [] stackFile, String folder) {
        if (stackFile == null
                || git.read(base, Layout.environmentFile(environment)).isEmpty()) {
            return;
        }
        Environment env = StackLayout.environment(git, base, environment);
        if (env.charts().pinsDigests()) {
            ChartPins.requirePinned(
                    dev.countersign.stack.StackFiles.parseStack(
                            new String(stackFile, StandardCharsets.UTF_8), Layout.fileIn(folder, StackLayout.STACK)),
                    env);
        }
    }

    private static void requireNone(Optional<Ruling> broken, Principal proposer) {
        if (broken.isPresent()) {
            throw broken.get().refusal("propose", proposer.name());
        }
    }

    private static @Nullable String delegator(Principal principal) {
        Principal onBehalfOf = principal.onBehalfOf();
        return onBehalfOf == null ? null : onBehalfOf.name();
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

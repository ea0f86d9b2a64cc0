package dev.countersign.gitops.internal;

import dev.countersign.gitops.ActionDeniedException;
import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.Subject;
import dev.countersign.gitops.internal.Authority.Ruling;
import dev.countersign.gitops.internal.git.GitStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a proposal's record writes: the paths its draft commit changes against its base, each with its new
 * content or its removal, recomputed from the two commits and never read from the proposal's metadata (which
 * whoever can write {@code refs/countersign/*} can rewrite). Before anything is approved or recorded, {@link
 * #of} checks that every changed path lies in the subject's own region (a stack's folder, its rendered files and
 * its environment's shared sops rules; an environment's file and the renderings of its stacks), that the
 * metadata lists exactly those paths, and that the rendered files are what the draft renders to. The {@link
 * #digest() digest} binds every path and blob, and the base; the signed approval statement carries it.
 *
 * @param base the main-line commit the draft starts from
 * @param edits path to new content, or to null for a removal, in path order
 */
record DraftEdits(CommitId base, SortedMap<String, byte @Nullable []> edits) {
    private static final String VERSION = "countersign-changes v1\n";

    DraftEdits {
        edits = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(edits));
    }

    /**
     * Recomputes and checks what a proposal's record will write.
     *
     * @param git the repository
     * @param r the proposal, with its draft commit
     * @param action the action about to happen, for the refusal
     * @param principal who acts, for the refusal
     * @return the edits
     * @throws ActionDeniedException with rule {@value RecordScope#RULE} (or the broken secrets or rendering rule) if the
     *     draft writes outside its region, disagrees with the metadata, or breaks the contract's file rules
     */
    static DraftEdits of(GitStore git, Proposal r, String action, String principal) {
        CommitId base = r.header().base();
        CommitId draft = DraftCommit.of(r);
        List<String> changed = git.changedPaths(base, draft);
        Optional<Ruling> broken = outside(r.header().subject(), changed)
                .or(() -> metadata(r, changed))
                .or(() -> files(git, r, draft, changed));
        if (broken.isPresent()) {
            throw broken.get().refusal(action, principal);
        }
        SortedMap<String, byte @Nullable []> edits = new TreeMap<>();
        changed.forEach(path -> edits.put(path, git.read(draft, path).orElse(null)));
        return new DraftEdits(base, edits);
    }

    /**
     * Lists the changes of a recorded commit that this digest covers: the paths in the subject's region that
     * differ between the proposal's base and the commit.
     *
     * @param git the repository
     * @param subject what the change is about
     * @param base the base the trailers name
     * @param commit the recorded commit
     * @return the edits as the commit holds them
     */
    static DraftEdits recorded(GitStore git, Subject subject, CommitId base, CommitId commit) {
        SortedMap<String, byte @Nullable []> edits = new TreeMap<>();
        git.changedPaths(base, commit).stream()
                .filter(path -> inRegion(subject, path))
                .forEach(path -> edits.put(path, git.read(commit, path).orElse(null)));
        return new DraftEdits(base, edits);
    }

    /**
     * Tells whether a path lies in the region a change of the subject may write.
     *
     * @param subject the stack or environment changed
     * @param path a repository path
     * @return true inside the region
     */
    static boolean inRegion(Subject subject, String path) {
        return subject.fold(
                s -> path.startsWith(Layout.stackFolder(s.environment(), s.stack()) + "/")
                        || RenderedLayout.owns(s.environment(), s.stack(), path)
                        || path.equals(RenderedLayout.sharedRules(s.environment())),
                e -> EnvironmentRendering.inRegion(e.environment(), path),
                p -> PolicyDraft.GOVERNED.contains(path));
    }

    /**
     * Returns the digest of the base and every edit: SHA-256 over a version line, {@code base <id>} and, per path
     * in order, the path, a NUL, then {@code -} for a removal or {@code +}, the length in decimal, a NUL and the
     * bytes.
     *
     * @return {@code sha256:} followed by 64 lowercase hex digits
     */
    String digest() {
        MessageDigest digest = sha256();
        digest.update((VERSION + "base " + base.name() + "\n").getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte @Nullable []> edit : edits.entrySet()) {
            digest.update(edit.getKey().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            byte[] content = edit.getValue();
            if (content == null) {
                digest.update((byte) '-');
            } else {
                digest.update(("+" + content.length).getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) 0);
                digest.update(content);
            }
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    private static Optional<Ruling> outside(Subject subject, List<String> changed) {
        List<String> outside =
                changed.stream().filter(path -> !inRegion(subject, path)).toList();
        if (outside.isEmpty()) {
            return Optional.empty();
        }
        String region = subject.fold(
                s -> "the stack's own folder " + Layout.stackFolder(s.environment(), s.stack())
                        + ", its rendered files and the shared sops rules "
                        + RenderedLayout.sharedRules(s.environment()),
                e -> "environment " + e.environment() + "'s file and the renderings of its stacks",
                p -> "the policy file " + Layout.POLICY + " and the price catalogue " + PricingFile.PATH);
        return RecordScope.deny("the draft changes " + outside + " outside " + region);
    }

    private static Optional<Ruling> metadata(Proposal r, List<String> changed) {
        if (changed.isEmpty()) {
            return RecordScope.deny("the draft of " + r.id() + " changes nothing against its base");
        }
        if (!changed.equals(List.copyOf(new java.util.TreeSet<>(r.changedPaths())))) {
            return RecordScope.deny("the metadata of " + r.id() + " lists " + r.changedPaths()
                    + ", but the draft changes " + changed + " against its base");
        }
        return Optional.empty();
    }

    private static Optional<Ruling> files(GitStore git, Proposal r, CommitId draft, List<String> changed) {
        return r.header()
                .subject()
                .fold(
                        s -> DraftFiles.stack(git, r, s, draft, changed),
                        e -> DraftFiles.environment(git, r, e, draft),
                        p -> PolicyDraft.broken(git, draft));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}

package dev.countersign.gitops.internal.content;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.content.Change;
import dev.countersign.gitops.content.FileDiff;
import dev.countersign.gitops.internal.git.GitStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Every file a proposal's record writes or removes: the paths its draft commit changes against its base, text
 * files as hunks and sops-encrypted files ({@code *.sops.yaml}, not the {@code .sops.yaml} rules) by digest.
 */
final class FileDiffs {
    private FileDiffs() {}

    static List<FileDiff> of(GitStore git, CommitId base, CommitId draft) {
        return git.changedPaths(base, draft).stream()
                .map(path -> of(path, git.read(base, path), git.read(draft, path)))
                .toList();
    }

    static FileDiff of(String path, Optional<byte[]> before, Optional<byte[]> after) {
        Change change = Change.between(before.isPresent(), after.isPresent(), false);
        if (encrypted(path)) {
            return new FileDiff.Encrypted(path, change, digest(before), digest(after));
        }
        return new FileDiff.Text(path, change, UnifiedDiff.of(text(before), text(after)));
    }

    static boolean encrypted(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.endsWith(".sops.yaml") && !name.equals(".sops.yaml");
    }

    private static String text(Optional<byte[]> bytes) {
        return bytes.map(content -> new String(content, StandardCharsets.UTF_8)).orElse("");
    }

    private static @Nullable String digest(Optional<byte[]> bytes) {
        return bytes.map(FileDiffs::sha256).orElse(null);
    }

    private static String sha256(byte[] bytes) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java platform", e);
        }
    }
}

package dev.countersign.gitops;

import dev.countersign.signatures.keys.TrustedKeys;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * What {@link GitOpsRepository#verifyWith(VerifyOptions)} checks: where the walk starts (a checkpoint commit, a
 * checkpoint file, or the root), whether every checked commit must be signed by a trusted key, and whether
 * every approval must be signed by its approver's own key. Immutable; start from {@link #fromRoot()}.
 *
 * @param checkpoint a trusted commit to verify from (excluded from the walk), or null
 * @param checkpointFile a file holding the checkpoint, advanced to the head after a clean run, or null
 * @param trustedKeys the keys every checked commit must be signed by, or null to check no signatures
 * @param approverKeys each approver's keys, every approval on a checked commit must be signed with, or null
 *     to check no approval signatures
 */
public record VerifyOptions(
        @Nullable String checkpoint,
        @Nullable Path checkpointFile,
        @Nullable TrustedKeys trustedKeys,
        @Nullable ApproverKeys approverKeys) {
    /**
     * Checks that at most one starting point is given.
     *
     * @param checkpoint a trusted commit, or null
     * @param checkpointFile a checkpoint file, or null
     * @param trustedKeys the trusted keys, or null
     * @param approverKeys the approver keys, or null
     * @throws IllegalArgumentException if both a checkpoint and a checkpoint file are given
     */
    public VerifyOptions {
        if (checkpoint != null && checkpointFile != null) {
            throw new IllegalArgumentException(
                    "give a checkpoint or a checkpoint file, not both: the file holds the checkpoint");
        }
    }

    /**
     * Creates options that check no approval signatures.
     *
     * @param checkpoint a trusted commit, or null
     * @param checkpointFile a checkpoint file, or null
     * @param trustedKeys the trusted keys, or null
     * @throws IllegalArgumentException if both a checkpoint and a checkpoint file are given
     */
    public VerifyOptions(
            @Nullable String checkpoint, @Nullable Path checkpointFile, @Nullable TrustedKeys trustedKeys) {
        this(checkpoint, checkpointFile, trustedKeys, null);
    }

    /**
     * Returns the options that walk from the root and check no signatures.
     *
     * @return the default options
     */
    public static VerifyOptions fromRoot() {
        return new VerifyOptions(null, null, null, null);
    }

    /**
     * Returns these options starting after a trusted commit.
     *
     * @param commit the checkpoint commit (an id, an abbreviation or a ref)
     * @return the new options
     * @throws IllegalArgumentException if a checkpoint file is already set
     */
    public VerifyOptions withCheckpoint(String commit) {
        return new VerifyOptions(commit, checkpointFile, trustedKeys, approverKeys);
    }

    /**
     * Returns these options starting from the commit a checkpoint file holds (the root when the file does
     * not exist yet); a clean run moves the file to the verified head, atomically, and a run with findings
     * leaves it alone. Keep the file outside the repository, where whoever can push cannot change it.
     *
     * @param file the checkpoint file
     * @return the new options
     * @throws IllegalArgumentException if a checkpoint commit is already set
     */
    public VerifyOptions withCheckpointFile(Path file) {
        return new VerifyOptions(checkpoint, file, trustedKeys, approverKeys);
    }

    /**
     * Returns these options requiring every checked commit to carry a valid signature by a trusted key.
     *
     * @param keys the trusted keys
     * @return the new options
     */
    public VerifyOptions withTrustedKeys(TrustedKeys keys) {
        return new VerifyOptions(checkpoint, checkpointFile, keys, approverKeys);
    }

    /**
     * Returns these options requiring every approver named on a checked commit to have signed, with one of
     * their own keys, the approval statement of that commit's proposal, stack and content hash; findings
     * {@code unsigned-approval}, {@code untrusted-approval} and {@code bad-approval-signature}.
     *
     * @param keys each approver's keys
     * @return the new options
     */
    public VerifyOptions withApproverKeys(ApproverKeys keys) {
        return new VerifyOptions(checkpoint, checkpointFile, trustedKeys, keys);
    }
}

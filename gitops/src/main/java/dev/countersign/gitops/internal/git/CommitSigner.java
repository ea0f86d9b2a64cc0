package dev.countersign.gitops.internal.git;

import java.time.Instant;

/** Signs the raw bytes of a commit object, as {@code git commit -S} does; implementations are thread-safe. */
@FunctionalInterface
public interface CommitSigner {
    /**
     * Signs a commit object without its {@code gpgsig} header.
     *
     * @param payload the raw commit object, headers and message
     * @param when the signature's creation time (the committer's time)
     * @return an ASCII-armored detached signature
     */
    byte[] sign(byte[] payload, Instant when);
}

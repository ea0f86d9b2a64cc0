package dev.countersign.gitops.internal.git;

import dev.countersign.gitops.GitOpsException;
import dev.countersign.signatures.SignatureException;
import dev.countersign.signatures.keys.SigningKey;
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

    /**
     * Returns the signer of an unlocked OpenPGP key.
     *
     * @param key the key
     * @return the signer; it throws a {@link GitOpsException} naming the key's fingerprint when the key cannot sign
     */
    static CommitSigner of(SigningKey key) {
        return (payload, when) -> {
            try {
                return key.sign(payload, when).armored();
            } catch (SignatureException e) {
                throw new GitOpsException("cannot sign commit with key " + key.fingerprint(), e);
            }
        };
    }
}

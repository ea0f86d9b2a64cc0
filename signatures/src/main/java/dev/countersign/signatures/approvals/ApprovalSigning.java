package dev.countersign.signatures.approvals;

import dev.countersign.signatures.SshPublicKey;
import java.time.Instant;
import java.util.List;

/**
 * Produces an approver's signature over an approval statement, encoded as {@link ApprovalSignatures} keeps
 * it: signing with an OpenPGP or OpenSSH key, through an ssh-agent, or handing over a signature made
 * elsewhere. Implementations are thread-safe and never keep or show key material.
 */
@FunctionalInterface
public interface ApprovalSigning {
    /**
     * Signs, or supplies the signature over, the statement.
     *
     * @param statement the exact statement bytes
     * @param registeredSsh the approver's registered OpenSSH keys, in policy order (an agent signs with the
     *     first of them it holds)
     * @param when the approval time
     * @return the encoded signature
     * @throws dev.countersign.signatures.SignatureException when no signature can be made or read
     */
    String sign(byte[] statement, List<SshPublicKey> registeredSsh, Instant when);
}

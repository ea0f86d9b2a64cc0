package dev.countersign.signatures.keys;

import dev.countersign.signatures.SignatureException;
import dev.countersign.signatures.SshAgentException;
import dev.countersign.signatures.SshPublicKey;
import dev.countersign.signatures.SshSignature;
import dev.countersign.signatures.SshSigner;
import dev.countersign.signatures.approvals.ApprovalSignatures;
import dev.countersign.signatures.approvals.ApprovalSigning;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * How an approver proves an approval is theirs: a signature over the approval statement (the bytes
 * the reviewer's handle names, {@code Reviewer.approvalStatement}) by one of their keys, registered in the policy's {@code
 * spec.approverKeys}. Made with an OpenPGP key, an OpenSSH private key file, the running ssh-agent, or
 * elsewhere and handed over ({@code ssh-keygen -Y sign -n countersign}, which a hardware key that needs a
 * touch requires). SSH signatures are made in the namespace {@code countersign}. Immutable and thread-safe;
 * {@link #toString()} never shows key material.
 */
public final class ApprovalProof {
    private final String description;
    private final ApprovalSigning signing;

    private ApprovalProof(String description, ApprovalSigning signing) {
        this.description = description;
        this.signing = signing;
    }

    /**
     * Signs with an unlocked OpenPGP key.
     *
     * @param key the approver's own key
     * @return the proof
     */
    public static ApprovalProof signedWith(SigningKey key) {
        return new ApprovalProof(
                "OpenPGP key " + key.fingerprint(),
                (statement, registered, when) -> ApprovalSignatures.signOpenPgp(key, statement, when));
    }

    /**
     * Signs with an OpenSSH private key file ({@code ssh-keygen}'s own format: Ed25519, ECDSA or RSA).
     *
     * @param keyFile the private key file
     * @param passphrase its passphrase, empty for an unencrypted key; not kept
     * @return the proof
     * @throws KeyringException if the file cannot be read, is not a supported key or the passphrase is wrong
     */
    public static ApprovalProof signedWithSshKey(Path keyFile, char[] passphrase) {
        SshSigner signer;
        try {
            signer = SshSigner.fromPrivateKeyFile(keyFile, passphrase);
        } catch (SignatureException e) {
            throw new KeyringException(String.valueOf(e.getMessage()), e);
        }
        return new ApprovalProof(
                "SSH key " + signer.publicKey().fingerprint(),
                (statement, registered, when) ->
                        ApprovalSignatures.encode(signer.sign(statement, SshSignature.COUNTERSIGN_NAMESPACE)));
    }

    /**
     * Signs through a running ssh-agent, with the first agent key registered for the approver; when the policy
     * registers no SSH key for the approver, approving with this proof fails.
     *
     * @param socket the agent's socket (the host passes its {@code SSH_AUTH_SOCK})
     * @return the proof
     */
    public static ApprovalProof signedBySshAgent(Path socket) {
        return new ApprovalProof("ssh-agent", (statement, registered, when) -> {
            if (registered.isEmpty()) {
                throw new SshAgentException(
                        "the policy registers no SSH key for this approver, so no agent key may sign");
            }
            return ApprovalSignatures.encode(
                    SshSigner.fromAgent(socket, registered).sign(statement, SshSignature.COUNTERSIGN_NAMESPACE));
        });
    }

    /**
     * Hands over a detached signature made elsewhere: an armored SSH signature ({@code ssh-keygen -Y sign -n
     * countersign}) or an armored or binary OpenPGP signature ({@code gpg --detach-sign}).
     *
     * @param signature the signature file's bytes
     * @return the proof
     * @throws KeyringException if the data is not such a signature
     */
    public static ApprovalProof detached(byte[] signature) {
        String encoded;
        try {
            encoded = ApprovalSignatures.detached(signature);
        } catch (SignatureException e) {
            throw new KeyringException("not an SSH or OpenPGP signature: " + e.getMessage(), e);
        }
        return new ApprovalProof("detached signature", (statement, registered, when) -> encoded);
    }

    /**
     * Signs, or supplies the signature over, an approval statement.
     *
     * @param statement the exact statement bytes
     * @param registeredSsh the approver's registered OpenSSH keys, in policy order (an agent signs with the
     *     first of them it holds)
     * @param when the approval time
     * @return the signature, encoded as an approval keeps it
     * @throws SignatureException when no signature can be made or read
     */
    public String sign(byte[] statement, List<SshPublicKey> registeredSsh, Instant when) {
        return signing.sign(statement, registeredSsh, when);
    }

    @Override
    public String toString() {
        return "ApprovalProof[" + description + "]";
    }
}

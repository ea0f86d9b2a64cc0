package dev.countersign.signatures.approvals;

import dev.countersign.signatures.OpenPgpCertificates;
import dev.countersign.signatures.OpenPgpSignature;
import dev.countersign.signatures.OpenPgpVerification;
import dev.countersign.signatures.SignatureException;
import dev.countersign.signatures.SshPublicKey;
import dev.countersign.signatures.SshSignature;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The public keys a policy registers for one approver ({@code spec.approverKeys}), read: checks an encoded
 * approval signature ({@link ApprovalSignatures}) over the statement against them. A key that cannot be read
 * verifies nothing. Immutable and thread-safe.
 */
public final class RegisteredKeys {
    private final String approver;
    private final List<SshPublicKey> ssh;
    private final @Nullable OpenPgpCertificates openPgp;

    private RegisteredKeys(String approver, List<SshPublicKey> ssh, @Nullable OpenPgpCertificates openPgp) {
        this.approver = approver;
        this.ssh = List.copyOf(ssh);
        this.openPgp = openPgp;
    }

    /**
     * Reads the keys registered for an approver.
     *
     * @param approver the approver, as named in messages
     * @param openPgp the armored OpenPGP public keys, in policy order
     * @param ssh the OpenSSH public keys ({@code authorized_keys} lines), in policy order
     * @return the keys; a key that cannot be read is left out
     */
    public static RegisteredKeys of(String approver, List<String> openPgp, List<String> ssh) {
        List<SshPublicKey> sshKeys = new ArrayList<>();
        StringBuilder armored = new StringBuilder();
        for (String key : openPgp) {
            armored.append(key).append('\n');
        }
        for (String key : ssh) {
            sshKey(key).ifPresent(sshKeys::add);
        }
        return new RegisteredKeys(approver, sshKeys, certificates(armored.toString()));
    }

    private static Optional<SshPublicKey> sshKey(String key) {
        try {
            return Optional.of(SshPublicKey.parse(key));
        } catch (SignatureException e) {
            return Optional.empty();
        }
    }

    private static @Nullable OpenPgpCertificates certificates(String armored) {
        if (armored.isEmpty()) {
            return null;
        }
        try {
            return OpenPgpCertificates.fromArmored(armored.getBytes(StandardCharsets.US_ASCII));
        } catch (SignatureException e) {
            return null;
        }
    }

    /**
     * Returns the SSH keys, in policy order: the keys an agent may sign with for this approver.
     *
     * @return the keys
     */
    public List<SshPublicKey> ssh() {
        return ssh;
    }

    /**
     * Checks an approval signature over a statement.
     *
     * @param encoded the encoded signature ({@link ApprovalSignatures}), or null for none
     * @param statement the exact statement bytes
     * @return why the signature does not prove the approval, or empty when it is valid
     */
    public Optional<String> problem(@Nullable String encoded, byte[] statement) {
        if (encoded == null) {
            return Optional.of("the approval of " + approver + " carries no signature by their registered key");
        }
        if (ssh.isEmpty() && openPgp == null) {
            return Optional.of("the policy registers no approver key for " + approver);
        }
        try {
            return ApprovalSignatures.isSsh(encoded) ? ssh(encoded, statement) : openPgp(encoded, statement);
        } catch (SignatureException e) {
            return Optional.of("the approval signature of " + approver + " is refused: " + e.getMessage());
        }
    }

    private Optional<String> ssh(String encoded, byte[] statement) {
        if (ssh.isEmpty()) {
            return Optional.of("the approval of " + approver + " is SSH-signed, but no SSH key is registered for them");
        }
        ApprovalSignatures.ssh(encoded).verify(statement, SshSignature.COUNTERSIGN_NAMESPACE, ssh);
        return Optional.empty();
    }

    private Optional<String> openPgp(String encoded, byte[] statement) {
        if (openPgp == null) {
            return Optional.of(
                    "the approval of " + approver + " is OpenPGP-signed, but no OpenPGP key is registered for them");
        }
        OpenPgpVerification result = openPgp.verify(OpenPgpSignature.fromBase64(encoded), statement);
        return switch (result.outcome()) {
            case VALID -> Optional.empty();
            case UNKNOWN_KEY ->
                Optional.of(
                        "the approval of " + approver + " is signed by key " + result.key() + ", which is not theirs");
            case MISMATCH ->
                Optional.of("the approval signature of " + approver + " by key " + result.key()
                        + " does not match this proposal's statement");
        };
    }
}

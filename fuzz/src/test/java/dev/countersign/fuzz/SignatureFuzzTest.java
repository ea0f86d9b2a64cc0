package dev.countersign.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.countersign.signatures.OpenPgpSignature;
import dev.countersign.signatures.SignatureException;
import dev.countersign.signatures.SshPublicKey;
import dev.countersign.signatures.SshSignature;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Fuzzes what an approver hands in with an approval: an armored SSH signature checked against an approval
 * statement, an OpenPGP signature, and the SSH public key lines a policy registers.
 */
class SignatureFuzzTest {
    private static final SshPublicKey APPROVER =
            SshPublicKey.parse("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA2GJQBFjBdowHP3qbPCQ6fHZAKqPTfbofyEoREg9HPZ fuzz");
    private static final byte[] STATEMENT =
            "countersign-approval v2\nproposal p-0123456789ab\n".getBytes(StandardCharsets.UTF_8);

    @FuzzTest(maxDuration = "10m")
    void sshSignature(byte[] data) {
        Hostile.readText(
                data,
                armored -> SshSignature.parse(armored)
                        .verify(STATEMENT, SshSignature.COUNTERSIGN_NAMESPACE, List.of(APPROVER)),
                SignatureException.class);
    }

    @FuzzTest(maxDuration = "10m")
    void openPgpSignature(byte[] data) {
        Hostile.check(() -> OpenPgpSignature.parse(data), SignatureException.class);
    }

    @FuzzTest(maxDuration = "10m")
    void publicKey(byte[] data) {
        Hostile.readText(data, SshPublicKey::parse, SignatureException.class);
    }
}

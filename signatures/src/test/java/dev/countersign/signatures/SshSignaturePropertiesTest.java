package dev.countersign.signatures;

import static dev.countersign.signatures.SshSignature.COUNTERSIGN_NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.countersign.signatures.ssh.TestKeys;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Laws of sign and verify over random messages, for each key type. */
class SshSignaturePropertiesTest {
    static final List<SshSigner> SIGNERS =
            List.of(new SshSigner(TestKeys.ed25519()), new SshSigner(TestKeys.ecdsa()), new SshSigner(TestKeys.rsa()));

    static Gen<byte[]> messages() {
        return lists().of(integers().between(0, 255)).ofSizeBetween(1, 512).map(values -> {
            byte[] bytes = new byte[values.size()];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = values.get(i).byteValue();
            }
            return bytes;
        });
    }

    @Test
    void whatIsSignedVerifies() {
        qt().withExamples(60)
                .forAll(messages(), integers().between(0, SIGNERS.size() - 1))
                .checkAssert((message, which) -> {
                    SshSigner signer = SIGNERS.get(which);
                    SshSignature signature = SshSignature.parse(
                            signer.sign(message, COUNTERSIGN_NAMESPACE).armored());

                    assertThat(signature.verify(
                                    message,
                                    COUNTERSIGN_NAMESPACE,
                                    SIGNERS.stream().map(SshSigner::publicKey).toList()))
                            .isEqualTo(signer.publicKey());
                });
    }

    @Test
    void anySingleByteChangeOfTheMessageIsRefused() {
        qt().withExamples(60)
                .forAll(
                        messages(),
                        integers().between(0, SIGNERS.size() - 1),
                        integers().all(),
                        integers().between(1, 255))
                .checkAssert((message, which, position, delta) -> {
                    SshSigner signer = SIGNERS.get(which);
                    SshSignature signature = signer.sign(message, COUNTERSIGN_NAMESPACE);
                    byte[] changed = message.clone();
                    int index = Math.floorMod(position, changed.length);
                    changed[index] = (byte) (changed[index] + delta);

                    assertThatThrownBy(
                                    () -> signature.verify(changed, COUNTERSIGN_NAMESPACE, List.of(signer.publicKey())))
                            .isInstanceOf(BadSignatureException.class);
                });
    }
}

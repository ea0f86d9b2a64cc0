package dev.countersign.signatures;

import static dev.countersign.signatures.SshSignature.COUNTERSIGN_NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.signatures.ssh.SoftwareSigningKey;
import dev.countersign.signatures.ssh.SshSigArmor;
import dev.countersign.signatures.ssh.TestKeys;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SshSignatureTest {
    static final byte[] MESSAGE = "proposal p-1 revision 2 approved".getBytes(StandardCharsets.UTF_8);

    static Stream<Supplier<SoftwareSigningKey>> keys() {
        return Stream.of(TestKeys::ed25519, TestKeys::ecdsa, TestKeys::rsa);
    }

    static SshSigner signer(Supplier<SoftwareSigningKey> key) {
        return new SshSigner(key.get());
    }

    @ParameterizedTest
    @MethodSource("keys")
    void verifiesWhatItSignedNamingTheAllowedKey(Supplier<SoftwareSigningKey> key) {
        SshSigner signer = signer(key);
        SshPublicKey other = new SshSigner(TestKeys.ed25519()).publicKey();

        SshSignature signature =
                SshSignature.parse(signer.sign(MESSAGE, COUNTERSIGN_NAMESPACE).armored());

        assertThat(signature.verify(MESSAGE, COUNTERSIGN_NAMESPACE, List.of(other, signer.publicKey())))
                .isEqualTo(signer.publicKey());
        assertThat(signature.namespace()).isEqualTo(COUNTERSIGN_NAMESPACE);
        assertThat(signature.claimedSigner()).isEqualTo(signer.publicKey());
    }

    @ParameterizedTest
    @MethodSource("keys")
    void refusesAMessageWithOneFlippedByte(Supplier<SoftwareSigningKey> key) {
        SshSigner signer = signer(key);
        SshSignature signature = signer.sign(MESSAGE, COUNTERSIGN_NAMESPACE);
        byte[] changed = MESSAGE.clone();
        changed[changed.length - 1] ^= 1;

        assertThatThrownBy(() -> signature.verify(changed, COUNTERSIGN_NAMESPACE, List.of(signer.publicKey())))
                .isInstanceOf(BadSignatureException.class);
    }

    @ParameterizedTest
    @MethodSource("keys")
    void refusesASignatureWithOneFlippedByte(Supplier<SoftwareSigningKey> key) {
        SshSigner signer = signer(key);
        byte[] encoded =
                SshSigArmor.dearmor(signer.sign(MESSAGE, COUNTERSIGN_NAMESPACE).armored());
        encoded[encoded.length - 1] ^= 1;
        SshSignature tampered = SshSignature.parse(SshSigArmor.armor(encoded));

        assertThatThrownBy(() -> tampered.verify(MESSAGE, COUNTERSIGN_NAMESPACE, List.of(signer.publicKey())))
                .isInstanceOf(BadSignatureException.class);
    }

    @Test
    void refusesAnotherNamespaceNamingBoth() {
        SshSigner signer = signer(TestKeys::ed25519);
        SshSignature signature = signer.sign(MESSAGE, "git");

        assertThatThrownBy(() -> signature.verify(MESSAGE, COUNTERSIGN_NAMESPACE, List.of(signer.publicKey())))
                .isInstanceOfSatisfying(WrongNamespaceException.class, e -> {
                    assertThat(e.expected()).isEqualTo(COUNTERSIGN_NAMESPACE);
                    assertThat(e.actual()).isEqualTo("git");
                });
    }

    @Test
    void refusesANamespaceRewrittenInsideTheSignature() {
        SshSigner signer = signer(TestKeys::ed25519);
        String armored = signer.sign(MESSAGE, "countersigo").armored();
        byte[] encoded = SshSigArmor.dearmor(armored);
        String binary = new String(encoded, StandardCharsets.ISO_8859_1).replace("countersigo", "countersign");
        SshSignature rewritten = SshSignature.parse(SshSigArmor.armor(binary.getBytes(StandardCharsets.ISO_8859_1)));

        assertThatThrownBy(() -> rewritten.verify(MESSAGE, COUNTERSIGN_NAMESPACE, List.of(signer.publicKey())))
                .isInstanceOf(BadSignatureException.class);
    }

    @Test
    void refusesAKeyThatIsNotAllowedNamingItsFingerprint() {
        SshSigner signer = signer(TestKeys::ed25519);
        SshPublicKey allowed = signer(TestKeys::ed25519).publicKey();
        SshSignature signature = signer.sign(MESSAGE, COUNTERSIGN_NAMESPACE);

        assertThatThrownBy(() -> signature.verify(MESSAGE, COUNTERSIGN_NAMESPACE, List.of(allowed)))
                .isInstanceOfSatisfying(
                        UnknownSignerException.class,
                        e -> assertThat(e.fingerprint())
                                .isEqualTo(signer.publicKey().fingerprint()));
    }

    @Test
    void refusesASignatureThatClaimsAnAllowedKeyItWasNotMadeWith() {
        SshSigner attacker = signer(TestKeys::ed25519);
        SshSigner victim = signer(TestKeys::ed25519);
        byte[] encoded = SshSigArmor.dearmor(
                attacker.sign(MESSAGE, COUNTERSIGN_NAMESPACE).armored());
        byte[] attackerBlob = attacker.publicKey().blob();
        byte[] victimBlob = victim.publicKey().blob();
        System.arraycopy(victimBlob, 0, encoded, 6 + 4 + 4, victimBlob.length);
        assertThat(attackerBlob).hasSameSizeAs(victimBlob);
        SshSignature forged = SshSignature.parse(SshSigArmor.armor(encoded));

        assertThat(forged.claimedSigner()).isEqualTo(victim.publicKey());
        assertThatThrownBy(() -> forged.verify(MESSAGE, COUNTERSIGN_NAMESPACE, List.of(victim.publicKey())))
                .isInstanceOf(BadSignatureException.class);
    }

    @Test
    void requiresANamespaceAndAllowedKeys() {
        SshSigner signer = signer(TestKeys::ed25519);
        SshSignature signature = signer.sign(MESSAGE, COUNTERSIGN_NAMESPACE);

        assertThatThrownBy(() -> signer.sign(MESSAGE, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signature.verify(MESSAGE, "", List.of(signer.publicKey())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signature.verify(MESSAGE, COUNTERSIGN_NAMESPACE, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void armorsAsSshKeygenDoes() {
        String armored =
                signer(TestKeys::rsa).sign(MESSAGE, COUNTERSIGN_NAMESPACE).armored();
        List<String> lines = armored.lines().toList();

        assertThat(lines.get(0)).isEqualTo("-----BEGIN SSH SIGNATURE-----");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("-----END SSH SIGNATURE-----");
        assertThat(lines.subList(1, lines.size() - 2))
                .allSatisfy(line -> assertThat(line).hasSize(70));
        assertThat(armored).endsWith("\n");
        assertThat(SshSignature.parse(armored)).isEqualTo(SshSignature.parse(armored.replace("\n", "\r\n")));
    }

    @Nested
    class MalformedArmor {
        @Test
        void truncated() {
            String armored = signer(TestKeys::ed25519)
                    .sign(MESSAGE, COUNTERSIGN_NAMESPACE)
                    .armored();
            String cut = armored.substring(0, armored.length() / 2) + "\n-----END SSH SIGNATURE-----\n";

            assertThatThrownBy(() -> SshSignature.parse(cut)).isInstanceOf(SignatureFormatException.class);
        }

        @Test
        void missingTheArmorLines() {
            assertThatThrownBy(() -> SshSignature.parse("U1NIU0lH"))
                    .isInstanceOf(SignatureFormatException.class)
                    .hasMessageContaining("not an SSH signature");
        }

        @Test
        void garbageInsideWithABoundedMessage() {
            String garbage =
                    "-----BEGIN SSH SIGNATURE-----\n" + "%$#secret-ish".repeat(500) + "\n-----END SSH SIGNATURE-----";

            assertThatThrownBy(() -> SshSignature.parse(garbage))
                    .isInstanceOf(SignatureFormatException.class)
                    .satisfies(e -> assertThat(e.getMessage())
                            .doesNotContain("secret-ish")
                            .hasSizeLessThan(120));
        }

        @Test
        void validBase64ThatIsNotASignature() {
            String armored = SshSigArmor.armor("SSHSIG\0\0\0\1 not really".getBytes(StandardCharsets.US_ASCII));

            assertThatThrownBy(() -> SshSignature.parse(armored)).isInstanceOf(SignatureFormatException.class);
        }

        @Test
        void tooLong() {
            String huge = "-----BEGIN SSH SIGNATURE-----\n" + "A".repeat(70_000) + "\n-----END SSH SIGNATURE-----";

            assertThatThrownBy(() -> SshSignature.parse(huge))
                    .isInstanceOf(SignatureFormatException.class)
                    .hasMessageContaining("longer than");
        }
    }
}

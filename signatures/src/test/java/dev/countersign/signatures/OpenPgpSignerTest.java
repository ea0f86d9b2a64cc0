package dev.countersign.signatures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OpenPgpSignerTest {
    private static final byte[] PAYLOAD =
            "tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\n".getBytes(StandardCharsets.UTF_8);
    private static final Instant WHEN = Instant.parse("2026-12-07T08:00:00Z");

    private final OpenPgpTestKeys alice = OpenPgpTestKeys.generate("Alice <alice@example.com>", "correct horse");

    @Test
    void signsBytesThatTheCertificateVerifiesNamingTheFingerprint() {
        OpenPgpSigner signer = OpenPgpSigner.fromArmored(alice.secret(), "correct horse".toCharArray());

        OpenPgpVerification result =
                OpenPgpCertificates.fromArmored(alice.certificate()).verify(signer.sign(PAYLOAD, WHEN), PAYLOAD);

        assertThat(result.outcome()).isEqualTo(OpenPgpVerification.Outcome.VALID);
        assertThat(result.key()).isEqualTo(signer.fingerprint()).matches("[0-9A-F]{40}");
        assertThat(signer.userId()).isEqualTo("Alice <alice@example.com>");
    }

    @Test
    void findsAMismatchWhenTheBytesChangeAfterSigning() {
        OpenPgpSigner signer = OpenPgpSigner.fromArmored(alice.secret(), "correct horse".toCharArray());
        OpenPgpSignature signature = signer.sign(PAYLOAD, WHEN);
        byte[] altered = "tree 0000000000000000000000000000000000000000\n".getBytes(StandardCharsets.UTF_8);

        OpenPgpVerification result =
                OpenPgpCertificates.fromArmored(alice.certificate()).verify(signature, altered);

        assertThat(result.outcome()).isEqualTo(OpenPgpVerification.Outcome.MISMATCH);
        assertThat(result.valid()).isFalse();
    }

    @Test
    void findsAnUnknownKeyWhenAnotherKeySigned() {
        OpenPgpTestKeys mallory = OpenPgpTestKeys.generate("Mallory <mallory@example.com>", "");
        OpenPgpSignature signature =
                OpenPgpSigner.fromArmored(mallory.secret(), new char[0]).sign(PAYLOAD, WHEN);

        OpenPgpVerification result =
                OpenPgpCertificates.fromArmored(alice.certificate()).verify(signature, PAYLOAD);

        assertThat(result.outcome()).isEqualTo(OpenPgpVerification.Outcome.UNKNOWN_KEY);
        assertThat(result.key()).isEqualTo(signature.keyId()).matches("[0-9A-F]{16}");
    }

    @Nested
    class Refuses {
        @Test
        void aWrongPassphraseWithoutNamingIt() {
            assertThatThrownBy(() -> OpenPgpSigner.fromArmored(alice.secret(), "wrong guess".toCharArray()))
                    .isInstanceOf(WrongPassphraseException.class)
                    .hasMessageContaining("cannot unlock signing key")
                    .hasMessageNotContaining("wrong guess")
                    .hasMessageNotContaining("correct horse");
        }

        @Test
        void aCertificateWithoutItsSecretKey() {
            assertThatThrownBy(() -> OpenPgpSigner.fromArmored(alice.certificate(), new char[0]))
                    .isInstanceOf(SignatureFormatException.class)
                    .hasMessage("the signing key data holds no secret key that may sign");
        }

        @Test
        void dataThatIsNoKey() {
            byte[] garbage = "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nnot a key\n-----END PGP PRIVATE KEY BLOCK-----\n"
                    .getBytes(StandardCharsets.US_ASCII);
            assertThatThrownBy(() -> OpenPgpSigner.fromArmored(garbage, new char[0]))
                    .isInstanceOf(SignatureException.class)
                    .hasMessageContaining("signing key");
        }
    }

    @Test
    void showsOnlyTheFingerprint() {
        OpenPgpSigner signer = OpenPgpSigner.fromArmored(alice.secret(), "correct horse".toCharArray());

        assertThat(signer.toString()).isEqualTo("OpenPgpSigner[" + signer.fingerprint() + "]");
    }
}

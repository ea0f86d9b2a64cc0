package dev.countersign.signatures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OpenPgpCertificatesTest {
    private final OpenPgpTestKeys carol = OpenPgpTestKeys.generate("Carol <carol@example.com>", "");
    private final OpenPgpTestKeys dave = OpenPgpTestKeys.generate("Dave <dave@example.com>", "");

    @Test
    void readsEveryCertificateOfAKeyringInFileOrder() {
        var keyring = new ByteArrayOutputStream();
        keyring.writeBytes(carol.certificate());
        keyring.writeBytes(dave.certificate());

        OpenPgpCertificates certificates = OpenPgpCertificates.fromArmored(keyring.toByteArray());

        assertThat(certificates.fingerprints()).containsExactly(fingerprint(carol), fingerprint(dave));
        assertThat(certificates).hasToString("OpenPgpCertificates" + certificates.fingerprints());
    }

    @Test
    void takesThePublicPartOfASecretKeyBlock() {
        assertThat(OpenPgpCertificates.fromArmored(carol.secret()).fingerprints())
                .containsExactly(fingerprint(carol));
    }

    @Test
    void rejectsDataWithoutACertificate() {
        byte[] empty = "no key here".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> OpenPgpCertificates.fromArmored(empty)).isInstanceOf(SignatureFormatException.class);
    }

    private static String fingerprint(OpenPgpTestKeys keys) {
        return OpenPgpSigner.fromArmored(keys.secret(), new char[0]).fingerprint();
    }
}

package dev.countersign.signatures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class OpenPgpSignatureTest {
    private static final byte[] PAYLOAD = "approve p-1\n".getBytes(StandardCharsets.UTF_8);

    private final OpenPgpTestKeys bob = OpenPgpTestKeys.generate("Bob <bob@example.com>", "");
    private final OpenPgpSignature signature =
            OpenPgpSigner.fromArmored(bob.secret(), new char[0]).sign(PAYLOAD, Instant.parse("2026-12-07T08:00:00Z"));

    @Test
    void armorsWithoutHeadersOrCarriageReturnsAsGitStoresIt() {
        String armored = new String(signature.armored(), StandardCharsets.US_ASCII);

        assertThat(armored).startsWith("-----BEGIN PGP SIGNATURE-----\n\n").doesNotContain("\r", "Version:");
        assertThat(OpenPgpCertificates.fromArmored(bob.certificate())
                        .verify(OpenPgpSignature.parse(signature.armored()), PAYLOAD)
                        .valid())
                .isTrue();
    }

    @Test
    void roundTripsThroughBase64() {
        OpenPgpSignature decoded = OpenPgpSignature.fromBase64(signature.base64());

        assertThat(decoded.keyId()).isEqualTo(signature.keyId());
        assertThat(decoded.base64()).isEqualTo(signature.base64());
    }

    @Test
    void rejectsTextThatIsNotBase64() {
        assertThatThrownBy(() -> OpenPgpSignature.fromBase64("not base64!"))
                .isInstanceOf(SignatureFormatException.class)
                .hasMessage("the signature is not standard base64");
    }

    @Test
    void rejectsTwoSignaturesWhereOneIsExpected() {
        byte[] one = Base64.getDecoder().decode(signature.base64());
        byte[] two = new byte[one.length * 2];
        System.arraycopy(one, 0, two, 0, one.length);
        System.arraycopy(one, 0, two, one.length, one.length);

        assertThatThrownBy(() -> OpenPgpSignature.fromBase64(Base64.getEncoder().encodeToString(two)))
                .isInstanceOf(SignatureFormatException.class)
                .hasMessage("the data holds 2 OpenPGP signatures, not one");
    }

    @Test
    void rejectsAKeyWhereASignatureIsExpected() {
        assertThatThrownBy(() -> OpenPgpSignature.parse(bob.certificate()))
                .isInstanceOf(SignatureFormatException.class)
                .hasMessage("the data is not an OpenPGP signature");
    }
}

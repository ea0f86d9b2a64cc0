package dev.countersign.signatures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SshPublicKeyTest {
    // public keys and fingerprints as ssh-keygen 9.2 wrote and printed them
    static final String ED25519 =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHL1ZbAjLdgWpqtcnLvExEHajk4Civ5MHjQaidqvAqVX test@example";
    static final String ECDSA =
            "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBKmBGB7iNFQSQ1c"
                    + "MwrH3ANNV02XhUGdyOhJZBgQAiFyoVExCCHoG8QQgCyBDf1SQMTCgCEqkbYdYPWJh600S2Co=";
    static final String RSA_1024 = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQD0RtXFZqXR7Fipz+lsHR1VL2fy+WLu/OGAJ4o7lP6ZOff"
            + "eW7nUzCUWl9+P6H+v2P72Wf8lzR/ip9NhWq6BmiPam48q8Bteb6dQ0GR5lbiDPyHuvzXAc65x630wRvRz3wWQ4W//Q2351YU0D2u88j"
            + "BAYfEJ0asIn+H+SNWz8glcQw== root@vm";
    static final String DSA = "ssh-dss AAAAB3NzaC1kc3MAAACBAM2ycIYST6DTnJHVwdPAbILxO0RBFgqaElF7QthiXpnfYCxmgJXGl7zx"
            + "g7jpIiLQyeImKLyvs+YUyGuK1+qsYY0nuERkoe1v73LoV8qYHDvzQ3+EapSeHk6W327GjrBsA6eD2Y8i4Kr5P64hzYJaFHI07YLhOdfNwj"
            + "2pVJ2l0CRxAAAAFQCK7sNRJ6PkoA2c7YyauIeUJrdtjwAAAIEAimmNb9Lpijpw1cl3JFeirv83WlMzcUkRL5k1s2yl4By7kFaT0HmmMdWh"
            + "zJXex4hf3ir5ddvpeLHURP4LBXlvw2WPA1sinn8KIZpNrFnnvHqZc0HurIRbyN3PKmDBlC9jkdW7gG+NLuc12Mx9Z5k6ysDV/D9dWIpQaRb"
            + "9BBfDdssAAACBAIuFNA+cmo8ebZkVEXL3YJ6Mk9K74mJakFWxeospqlrxWxzCI67DHu/qDFfcKWI43Gy3/3c5K41VY9hT/TdCM/jk08hoV"
            + "CBAEzWm/POogJdJDx13Iap0MR3wlYyEubunRFtdPmptlJ4pUtHUMdo2LrkVD+brWBezaG+KDRvAJhp5 root@vm";

    static String field(String line) {
        int start = line.indexOf(' ') + 1;
        int end = line.indexOf(' ', start);
        return end < 0 ? line.substring(start) : line.substring(start, end);
    }

    @Nested
    class Parsing {
        @Test
        void readsAnEd25519LineWithItsComment() {
            SshPublicKey key = SshPublicKey.parse(ED25519 + "\n");

            assertThat(key.type()).isEqualTo("ssh-ed25519");
            assertThat(key.comment()).isEqualTo("test@example");
            assertThat(key.fingerprint()).isEqualTo("SHA256:jwkDhMlF/XVh0Ffokttu9KIYS552i2ahbPtbGIX0S5c");
            assertThat(key.toOpenSsh()).isEqualTo(ED25519.substring(0, ED25519.lastIndexOf(' ')));
        }

        @Test
        void readsAnEcdsaLineWithoutComment() {
            SshPublicKey key = SshPublicKey.parse(ECDSA);

            assertThat(key.type()).isEqualTo("ecdsa-sha2-nistp256");
            assertThat(key.comment()).isEmpty();
            assertThat(key.fingerprint()).isEqualTo("SHA256:lP5ibw8jNfQ4LWkXqUgYFQSLKcBuy0BenYTmMJP9bQA");
        }

        @Test
        void equalityIgnoresTheComment() {
            assertThat(SshPublicKey.parse(ED25519))
                    .isEqualTo(SshPublicKey.parse(ED25519.replace("test@example", "other")))
                    .hasSameHashCodeAs(SshPublicKey.parse(ED25519.replace("test@example", "other")))
                    .isNotEqualTo(SshPublicKey.parse(ECDSA));
        }

        @Test
        void toStringShowsTypeAndFingerprint() {
            assertThat(SshPublicKey.parse(ED25519))
                    .hasToString("ssh-ed25519 SHA256:jwkDhMlF/XVh0Ffokttu9KIYS552i2ahbPtbGIX0S5c");
        }
    }

    @Nested
    class Refusing {
        @Test
        void anEd25519KeyThatIsNotACurvePointWithATypedError() {
            // Found by SignatureFuzzTest#sshSignature: BouncyCastle's IllegalArgumentException used to escape.
            String notAPoint = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA2GJQBFjBdowHP3qbPCaQ/HZAKqPTfbofyEoREg9HPZ";

            assertThatThrownBy(() -> SshPublicKey.parse(notAPoint))
                    .isInstanceOf(SignatureFormatException.class)
                    .hasMessageContaining("Ed25519 public key is not a point on the curve");
        }

        @Test
        void aLineWhoseTypeDisagreesWithItsKey() {
            assertThatThrownBy(() -> SshPublicKey.parse(ED25519.replace("ssh-ed25519 ", "ssh-rsa ")))
                    .isInstanceOf(SignatureFormatException.class)
                    .hasMessageContaining("says type 'ssh-rsa' but its key is ssh-ed25519");
        }

        @Test
        void dsaKeys() {
            assertThatThrownBy(() -> SshPublicKey.parse(DSA))
                    .isInstanceOf(UnsupportedKeyTypeException.class)
                    .hasMessage("unsupported key type 'ssh-dss'");
        }

        @Test
        void rsaKeysUnder2048Bits() {
            assertThatThrownBy(() -> SshPublicKey.parse(RSA_1024))
                    .isInstanceOf(UnsupportedKeyTypeException.class)
                    .hasMessageContaining("this one has 1024");
        }

        @Test
        void garbage() {
            assertThatThrownBy(() -> SshPublicKey.parse("not-a-key")).isInstanceOf(SignatureFormatException.class);
            assertThatThrownBy(() -> SshPublicKey.parse("ssh-ed25519 !!!!"))
                    .isInstanceOf(SignatureFormatException.class);
            assertThatThrownBy(() -> SshPublicKey.parse("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHL1"))
                    .isInstanceOf(SignatureFormatException.class);
        }

        @Test
        void trailingBytesAfterTheKey() {
            byte[] blob = Base64.getDecoder().decode(field(ED25519));
            byte[] longer = java.util.Arrays.copyOf(blob, blob.length + 1);

            assertThatThrownBy(() -> SshPublicKey.parse(
                            "ssh-ed25519 " + Base64.getEncoder().encodeToString(longer)))
                    .isInstanceOf(SignatureFormatException.class);
        }

        @Test
        void anEcdsaPointOffTheCurve() {
            byte[] blob = Base64.getDecoder().decode(field(ECDSA));
            blob[blob.length - 1] ^= 1;

            assertThatThrownBy(() -> SshPublicKey.parse(
                            "ecdsa-sha2-nistp256 " + Base64.getEncoder().encodeToString(blob)))
                    .isInstanceOf(SignatureFormatException.class)
                    .hasMessageContaining("not on nistp256");
        }

        @Test
        void hugeInputWithABoundedMessage() {
            assertThatThrownBy(() -> SshPublicKey.parse("ssh-ed25519 " + "A".repeat(100_000)))
                    .isInstanceOf(SignatureFormatException.class)
                    .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(120));
        }
    }
}

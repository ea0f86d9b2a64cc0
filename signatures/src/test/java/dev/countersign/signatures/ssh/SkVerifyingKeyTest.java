package dev.countersign.signatures.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.signatures.BadSignatureException;
import dev.countersign.signatures.SshPublicKey;
import dev.countersign.signatures.SshSignature;
import dev.countersign.signatures.UserPresenceMissingException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;

/**
 * FIDO security keys without hardware: the test plays the authenticator, signing PROTOCOL.u2f's layout
 * (SHA256(application), flags, counter, SHA256(sshsig signed data)) with a generated key.
 */
class SkVerifyingKeyTest {
    static final byte[] MESSAGE = "approve p-1".getBytes(StandardCharsets.UTF_8);
    static final String APPLICATION = "ssh:";

    /** A software authenticator: a public key blob and a raw signature over the u2f signed data. */
    interface Authenticator {
        byte[] publicKeyBlob();

        byte[] signatureBlob(byte[] data, int flags, long counter, String application);

        default byte[] signatureBlob(byte[] data, int flags, long counter) {
            return signatureBlob(data, flags, counter, APPLICATION);
        }
    }

    /**
     * PROTOCOL.u2f's signed data, built here independently of the code under test: SHA256(application) ||
     * flags || counter (big-endian uint32) || SHA256(data).
     */
    static byte[] u2fSignedData(String application, int flags, long counter, byte[] data) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return ByteBuffer.allocate(32 + 1 + 4 + 32)
                    .put(sha256.digest(application.getBytes(StandardCharsets.UTF_8)))
                    .put((byte) flags)
                    .putInt((int) counter)
                    .put(sha256.digest(data))
                    .array();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Authenticator ed25519() {
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(new SecureRandom());
        String type = "sk-ssh-ed25519@openssh.com";
        return new Authenticator() {
            @Override
            public byte[] publicKeyBlob() {
                return new WireWriter()
                        .writeText(type)
                        .writeString(key.generatePublicKey().getEncoded())
                        .writeText(APPLICATION)
                        .toByteArray();
            }

            @Override
            public byte[] signatureBlob(byte[] data, int flags, long counter, String application) {
                byte[] signed = u2fSignedData(application, flags, counter, data);
                Ed25519Signer signer = new Ed25519Signer();
                signer.init(true, key);
                signer.update(signed, 0, signed.length);
                return new WireWriter()
                        .writeText(type)
                        .writeString(signer.generateSignature())
                        .writeByte(flags)
                        .writeUint32(counter)
                        .toByteArray();
            }
        };
    }

    static Authenticator ecdsa() {
        KeyPair pair = TestKeys.generate("EC", new ECGenParameterSpec("secp256r1"));
        String type = "sk-ecdsa-sha2-nistp256@openssh.com";
        return new Authenticator() {
            @Override
            public byte[] publicKeyBlob() {
                return new WireWriter()
                        .writeText(type)
                        .writeText("nistp256")
                        .writeString(EcCurve.NISTP256.encodePoint(((ECPublicKey) pair.getPublic()).getW()))
                        .writeText(APPLICATION)
                        .toByteArray();
            }

            @Override
            public byte[] signatureBlob(byte[] data, int flags, long counter, String application) {
                try {
                    Signature ecdsa = Signature.getInstance("SHA256withECDSAinP1363Format");
                    ecdsa.initSign(pair.getPrivate());
                    ecdsa.update(u2fSignedData(application, flags, counter, data));
                    byte[] rs = ecdsa.sign();
                    byte[] inner = new WireWriter()
                            .writeMpint(new BigInteger(1, Arrays.copyOfRange(rs, 0, 32)))
                            .writeMpint(new BigInteger(1, Arrays.copyOfRange(rs, 32, 64)))
                            .toByteArray();
                    return new WireWriter()
                            .writeText(type)
                            .writeString(inner)
                            .writeByte(flags)
                            .writeUint32(counter)
                            .toByteArray();
                } catch (java.security.GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    static String armored(Authenticator authenticator, int flags, long counter) {
        return armored(authenticator, flags, counter, APPLICATION);
    }

    static String armored(Authenticator authenticator, int flags, long counter, String application) {
        byte[] data = SshSig.signedData("countersign", new byte[0], "sha512", MESSAGE);
        return SshSigArmor.armor(SshSigTest.encode(
                1,
                authenticator.publicKeyBlob(),
                "countersign",
                "sha512",
                authenticator.signatureBlob(data, flags, counter, application)));
    }

    static SshPublicKey publicKey(Authenticator authenticator, String type) {
        return SshPublicKey.parse(type + " " + Base64.getEncoder().encodeToString(authenticator.publicKeyBlob()));
    }

    @Test
    void verifiesAnEd25519SecurityKeySignatureWithUserPresence() {
        Authenticator key = ed25519();
        SshPublicKey allowed = publicKey(key, "sk-ssh-ed25519@openssh.com");

        assertThat(SshSignature.parse(armored(key, 0x01, 42)).verify(MESSAGE, "countersign", List.of(allowed)))
                .isEqualTo(allowed);
        assertThat(allowed.type()).isEqualTo("sk-ssh-ed25519@openssh.com");
    }

    @Test
    void verifiesAnEcdsaSecurityKeySignatureWithUserPresenceAndVerification() {
        Authenticator key = ecdsa();
        SshPublicKey allowed = publicKey(key, "sk-ecdsa-sha2-nistp256@openssh.com");

        assertThat(SshSignature.parse(armored(key, 0x05, 7)).verify(MESSAGE, "countersign", List.of(allowed)))
                .isEqualTo(allowed);
    }

    @Test
    void refusesASignatureMadeWithoutATouch() {
        for (Authenticator key : List.of(ed25519(), ecdsa())) {
            SshPublicKey allowed = SshSignature.parse(armored(key, 0x00, 1)).claimedSigner();
            SshSignature untouched = SshSignature.parse(armored(key, 0x04, 1));

            assertThatThrownBy(() -> untouched.verify(MESSAGE, "countersign", List.of(allowed)))
                    .isInstanceOf(UserPresenceMissingException.class)
                    .hasMessageContaining("user-presence");
        }
    }

    @Test
    void refusesFlagsOrCounterChangedAfterSigning() {
        for (Authenticator key : List.of(ed25519(), ecdsa())) {
            byte[] encoded = SshSigArmor.dearmor(armored(key, 0x00, 1));
            SshPublicKey allowed =
                    SshSignature.parse(SshSigArmor.armor(encoded)).claimedSigner();
            byte[] flagged = encoded.clone();
            flagged[flagged.length - 5] = 0x01;
            byte[] counted = encoded.clone();
            counted[counted.length - 1] = 2;

            for (byte[] tampered : List.of(flagged, counted)) {
                SshSignature signature = SshSignature.parse(SshSigArmor.armor(tampered));
                assertThatThrownBy(() -> signature.verify(MESSAGE, "countersign", List.of(allowed)))
                        .isInstanceOf(BadSignatureException.class)
                        .isNotInstanceOf(UserPresenceMissingException.class);
            }
        }
    }

    @Test
    void signsWhatTheTestBuildsIndependently() {
        byte[] data = "data".getBytes(StandardCharsets.UTF_8);

        assertThat(SkVerifyingKey.signedData(APPLICATION, 0x05, 0x01020304L, data))
                .isEqualTo(u2fSignedData(APPLICATION, 0x05, 0x01020304L, data))
                .hasSize(69);
    }

    @Test
    void refusesASignatureForAnotherApplicationThanTheKeyNames() {
        for (Authenticator key : List.of(ed25519(), ecdsa())) {
            SshPublicKey allowed = SshSignature.parse(armored(key, 0x01, 1)).claimedSigner();
            SshSignature otherSite = SshSignature.parse(armored(key, 0x01, 1, "ssh:other"));

            assertThatThrownBy(() -> otherSite.verify(MESSAGE, "countersign", List.of(allowed)))
                    .isInstanceOf(BadSignatureException.class)
                    .isNotInstanceOf(UserPresenceMissingException.class);
        }
    }

    @Test
    void refusesAChangedMessage() {
        Authenticator key = ed25519();
        SshSignature signature = SshSignature.parse(armored(key, 0x01, 1));

        assertThatThrownBy(() -> signature.verify(
                        "approve p-2".getBytes(StandardCharsets.UTF_8),
                        "countersign",
                        List.of(signature.claimedSigner())))
                .isInstanceOf(BadSignatureException.class);
    }
}

package dev.countersign.signatures.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.signatures.SignatureFormatException;
import dev.countersign.signatures.UnsupportedKeyTypeException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;

class SshSigTest {
    static final byte[] MESSAGE = "statement".getBytes(StandardCharsets.UTF_8);

    /** An sshsig signature with every field chosen by the test. */
    static byte[] encode(long version, byte[] publicKey, String namespace, String hash, byte[] signature) {
        return new WireWriter()
                .writeRaw(SshSig.MAGIC)
                .writeUint32(version)
                .writeString(publicKey)
                .writeText(namespace)
                .writeString(new byte[0])
                .writeText(hash)
                .writeString(signature)
                .toByteArray();
    }

    static byte[] signWith(SigningKey key, String namespace, String hash) {
        byte[] data = SshSig.signedData(namespace, new byte[0], hash, MESSAGE);
        return encode(1, key.publicKeyBlob(), namespace, hash, key.sign(data));
    }

    @Test
    void acceptsSha256AsWellAsSha512() {
        SoftwareSigningKey key = TestKeys.ecdsa();

        SshSig.decode(signWith(key, "countersign", "sha256")).verify(MESSAGE, "countersign");
        SshSig sig = SshSig.decode(signWith(key, "countersign", "sha512"));
        sig.verify(MESSAGE, "countersign");

        assertThat(sig.hashAlgorithm()).isEqualTo("sha512");
        assertThat(SshSig.decode(sig.encode()).encode()).isEqualTo(sig.encode());
    }

    @Test
    void refusesOtherHashes() {
        SoftwareSigningKey key = TestKeys.ed25519();
        byte[] encoded = encode(1, key.publicKeyBlob(), "countersign", "sha1", key.sign(MESSAGE));

        assertThatThrownBy(() -> SshSig.decode(encoded).verify(MESSAGE, "countersign"))
                .isInstanceOf(UnsupportedKeyTypeException.class)
                .hasMessageContaining("'sha1' is not sha256 or sha512");
    }

    @Test
    void refusesOtherVersionsAndPreambles() {
        SoftwareSigningKey key = TestKeys.ed25519();
        byte[] version2 = encode(2, key.publicKeyBlob(), "countersign", "sha512", key.sign(MESSAGE));
        byte[] preamble = signWith(key, "countersign", "sha512");
        preamble[0] = 'X';

        assertThatThrownBy(() -> SshSig.decode(version2))
                .isInstanceOf(SignatureFormatException.class)
                .hasMessageContaining("version 2");
        assertThatThrownBy(() -> SshSig.decode(preamble))
                .isInstanceOf(SignatureFormatException.class)
                .hasMessageContaining("preamble");
    }

    @Test
    void refusesSha1RsaSignatures() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        SoftwareSigningKey key = SoftwareSigningKey.rsa((RSAPrivateCrtKey) pair.getPrivate());
        byte[] data = SshSig.signedData("countersign", new byte[0], "sha512", MESSAGE);
        Signature sha1 = Signature.getInstance("SHA1withRSA");
        sha1.initSign(pair.getPrivate());
        sha1.update(data);
        byte[] blob =
                new WireWriter().writeText("ssh-rsa").writeString(sha1.sign()).toByteArray();
        byte[] encoded = encode(1, key.publicKeyBlob(), "countersign", "sha512", blob);

        assertThat(((RSAPublicKey) pair.getPublic()).getModulus().bitLength()).isEqualTo(2048);
        assertThatThrownBy(() -> SshSig.decode(encoded).verify(MESSAGE, "countersign"))
                .isInstanceOf(UnsupportedKeyTypeException.class)
                .hasMessageContaining("SHA-1");
    }

    @Test
    void acceptsRsaSha256Signatures() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        SoftwareSigningKey key = SoftwareSigningKey.rsa((RSAPrivateCrtKey) pair.getPrivate());
        byte[] data = SshSig.signedData("countersign", new byte[0], "sha512", MESSAGE);
        Signature sha256 = Signature.getInstance("SHA256withRSA");
        sha256.initSign(pair.getPrivate());
        sha256.update(data);
        byte[] blob = new WireWriter()
                .writeText("rsa-sha2-256")
                .writeString(sha256.sign())
                .toByteArray();

        SshSig.decode(encode(1, key.publicKeyBlob(), "countersign", "sha512", blob))
                .verify(MESSAGE, "countersign");
    }
}

package dev.countersign.gitops.internal;

import dev.countersign.signatures.OpenPgpCertificates;
import dev.countersign.signatures.keys.SigningKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;

/**
 * Real keys made in Java for unit tests, so that the signature checks run without {@code gpg} or {@code
 * ssh-keygen} (and under PIT, which runs unit tests only): an Ed25519 OpenPGP key made with BouncyCastle and
 * armored as gpg exports it, and an Ed25519 OpenSSH key made with the JDK whose signatures are armored {@code
 * sshsig} blobs, byte for byte what {@code ssh-keygen -Y sign} writes (OpenSSH's PROTOCOL.sshsig).
 */
final class JavaKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private JavaKeys() {}

    /** An OpenPGP key: the unlocked secret key and its armored certificate. */
    record Pgp(SigningKey secret, byte[] armoredCertificate) {
        /** The certificate as a keyring. */
        OpenPgpCertificates certificates() {
            return OpenPgpCertificates.fromArmored(armoredCertificate);
        }

        /** The certificate as a policy's {@code approverKeys} entry, a YAML block scalar at the given indent. */
        String yamlBlock(int indent) {
            return "|\n"
                    + new String(armoredCertificate, StandardCharsets.US_ASCII)
                            .strip()
                            .indent(indent);
        }
    }

    /** An OpenSSH Ed25519 key pair. */
    record Ssh(KeyPair pair) {
        /** The public key as an {@code authorized_keys} line: {@code ssh-ed25519 AAAA...}. */
        String publicKeyLine() {
            return "ssh-ed25519 " + Base64.getEncoder().encodeToString(publicBlob());
        }

        private byte[] publicBlob() {
            byte[] x509 = pair.getPublic().getEncoded();
            byte[] raw = Arrays.copyOfRange(x509, x509.length - 32, x509.length);
            return concat(string("ssh-ed25519"), string(raw));
        }

        /** Signs in the {@code countersign} namespace; returns the armored signature. */
        byte[] sign(byte[] message) {
            byte[] hash = digest(message);
            byte[] signed = concat(
                    "SSHSIG".getBytes(StandardCharsets.US_ASCII),
                    string("countersign"),
                    string(""),
                    string("sha512"),
                    string(hash));
            byte[] raw;
            try {
                Signature ed25519 = Signature.getInstance("Ed25519");
                ed25519.initSign(pair.getPrivate());
                ed25519.update(signed);
                raw = ed25519.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            byte[] blob = concat(
                    "SSHSIG".getBytes(StandardCharsets.US_ASCII),
                    ByteBuffer.allocate(4).putInt(1).array(),
                    string(publicBlob()),
                    string("countersign"),
                    string(""),
                    string("sha512"),
                    string(concat(string("ssh-ed25519"), string(raw))));
            String base64 = Base64.getMimeEncoder(70, new byte[] {'\n'}).encodeToString(blob);
            return ("-----BEGIN SSH SIGNATURE-----\n" + base64 + "\n-----END SSH SIGNATURE-----\n")
                    .getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** A fresh OpenSSH Ed25519 key. */
    static Ssh ssh() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(255, RANDOM);
            return new Ssh(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh Ed25519 OpenPGP key for signing, with an empty passphrase. */
    static Pgp openPgp(String userId) {
        try {
            var generator = new Ed25519KeyPairGenerator();
            generator.init(new Ed25519KeyGenerationParameters(RANDOM));
            PGPKeyPair pair = new BcPGPKeyPair(
                    PublicKeyPacket.VERSION_4,
                    PublicKeyAlgorithmTags.EDDSA_LEGACY,
                    generator.generateKeyPair(),
                    new Date());
            PGPDigestCalculator sha1 = new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1);
            var hashed = new PGPSignatureSubpacketGenerator();
            hashed.setKeyFlags(false, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
            PGPSecretKeyRing ring = new PGPKeyRingGenerator(
                            PGPSignature.POSITIVE_CERTIFICATION,
                            pair,
                            userId,
                            sha1,
                            hashed.generate(),
                            null,
                            new BcPGPContentSignerBuilder(pair.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA256),
                            new BcPBESecretKeyEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256, sha1)
                                    .build(new char[0]))
                    .generateSecretKeyRing();
            return new Pgp(
                    SigningKey.fromArmored(armor(ring.getEncoded()), new char[0]),
                    armor(ring.toCertificate().getEncoded()));
        } catch (PGPException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] armor(byte[] packets) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var armor = ArmoredOutputStream.builder().build(bytes)) {
            armor.write(packets);
        }
        return bytes.toByteArray();
    }

    private static byte[] digest(byte[] message) {
        try {
            return MessageDigest.getInstance("SHA-512").digest(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] string(String text) {
        return string(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] string(byte[] bytes) {
        return concat(ByteBuffer.allocate(4).putInt(bytes.length).array(), bytes);
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}

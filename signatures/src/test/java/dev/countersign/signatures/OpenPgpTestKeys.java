package dev.countersign.signatures;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
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

/** Fresh Ed25519 OpenPGP keys, generated for each test, exported armored as gpg exports them. */
record OpenPgpTestKeys(byte[] secret, byte[] certificate) {
    static OpenPgpTestKeys generate(String userId, String passphrase) {
        try {
            PGPSecretKeyRing ring = ring(userId, passphrase, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
            return new OpenPgpTestKeys(
                    armor(ring.getEncoded()), armor(ring.toCertificate().getEncoded()));
        } catch (PGPException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PGPSecretKeyRing ring(String userId, String passphrase, int flags) throws PGPException {
        var generator = new Ed25519KeyPairGenerator();
        generator.init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        PGPKeyPair pair = new BcPGPKeyPair(
                PublicKeyPacket.VERSION_4,
                PublicKeyAlgorithmTags.EDDSA_LEGACY,
                generator.generateKeyPair(),
                new Date());
        PGPDigestCalculator sha1 = new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1);
        var hashed = new PGPSignatureSubpacketGenerator();
        hashed.setKeyFlags(false, flags);
        return new PGPKeyRingGenerator(
                        PGPSignature.POSITIVE_CERTIFICATION,
                        pair,
                        userId,
                        sha1,
                        hashed.generate(),
                        null,
                        new BcPGPContentSignerBuilder(pair.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA256),
                        new BcPBESecretKeyEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256, sha1)
                                .build(passphrase.toCharArray()))
                .generateSecretKeyRing();
    }

    private static byte[] armor(byte[] packets) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var armor = ArmoredOutputStream.builder().build(bytes)) {
            armor.write(packets);
        }
        return bytes.toByteArray();
    }
}

package dev.countersign.sops;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;
import org.jspecify.annotations.Nullable;

/** A real RSA OpenPGP key made with BouncyCastle for tests: a certify/sign primary and an encryption subkey. */
public record PgpTestKeys(String fingerprint, String armoredPublic, String armoredSecret) {

    /** Generates a key, protected by the passphrase when one is given. */
    public static PgpTestKeys generate(String userId, char @Nullable [] passphrase, SecureRandom random) {
        try {
            PGPKeyRingGenerator generator = generator(userId, passphrase, random);
            String fingerprint = HexFormat.of()
                    .withUpperCase()
                    .formatHex(generator.generatePublicKeyRing().getPublicKey().getFingerprint());
            return new PgpTestKeys(
                    fingerprint,
                    armor(generator.generatePublicKeyRing().getEncoded()),
                    armor(generator.generateSecretKeyRing().getEncoded()));
        } catch (PGPException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PGPKeyRingGenerator generator(String userId, char @Nullable [] passphrase, SecureRandom random)
            throws PGPException {
        Date now = new Date();
        PGPKeyPair primary =
                new BcPGPKeyPair(PublicKeyAlgorithmTags.RSA_GENERAL, rsa(random).generateKeyPair(), now);
        PGPKeyPair subkey =
                new BcPGPKeyPair(PublicKeyAlgorithmTags.RSA_GENERAL, rsa(random).generateKeyPair(), now);
        PGPSignatureSubpacketGenerator primaryFlags = new PGPSignatureSubpacketGenerator();
        primaryFlags.setKeyFlags(false, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
        PGPSignatureSubpacketGenerator subkeyFlags = new PGPSignatureSubpacketGenerator();
        subkeyFlags.setKeyFlags(false, KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE);
        PGPDigestCalculator sha1 = new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1);
        PGPKeyRingGenerator generator = new PGPKeyRingGenerator(
                PGPSignature.POSITIVE_CERTIFICATION,
                primary,
                userId,
                sha1,
                primaryFlags.generate(),
                null,
                new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.RSA_GENERAL, HashAlgorithmTags.SHA256),
                passphrase == null
                        ? null
                        : new BcPBESecretKeyEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256, sha1)
                                .build(passphrase));
        generator.addSubKey(subkey, subkeyFlags.generate(), null);
        return generator;
    }

    private static RSAKeyPairGenerator rsa(SecureRandom random) {
        RSAKeyPairGenerator generator = new RSAKeyPairGenerator();
        generator.init(new RSAKeyGenerationParameters(BigInteger.valueOf(0x10001), random, 2048, 12));
        return generator;
    }

    private static String armor(byte[] encoded) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArmoredOutputStream armor =
                ArmoredOutputStream.builder().clearHeaders().build(out)) {
            armor.write(encoded);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return "PgpTestKeys[" + fingerprint + "]";
    }
}

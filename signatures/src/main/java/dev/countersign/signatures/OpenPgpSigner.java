package dev.countersign.signatures;

import dev.countersign.signatures.openpgp.OpenPgpKeys;
import java.time.Instant;
import java.util.Date;
import java.util.Iterator;
import java.util.Optional;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;

/**
 * Signs bytes with one OpenPGP secret key, unlocked once from an armored secret key file: a detached
 * signature, which over a raw commit is what {@code git verify-commit} checks in the {@code gpgsig} header.
 * Immutable and thread-safe; {@link #toString()} shows the fingerprint only, never key material.
 */
public final class OpenPgpSigner {
    private final PGPPublicKey publicKey;
    private final PGPPrivateKey privateKey;
    private final String userId;

    private OpenPgpSigner(PGPPublicKey publicKey, PGPPrivateKey privateKey, String userId) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
        this.userId = userId;
    }

    /**
     * Unlocks the first signing-capable secret key of an armored secret key file.
     *
     * @param armored the armored (or binary) secret key block, as {@code gpg --export-secret-keys --armor}
     * @param passphrase the key's passphrase, empty when it is not protected; not kept
     * @return the signer
     * @throws SignatureFormatException if the data holds no secret key that may sign
     * @throws WrongPassphraseException if the key cannot be unlocked with the passphrase
     */
    public static OpenPgpSigner fromArmored(byte[] armored, char[] passphrase) {
        for (Object object : OpenPgpKeys.read(armored, "signing key")) {
            if (object instanceof PGPSecretKeyRing ring) {
                Optional<PGPSecretKey> key = signingKey(ring);
                if (key.isPresent()) {
                    return unlock(key.get(), ring, passphrase);
                }
            }
        }
        throw new SignatureFormatException("the signing key data holds no secret key that may sign");
    }

    private static Optional<PGPSecretKey> signingKey(PGPSecretKeyRing ring) {
        for (Iterator<PGPSecretKey> it = ring.getSecretKeys(); it.hasNext(); ) {
            PGPSecretKey key = it.next();
            if (!key.isPrivateKeyEmpty() && key.isSigningKey() && OpenPgpKeys.maySign(key.getPublicKey())) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    private static OpenPgpSigner unlock(PGPSecretKey key, PGPSecretKeyRing ring, char[] passphrase) {
        String fingerprint = OpenPgpKeys.fingerprint(key.getPublicKey());
        try {
            PGPPrivateKey privateKey = key.extractPrivateKey(
                    new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider()).build(passphrase));
            if (privateKey == null) {
                throw new SignatureFormatException("signing key " + fingerprint + " holds no private key");
            }
            Iterator<String> ids = ring.getPublicKey().getUserIDs();
            return new OpenPgpSigner(key.getPublicKey(), privateKey, ids.hasNext() ? ids.next() : "");
        } catch (PGPException e) {
            throw new WrongPassphraseException(
                    "cannot unlock signing key " + fingerprint + ": wrong passphrase or unsupported protection", e);
        }
    }

    /**
     * Returns the fingerprint of the signing key (the primary key or a signing subkey).
     *
     * @return uppercase hex
     */
    public String fingerprint() {
        return OpenPgpKeys.fingerprint(publicKey);
    }

    /**
     * Returns the first user id of the key's certificate.
     *
     * @return the user id, such as {@code Recorder <recorder@example.com>}, or empty
     */
    public String userId() {
        return userId;
    }

    /**
     * Signs bytes: a detached binary-document signature with SHA-256 that names its creation time and the
     * issuer's fingerprint.
     *
     * @param payload the bytes to sign, such as a raw commit object without its {@code gpgsig} header
     * @param when the signature's creation time
     * @return the signature
     * @throws SignatureException if the key cannot sign
     */
    public OpenPgpSignature sign(byte[] payload, Instant when) {
        try {
            PGPSignatureGenerator generator = new PGPSignatureGenerator(
                    new BcPGPContentSignerBuilder(publicKey.getAlgorithm(), HashAlgorithmTags.SHA256), publicKey);
            generator.init(PGPSignature.BINARY_DOCUMENT, privateKey);
            PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
            hashed.setSignatureCreationTime(false, Date.from(when));
            hashed.setIssuerFingerprint(false, publicKey);
            generator.setHashedSubpackets(hashed.generate());
            generator.update(payload);
            return new OpenPgpSignature(generator.generate());
        } catch (PGPException e) {
            throw new SignatureException("cannot sign with key " + fingerprint(), e);
        }
    }

    @Override
    public String toString() {
        return "OpenPgpSigner[" + fingerprint() + "]";
    }
}

package dev.countersign.signatures.keys;

import dev.countersign.signatures.OpenPgpSignature;
import dev.countersign.signatures.OpenPgpSigner;
import dev.countersign.signatures.SignatureException;
import java.time.Instant;

/**
 * An OpenPGP secret key, unlocked: it signs the commits a Countersign repository writes, so that {@code git
 * verify-commit} and verification with {@link TrustedKeys} accept them, or an approver's own approvals.
 * Immutable and thread-safe; {@link #toString()} shows the fingerprint and user id, never key material.
 */
public final class SigningKey {
    private final OpenPgpSigner signer;

    private SigningKey(OpenPgpSigner signer) {
        this.signer = signer;
    }

    /**
     * Unlocks the first signing-capable key of an armored secret key block, as {@code gpg --armor
     * --export-secret-keys KEY} writes it.
     *
     * @param armoredSecretKey the armored (or binary) secret key block
     * @param passphrase the key's passphrase, empty for a key without one; not kept
     * @return the key
     * @throws KeyringException if the data holds no secret key that may sign, or the passphrase is wrong
     */
    public static SigningKey fromArmored(byte[] armoredSecretKey, char[] passphrase) {
        try {
            return new SigningKey(OpenPgpSigner.fromArmored(armoredSecretKey, passphrase));
        } catch (SignatureException e) {
            throw new KeyringException(String.valueOf(e.getMessage()), e);
        }
    }

    /**
     * Returns the fingerprint of the key that signs (the primary key or a signing subkey).
     *
     * @return the fingerprint, uppercase hex
     */
    public String fingerprint() {
        return signer.fingerprint();
    }

    /**
     * Returns the first user id of the key's certificate.
     *
     * @return the user id, such as {@code Recorder <recorder@example.com>}, or the empty string
     */
    public String userId() {
        return signer.userId();
    }

    /**
     * Signs bytes with a detached signature, as {@code git commit -S} signs a commit object.
     *
     * @param payload the bytes to sign
     * @param when the signature's creation time
     * @return the signature
     * @throws SignatureException if the key cannot sign
     */
    public OpenPgpSignature sign(byte[] payload, Instant when) {
        return signer.sign(payload, when);
    }

    @Override
    public String toString() {
        return "SigningKey[" + fingerprint() + " " + userId() + "]";
    }
}

package dev.countersign.signatures.keys;

import dev.countersign.signatures.OpenPgpCertificates;
import dev.countersign.signatures.SignatureException;
import java.util.List;

/**
 * The OpenPGP certificates whose signatures a verifier accepts, such as the keys that may sign main-line
 * commits. Immutable and thread-safe.
 */
public final class TrustedKeys {
    private final OpenPgpCertificates keyring;

    private TrustedKeys(OpenPgpCertificates keyring) {
        this.keyring = keyring;
    }

    /**
     * Reads every certificate of an armored public keyring, as {@code gpg --armor --export KEY...} writes
     * it; a subkey that signs is trusted with its primary key.
     *
     * @param armoredPublicKeys one or more armored (or binary) public key blocks
     * @return the trusted keys
     * @throws KeyringException if the data holds no certificate
     */
    public static TrustedKeys fromArmored(byte[] armoredPublicKeys) {
        try {
            return new TrustedKeys(OpenPgpCertificates.fromArmored(armoredPublicKeys));
        } catch (SignatureException e) {
            throw new KeyringException(String.valueOf(e.getMessage()), e);
        }
    }

    /**
     * Returns the fingerprints of the trusted certificates' primary keys.
     *
     * @return uppercase hex fingerprints, in keyring order
     */
    public List<String> fingerprints() {
        return keyring.fingerprints();
    }

    /**
     * Returns the certificates, to verify signatures with.
     *
     * @return the certificates
     */
    public OpenPgpCertificates keyring() {
        return keyring;
    }

    @Override
    public String toString() {
        return "TrustedKeys" + fingerprints();
    }
}

package dev.countersign.gitops.internal;

import dev.countersign.gitops.KeyringException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;

/**
 * A set of trusted OpenPGP certificates (public keys, subkeys included), read from an armored public
 * keyring such as {@code gpg --export --armor} writes. Immutable and thread-safe.
 */
public final class OpenPgpKeyring {
    private final List<PGPPublicKeyRing> rings;

    private OpenPgpKeyring(List<PGPPublicKeyRing> rings) {
        this.rings = List.copyOf(rings);
    }

    /**
     * Reads every certificate of an armored (or binary) public keyring; secret key blocks contribute
     * their public part.
     *
     * @param armored the keyring's bytes
     * @return the keyring
     * @throws KeyringException if the data holds no certificate
     */
    public static OpenPgpKeyring fromArmored(byte[] armored) {
        List<PGPPublicKeyRing> rings = new ArrayList<>();
        for (Object object : OpenPgpKeys.read(armored, "trusted keys")) {
            if (object instanceof PGPPublicKeyRing ring) {
                rings.add(ring);
            } else if (object instanceof PGPSecretKeyRing ring) {
                rings.add(ring.toCertificate());
            }
        }
        if (rings.isEmpty()) {
            throw new KeyringException("the trusted keys hold no OpenPGP certificate");
        }
        return new OpenPgpKeyring(rings);
    }

    /**
     * Finds the key (primary or subkey) that made a signature.
     *
     * @param keyId the signature's issuer key id
     * @return the key, or empty when it is not trusted
     */
    Optional<PGPPublicKey> key(long keyId) {
        return rings.stream()
                .map(ring -> ring.getPublicKey(keyId))
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    /**
     * Returns the primary-key fingerprints of the trusted certificates.
     *
     * @return uppercase hex fingerprints, in file order
     */
    public List<String> fingerprints() {
        List<String> fingerprints = new ArrayList<>();
        for (PGPPublicKeyRing ring : rings) {
            Iterator<PGPPublicKey> keys = ring.getPublicKeys();
            fingerprints.add(OpenPgpKeys.fingerprint(keys.next()));
        }
        return fingerprints;
    }

    @Override
    public String toString() {
        return "OpenPgpKeyring" + fingerprints();
    }
}

package dev.countersign.signatures;

import dev.countersign.signatures.openpgp.OpenPgpKeys;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * A set of OpenPGP certificates (public keys, subkeys included) whose signatures are accepted, read from an
 * armored public keyring such as {@code gpg --export --armor} writes. Immutable and thread-safe.
 */
public final class OpenPgpCertificates {
    private final List<PGPPublicKeyRing> rings;

    private OpenPgpCertificates(List<PGPPublicKeyRing> rings) {
        this.rings = List.copyOf(rings);
    }

    /**
     * Reads every certificate of an armored (or binary) public keyring; secret key blocks contribute
     * their public part, and a subkey that signs is accepted with its primary key.
     *
     * @param armored the keyring's bytes
     * @return the certificates
     * @throws SignatureFormatException if the data is not OpenPGP key data or holds no certificate
     */
    public static OpenPgpCertificates fromArmored(byte[] armored) {
        List<PGPPublicKeyRing> rings = new ArrayList<>();
        for (Object object : OpenPgpKeys.read(armored, "trusted keys")) {
            if (object instanceof PGPPublicKeyRing ring) {
                rings.add(ring);
            } else if (object instanceof PGPSecretKeyRing ring) {
                rings.add(ring.toCertificate());
            }
        }
        if (rings.isEmpty()) {
            throw new SignatureFormatException("the trusted keys hold no OpenPGP certificate");
        }
        return new OpenPgpCertificates(rings);
    }

    /**
     * Checks a signature over bytes: finds the key that made it among the certificates and verifies it.
     *
     * @param signature the signature
     * @param payload the bytes it claims to sign
     * @return the outcome, naming the key
     */
    public OpenPgpVerification verify(OpenPgpSignature signature, byte[] payload) {
        Optional<PGPPublicKey> key = key(signature.packet().getKeyID());
        if (key.isEmpty()) {
            return new OpenPgpVerification(OpenPgpVerification.Outcome.UNKNOWN_KEY, signature.keyId());
        }
        String fingerprint = OpenPgpKeys.fingerprint(key.get());
        return verifies(signature.packet(), key.get(), payload)
                ? new OpenPgpVerification(OpenPgpVerification.Outcome.VALID, fingerprint)
                : new OpenPgpVerification(OpenPgpVerification.Outcome.MISMATCH, fingerprint);
    }

    private Optional<PGPPublicKey> key(long keyId) {
        return rings.stream()
                .map(ring -> ring.getPublicKey(keyId))
                .filter(Objects::nonNull)
                .findFirst();
    }

    private static boolean verifies(PGPSignature signature, PGPPublicKey key, byte[] payload) {
        try {
            signature.init(new BcPGPContentVerifierBuilderProvider(), key);
            signature.update(payload);
            return signature.verify();
        } catch (PGPException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Returns the primary-key fingerprints of the certificates.
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
        return "OpenPgpCertificates" + fingerprints();
    }
}

package dev.countersign.sops.internal.keys;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;

/**
 * Chooses the key of a certificate that data is encrypted to, as gpg does: the newest key whose
 * self-signature grants an encryption flag and that is neither revoked nor expired, falling back to
 * any encryption-capable subkey when no key carries flags.
 */
final class PgpEncryptionKeys {
    private static final int ENCRYPT = KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE;

    private PgpEncryptionKeys() {}

    static Optional<PGPPublicKey> select(List<PGPPublicKey> certificate, Instant now) {
        Optional<PGPPublicKey> flagged = newest(certificate.stream()
                .filter(key -> key.isEncryptionKey() && usable(key, now) && (flags(key) & ENCRYPT) != 0)
                .toList());
        if (flagged.isPresent()) {
            return flagged;
        }
        return newest(certificate.stream()
                .filter(key -> key.isEncryptionKey() && usable(key, now) && !key.isMasterKey() && flags(key) == 0)
                .toList());
    }

    private static Optional<PGPPublicKey> newest(List<PGPPublicKey> keys) {
        return keys.stream().reduce((a, b) -> created(b).isBefore(created(a)) ? a : b);
    }

    private static boolean usable(PGPPublicKey key, Instant now) {
        boolean expired = key.getValidSeconds() > 0
                && created(key).plusSeconds(key.getValidSeconds()).isBefore(now);
        return !key.hasRevocation() && !expired;
    }

    @SuppressWarnings("JavaUtilDate") // BouncyCastle reports creation times as Date
    private static Instant created(PGPPublicKey key) {
        return key.getCreationTime().toInstant();
    }

    private static int flags(PGPPublicKey key) {
        int flags = 0;
        for (Iterator<PGPSignature> it = key.getSignatures(); it.hasNext(); ) {
            PGPSignatureSubpacketVector hashed = it.next().getHashedSubPackets();
            if (hashed != null) {
                flags |= hashed.getKeyFlags();
            }
        }
        return flags;
    }
}

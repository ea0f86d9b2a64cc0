package dev.countersign.sops;

import dev.countersign.sops.internal.keys.PgpKeySource;
import dev.countersign.sops.spi.KeySource;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * Factories for the built-in PGP key source (type {@code pgp}). The source wraps a data key to the
 * encryption key of the certificate with the given fingerprint, as sops does: an ASCII-armored
 * OpenPGP message (PKESK v3, SEIPD v1 with MDC, AES-128, binary literal data), recorded with {@code
 * created_at} (RFC 3339 UTC seconds from the clock) and {@code fp} (uppercase hex). It unwraps with
 * the keyring's unprotected secret keys.
 */
public final class PgpKeys {
    private PgpKeys() {}

    /**
     * Returns a source over a keyring.
     *
     * @param keyring the certificates to wrap to and secret keys to unwrap with
     * @param clock the clock for {@code created_at}
     * @param random the source of session keys
     * @return the key source; immutable and thread-safe
     */
    public static KeySource source(PgpKeyring keyring, Clock clock, SecureRandom random) {
        return new PgpKeySource(keyring.material(), clock, random);
    }

    /**
     * Returns a source over a keyring with a fresh {@link SecureRandom}.
     *
     * @param keyring the certificates to wrap to and secret keys to unwrap with
     * @param clock the clock for {@code created_at}
     * @return the key source
     */
    public static KeySource source(PgpKeyring keyring, Clock clock) {
        return source(keyring, clock, new SecureRandom());
    }
}

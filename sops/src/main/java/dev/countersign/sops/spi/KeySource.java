package dev.countersign.sops.spi;

import java.util.Optional;

/**
 * A kind of master key that wraps and unwraps a file's 32-byte data key (or, with key groups, a
 * Shamir share of it). Age and PGP are built in; hosts add cloud KMS or Vault by implementing this
 * interface and registering the instance explicitly (there is no service loader).
 *
 * <p>Implementations must be thread-safe and must never put key material or plaintext into
 * exception messages, logs or {@code toString()}.
 */
public interface KeySource {
    /**
     * Returns the metadata list this source reads and writes under {@code sops:}, for example
     * {@code age} or {@code pgp}.
     *
     * @return the entry type handled by this source
     */
    String type();

    /**
     * Wraps a data key (or share) for one recipient.
     *
     * @param dataKey the plaintext key bytes; not retained
     * @param recipient the recipient in this source's notation (an age public key, a PGP fingerprint)
     * @return the metadata entry to store in the file
     * @throws dev.countersign.sops.SopsException when the recipient is malformed or unusable
     */
    KeyEntry wrap(byte[] dataKey, String recipient);

    /**
     * Tries to unwrap an entry of this source's type with the identities this source holds.
     *
     * @param entry an entry whose {@link KeyEntry#type()} equals {@link #type()}
     * @return the key bytes, or empty when this source holds no identity for the entry
     * @throws dev.countersign.sops.SopsException when an identity matches but the entry is corrupt
     */
    Optional<byte[]> unwrap(KeyEntry entry);
}

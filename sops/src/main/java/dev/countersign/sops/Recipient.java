package dev.countersign.sops;

/**
 * A master key to encrypt a file's data key for: a key type (the metadata list, {@code age},
 * {@code pgp}, or a host's own type) and the recipient in that type's notation.
 *
 * @param type the key type, handled by the {@link dev.countersign.sops.spi.KeySource} of that type
 * @param id the recipient: an age public key, a PGP fingerprint, a KMS key name
 */
public record Recipient(String type, String id) {
    /**
     * Validates the parts.
     *
     * @param type the key type
     * @param id the recipient
     * @throws IllegalArgumentException when either is blank
     */
    public Recipient {
        if (type.isBlank() || id.isBlank()) {
            throw new IllegalArgumentException(
                    "invalid recipient '" + type + ":" + id + "': type and id must not be blank");
        }
        id = id.strip();
    }

    /**
     * Creates an age recipient.
     *
     * @param publicKey the {@code age1…} public key
     * @return the recipient
     */
    public static Recipient age(String publicKey) {
        return new Recipient("age", publicKey);
    }

    /**
     * Creates a PGP recipient.
     *
     * @param fingerprint the primary key's fingerprint; spaces are removed
     * @return the recipient
     */
    public static Recipient pgp(String fingerprint) {
        return new Recipient("pgp", fingerprint.replace(" ", ""));
    }
}

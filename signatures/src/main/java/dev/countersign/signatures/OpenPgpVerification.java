package dev.countersign.signatures;

import java.util.Objects;

/**
 * The result of checking one OpenPGP signature against a set of certificates: whether a known key made it
 * and whether it matches the signed bytes.
 *
 * @param outcome what the check found
 * @param key the fingerprint of the key that made the signature, or its key id when no certificate holds it
 */
public record OpenPgpVerification(Outcome outcome, String key) {
    /** What checking a signature found. */
    public enum Outcome {
        /** A known key made the signature, and it matches the bytes. */
        VALID,
        /** None of the certificates holds the key that made the signature. */
        UNKNOWN_KEY,
        /** A known key made the signature, but it does not match the bytes: they were altered after signing. */
        MISMATCH
    }

    /**
     * Creates a result.
     *
     * @param outcome what the check found
     * @param key a fingerprint or key id, uppercase hex
     */
    public OpenPgpVerification {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(key, "key");
    }

    /**
     * Tells whether a known key made the signature and it matches the bytes.
     *
     * @return true for {@link Outcome#VALID}
     */
    public boolean valid() {
        return outcome == Outcome.VALID;
    }
}

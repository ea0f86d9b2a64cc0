package dev.countersign.signatures.approvals;

import dev.countersign.signatures.OpenPgpCertificates;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The OpenPGP certificates of each approver, by principal name ({@code kind:id}): an approval by a principal
 * counts only when signed by one of that principal's keys. Immutable and thread-safe.
 */
public final class ApproverKeyring {
    private final SortedMap<String, OpenPgpCertificates> keys;

    private ApproverKeyring(Map<String, OpenPgpCertificates> keys) {
        this.keys = new TreeMap<>(keys);
    }

    /**
     * Creates a keyring from each principal's certificates.
     *
     * @param keys principal name to that principal's certificates
     * @return the keyring
     */
    public static ApproverKeyring of(Map<String, OpenPgpCertificates> keys) {
        return new ApproverKeyring(keys);
    }

    /**
     * Returns the certificates of one principal.
     *
     * @param principal the principal's name
     * @return the certificates, or empty when the principal has none here
     */
    public Optional<OpenPgpCertificates> keysOf(String principal) {
        return Optional.ofNullable(keys.get(principal));
    }

    /**
     * Returns the principals with keys, and the primary-key fingerprints of each.
     *
     * @return principal name to fingerprints, sorted by name
     */
    public SortedMap<String, java.util.List<String>> fingerprints() {
        SortedMap<String, java.util.List<String>> fingerprints = new TreeMap<>();
        keys.forEach((principal, ring) -> fingerprints.put(principal, ring.fingerprints()));
        return fingerprints;
    }

    @Override
    public String toString() {
        return "ApproverKeyring" + fingerprints();
    }
}

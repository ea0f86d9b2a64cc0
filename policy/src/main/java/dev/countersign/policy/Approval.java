package dev.countersign.policy;

import java.util.regex.Pattern;

/**
 * An approval given by a principal for one exact content hash; it counts for nothing else.
 *
 * <p>Immutable and thread-safe.
 *
 * @param approver who approved
 * @param contentHash the content hash of the proposal as it was approved, {@code sha256:…}
 */
public record Approval(Principal approver, String contentHash) {
    static final Pattern HASH = Pattern.compile("sha256:[0-9a-f]{64}");

    /**
     * Validates the hash.
     *
     * @param approver see the record component
     * @param contentHash see the record component
     *
     * @throws InvalidRequestException if {@code contentHash} is not {@code sha256:} and 64 hex digits
     */
    public Approval {
        checkHash(contentHash);
    }

    static String checkHash(String contentHash) {
        if (!HASH.matcher(contentHash).matches()) {
            throw new InvalidRequestException(
                    "invalid content hash '" + contentHash + "': must be sha256: followed by 64 hex digits");
        }
        return contentHash;
    }
}

package dev.countersign.sops;

import java.util.List;

/**
 * The master keys of a file: one or more key groups. With one group any of its keys decrypts; with
 * several, the data key is split with Shamir's scheme and {@code threshold} groups are needed.
 *
 * @param groups the groups, each a non-empty list of recipients
 * @param threshold the number of groups needed; 0 means all groups
 */
public record KeyGroups(List<List<Recipient>> groups, int threshold) {
    /**
     * Validates and copies the groups.
     *
     * @param groups the groups
     * @param threshold the threshold
     * @throws IllegalArgumentException when a group is empty or the threshold is out of range
     */
    public KeyGroups {
        groups = groups.stream().map(List::copyOf).toList();
        if (groups.isEmpty() || groups.stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("invalid key groups: need at least one group and no empty group");
        }
        if (threshold < 0 || threshold > groups.size() || (groups.size() > 1 && threshold == 1)) {
            throw new IllegalArgumentException("invalid shamir threshold " + threshold + " for " + groups.size()
                    + " key groups: must be 0 (all) or between 2 and the number of groups");
        }
    }

    /**
     * Creates a single group.
     *
     * @param recipients the recipients, any of which can decrypt
     * @return the key groups
     */
    public static KeyGroups of(List<Recipient> recipients) {
        return new KeyGroups(List.of(recipients), 0);
    }

    /**
     * Returns the number of groups needed to decrypt.
     *
     * @return the effective threshold
     */
    public int effectiveThreshold() {
        return threshold == 0 ? groups.size() : threshold;
    }
}

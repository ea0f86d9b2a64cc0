package dev.countersign.sops.internal;

import dev.countersign.sops.EncryptionRule;
import java.util.List;

/**
 * A file's {@code sops} metadata.
 *
 * @param keyGroups the master keys, one list per key group (one group unless Shamir is used)
 * @param shamirThreshold the number of groups needed, 0 when not set
 * @param lastModified the time text as written
 * @param mac the encrypted MAC, empty when missing
 * @param rule the selection rule in force
 * @param ruleWritten whether the rule is written (the binary store writes none)
 * @param macOnlyEncrypted whether only encrypted values enter the MAC
 * @param version the writer version
 */
public record Metadata(
        List<List<MasterKey>> keyGroups,
        int shamirThreshold,
        String lastModified,
        String mac,
        EncryptionRule rule,
        boolean ruleWritten,
        boolean macOnlyEncrypted,
        String version) {
    /**
     * Copies the groups.
     *
     * @param keyGroups the key groups
     * @param shamirThreshold the threshold
     * @param lastModified the time text
     * @param mac the encrypted MAC
     * @param rule the rule
     * @param ruleWritten whether the rule is written
     * @param macOnlyEncrypted whether only encrypted values are hashed
     * @param version the version
     */
    public Metadata {
        keyGroups = keyGroups.stream().map(List::copyOf).toList();
    }

    /**
     * Returns a copy with other key groups.
     *
     * @param groups the groups
     * @param threshold the threshold
     * @return the copy
     */
    public Metadata withKeyGroups(List<List<MasterKey>> groups, int threshold) {
        return new Metadata(groups, threshold, lastModified, mac, rule, ruleWritten, macOnlyEncrypted, version);
    }

    /**
     * Returns a copy with a new time and MAC.
     *
     * @param time the {@code lastmodified} text
     * @param encryptedMac the encrypted MAC
     * @return the copy
     */
    public Metadata withMac(String time, String encryptedMac) {
        return new Metadata(
                keyGroups, shamirThreshold, time, encryptedMac, rule, ruleWritten, macOnlyEncrypted, version);
    }
}

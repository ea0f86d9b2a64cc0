package dev.countersign.sops;

/**
 * How to encrypt a new file: for whom, which values, and what the MAC covers. Immutable.
 *
 * @param keyGroups the master keys to encrypt the data key for
 * @param rule which values are encrypted (ignored by the binary format, like sops)
 * @param macOnlyEncrypted whether the MAC covers only encrypted values, so plaintext values may be
 *     edited by hand
 */
public record EncryptOptions(KeyGroups keyGroups, EncryptionRule rule, boolean macOnlyEncrypted) {
    /**
     * Creates options with the default rule ({@code unencrypted_suffix: _unencrypted}).
     *
     * @param keyGroups the master keys
     * @return the options
     */
    public static EncryptOptions of(KeyGroups keyGroups) {
        return new EncryptOptions(keyGroups, EncryptionRule.DEFAULT, false);
    }

    /**
     * Returns a copy with another rule.
     *
     * @param newRule the rule
     * @return the copy
     */
    public EncryptOptions withRule(EncryptionRule newRule) {
        return new EncryptOptions(keyGroups, newRule, macOnlyEncrypted);
    }

    /**
     * Returns a copy with {@code mac_only_encrypted} set.
     *
     * @param only whether only encrypted values enter the MAC
     * @return the copy
     */
    public EncryptOptions withMacOnlyEncrypted(boolean only) {
        return new EncryptOptions(keyGroups, rule, only);
    }
}

package dev.countersign.sops;

import dev.countersign.sops.internal.Prefix;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The rule that selects which values of a file are encrypted: exactly one of the six sops rules. Key
 * rules look at every map key on a value's path (list indices are not keys); comment rules look at the
 * comments above a value. Regexes are matched unanchored, like sops (Go RE2 syntax is mostly a subset
 * of {@link java.util.regex}). Immutable.
 *
 * @param kind which rule
 * @param argument the suffix or the regex
 */
public record EncryptionRule(Kind kind, String argument) {
    /** The default rule of sops: everything except keys ending in {@code _unencrypted}. */
    public static final EncryptionRule DEFAULT = new EncryptionRule(Kind.UNENCRYPTED_SUFFIX, "_unencrypted");

    /** The six rules, each named by its metadata key. */
    public enum Kind {
        /** Values under a key ending with the suffix stay plaintext. */
        UNENCRYPTED_SUFFIX("unencrypted_suffix"),
        /** Only values under a key ending with the suffix are encrypted. */
        ENCRYPTED_SUFFIX("encrypted_suffix"),
        /** Values under a key matching the regex stay plaintext. */
        UNENCRYPTED_REGEX("unencrypted_regex"),
        /** Only values under a key matching the regex are encrypted. */
        ENCRYPTED_REGEX("encrypted_regex"),
        /** Values below a comment matching the regex stay plaintext. */
        UNENCRYPTED_COMMENT_REGEX("unencrypted_comment_regex"),
        /** Only values below a comment matching the regex are encrypted. */
        ENCRYPTED_COMMENT_REGEX("encrypted_comment_regex");

        private final String metadataKey;

        Kind(String metadataKey) {
            this.metadataKey = metadataKey;
        }

        /**
         * Returns the key under which sops stores this rule in the metadata.
         *
         * @return the metadata key, e.g. {@code encrypted_regex}
         */
        public String metadataKey() {
            return metadataKey;
        }

        boolean isRegex() {
            return this != UNENCRYPTED_SUFFIX && this != ENCRYPTED_SUFFIX;
        }
    }

    /**
     * Validates the argument.
     *
     * @param kind which rule
     * @param argument the suffix or the regex
     * @throws IllegalArgumentException when the argument is empty or not a valid regex
     */
    public EncryptionRule {
        if (argument.isEmpty()) {
            throw new IllegalArgumentException("invalid " + kind.metadataKey() + " '': must not be empty");
        }
        if (kind.isRegex()) {
            try {
                Pattern.compile(argument);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(
                        "invalid " + kind.metadataKey() + " '" + Prefix.of(argument) + "': not a regular expression",
                        e);
            }
        }
    }

    /**
     * Creates a rule from its metadata key, as in {@code .sops.yaml} or a file's metadata.
     *
     * @param metadataKey e.g. {@code encrypted_regex}
     * @param argument the suffix or the regex
     * @return the rule
     * @throws IllegalArgumentException when the key names no rule or the argument is invalid
     */
    public static EncryptionRule of(String metadataKey, String argument) {
        for (Kind kind : Kind.values()) {
            if (kind.metadataKey().equals(metadataKey)) {
                return new EncryptionRule(kind, argument);
            }
        }
        throw new IllegalArgumentException("unknown encryption rule '" + metadataKey + "': must be one of "
                + List.of(Kind.values()).stream().map(Kind::metadataKey).toList());
    }

    /**
     * Tells whether a value or comment is encrypted under this rule.
     *
     * @param keys the map keys from the document root to the value (for a comment, to its container)
     * @param comments the comments in force above the value, outermost first
     * @param comment whether the thing judged is itself a comment with this text
     * @param text the comment's text when {@code comment} is true, otherwise ignored
     * @return true when the value is encrypted
     */
    public boolean encrypts(List<String> keys, List<String> comments, boolean comment, String text) {
        return switch (kind) {
            case UNENCRYPTED_SUFFIX -> keys.stream().noneMatch(k -> k.endsWith(argument));
            case ENCRYPTED_SUFFIX -> keys.stream().anyMatch(k -> k.endsWith(argument));
            case UNENCRYPTED_REGEX -> keys.stream().noneMatch(this::found);
            case ENCRYPTED_REGEX -> keys.stream().anyMatch(this::found);
            case UNENCRYPTED_COMMENT_REGEX -> comments.stream().noneMatch(this::found) && !(comment && found(text));
            case ENCRYPTED_COMMENT_REGEX -> comments.stream().anyMatch(this::found) && !(comment && found(text));
        };
    }

    private boolean found(String text) {
        return Pattern.compile(argument).matcher(text).find();
    }
}

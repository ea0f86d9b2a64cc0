package dev.countersign.stack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The SHA-256 of a document's canonical JSON (sorted keys, normalised numbers, no whitespace),
 * written {@code sha256:<64 hex>}.
 *
 * <p>Equal for the YAML and JSON spellings of a document and for any key order; different when any
 * value changes. Immutable.
 *
 * @param value the hash as {@code sha256:<64 lower-case hex digits>}
 */
public record ContentHash(String value) {
    private static final Pattern FORMAT = Pattern.compile("sha256:[0-9a-f]{64}");

    /**
     * Validates the spelling.
     *
     * @param value the hash as {@code sha256:<64 lower-case hex digits>}
     * @throws IllegalArgumentException if the value is not {@code sha256:} and 64 hex digits
     */
    public ContentHash {
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid content hash '" + value + "': must be sha256:<64 hex>");
        }
    }

    /**
     * Hashes a plain value tree.
     *
     * @param tree maps, lists, strings, numbers and booleans
     * @return its content hash
     */
    public static ContentHash of(Object tree) {
        byte[] canonical =
                TreeWriter.canonicalJson(Values.freezeWithNulls(tree, "")).getBytes(StandardCharsets.UTF_8);
        return new ContentHash("sha256:" + HexFormat.of().formatHex(sha256().digest(canonical)));
    }

    /**
     * Returns the canonical JSON a hash is computed over.
     *
     * @param tree maps, lists, strings, numbers and booleans
     * @return the canonical JSON text
     */
    public static String canonicalJson(Object tree) {
        return TreeWriter.canonicalJson(Values.freezeWithNulls(tree, ""));
    }

    @Override
    public String toString() {
        return value;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}

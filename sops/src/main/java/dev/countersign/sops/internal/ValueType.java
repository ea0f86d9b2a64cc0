package dev.countersign.sops.internal;

import dev.countersign.sops.MalformedValueException;

/** The {@code type:} of a SOPS value, naming how its plaintext bytes map back to a typed scalar. */
public enum ValueType {
    /** A string; for the binary store, raw bytes. */
    STR("str"),
    /** A 64-bit integer in decimal. */
    INT("int"),
    /** A float64 in Go's {@code 'f', -1} format. */
    FLOAT("float"),
    /** A boolean written {@code True} or {@code False}. */
    BOOL("bool"),
    /** A timestamp in RFC 3339 with nanoseconds. */
    TIME("time"),
    /** A comment line's text. */
    COMMENT("comment"),
    /** Raw bytes (read only; sops never writes it). */
    BYTES("bytes");

    private final String wireName;

    ValueType(String wireName) {
        this.wireName = wireName;
    }

    /**
     * Returns the name used in the {@code type:} field.
     *
     * @return the wire name, e.g. {@code str}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * Looks up a type by its wire name.
     *
     * @param name the {@code type:} field's value
     * @param path the value's key path, for the message
     * @return the type
     * @throws MalformedValueException when the name is unknown
     */
    public static ValueType fromWireName(String name, String path) {
        for (ValueType type : values()) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        throw new MalformedValueException("unknown value type of " + name.length() + " characters at "
                + Redacted.path(path) + ": must be one of str, int, float, bool, time," + " comment, bytes");
    }
}

package dev.countersign.sops.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One master-key entry of a file's {@code sops} metadata: the wrapped data key for one recipient, as
 * the fields sops writes for it, in file order ({@code recipient}, {@code enc} for age; {@code
 * created_at}, {@code enc}, {@code fp} for PGP; whatever a host's key type writes). Entries whose type
 * no registered {@link KeySource} handles are kept untouched when a file is rewritten.
 *
 * @param type the metadata list the entry belongs to, e.g. {@code age}, {@code pgp}, {@code kms}
 * @param fields the entry's fields in file order; values are strings as they appear in the file
 */
public record KeyEntry(String type, Map<String, String> fields) {
    /**
     * Validates and copies the fields, keeping their order.
     *
     * @param type the metadata list the entry belongs to
     * @param fields the entry's fields in file order
     */
    public KeyEntry {
        if (type.isBlank()) {
            throw new IllegalArgumentException("key entry type must not be blank");
        }
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /**
     * Returns one field's value.
     *
     * @param name the field name, e.g. {@code enc}
     * @return the value, or empty when the entry has no such field
     */
    public Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }
}

package dev.countersign.stack;

/**
 * The explicit {@code null} of a Helm values tree: {@code key: null} deletes a chart's default for that key (Helm's
 * "Deleting a default key"). It is the only null a value tree may hold, and only under a Helm component's
 * {@code values}; manifests, variables and every other field reject it. It is written back as {@code null} in YAML,
 * JSON and the canonical JSON that is hashed, so Flux's {@code values} and Argo CD's {@code valuesObject} carry it.
 * Immutable.
 */
public enum NullValue {
    /** The one null. */
    NULL;

    /** Returns {@code null}, as YAML and JSON spell it. */
    @Override
    public String toString() {
        return "null";
    }
}

package dev.countersign.policy;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** One changed leaf of a component: its pointer and old and new value ({@code null} when absent). */
record Edit(
        String component,
        String pointer,
        @Nullable JsonNode before,
        @Nullable JsonNode after) {
    /** The last segment of the pointer, the key a value was written under. */
    String key() {
        return pointer.substring(pointer.lastIndexOf('/') + 1);
    }
}

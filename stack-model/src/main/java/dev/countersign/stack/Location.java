package dev.countersign.stack;

/**
 * A place inside a stack: a component and a JSON pointer relative to that component's document.
 *
 * <p>For example {@code grafana:/helm/values/replicas}. Immutable.
 *
 * @param component the component name
 * @param pointer the JSON pointer within the component (e.g. {@code /helm/values/replicas})
 */
public record Location(String component, String pointer) {
    /** Validates the parts.
     *
     * @param component the component name
     * @param pointer the JSON pointer within the component (e.g. {@code /helm/values/replicas})
     */
    public Location {
        if (!pointer.isEmpty() && !pointer.startsWith("/")) {
            throw new IllegalArgumentException(
                    "invalid JSON pointer '" + Excerpt.of(pointer) + "': must start with '/'");
        }
    }

    @Override
    public String toString() {
        return component + ":" + pointer;
    }
}

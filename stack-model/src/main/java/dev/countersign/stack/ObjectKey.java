package dev.countersign.stack;

/**
 * The identity of a Kubernetes object in a stack: API group, kind, namespace and name, kept apart
 * rather than joined into one string (so no part can take the place of another). The version is not
 * part of it: {@code apps/v1} and {@code apps/v1beta2} name one object. Immutable.
 *
 * @param group the API group, empty for the core group ({@code v1})
 * @param kind the kind, such as {@code PersistentVolumeClaim}
 * @param namespace the namespace, empty when the object has none
 * @param name the object name
 */
public record ObjectKey(String group, String kind, String namespace, String name) {
    /**
     * The key as people read it: {@code PersistentVolumeClaim db/pgdata}, with the group when there is
     * one ({@code Deployment.apps shop/api}).
     *
     * @return a readable spelling; not a parseable one
     */
    @Override
    public String toString() {
        return kind + (group.isEmpty() ? "" : "." + group) + " " + (namespace.isEmpty() ? "" : namespace + "/") + name;
    }
}

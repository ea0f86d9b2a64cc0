package dev.countersign.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One raw Kubernetes object, with {@code apiVersion}, {@code kind} and {@code metadata.name}. Immutable.
 *
 * @param body the whole object as a plain value tree
 */
public record Manifest(Map<String, Object> body) {
    /**
     * Validates and copies the object.
     *
     * @param body the whole object as a plain value tree
     * @throws InvalidStackException if {@code apiVersion}, {@code kind} or {@code metadata.name} is missing
     * @throws InvalidNameException if the kind, apiVersion, object name or namespace is not valid (kind and
     *     apiVersion never hold a variable)
     */
    public Manifest {
        body = Values.freezeMap(body, "");
        var fields = new Fields(body, "");
        Names.apiVersion(fields.string("apiVersion"));
        Names.kind(fields.string("kind"));
        var metadata = fields.fields("metadata");
        Names.objectName(metadata.string("name"));
        if (metadata.has("namespace")) {
            Names.namespace(metadata.string("namespace"));
        }
    }

    /**
     * Returns the object's API version.
     *
     * @return e.g. {@code v1}
     */
    public String apiVersion() {
        return (String) java.util.Objects.requireNonNull(body.get("apiVersion"));
    }

    /**
     * Returns the object's kind.
     *
     * @return e.g. {@code ClusterIssuer}
     */
    public String kind() {
        return (String) java.util.Objects.requireNonNull(body.get("kind"));
    }

    /**
     * Returns the object's {@code metadata.name}.
     *
     * @return the name
     */
    public String name() {
        return (String) java.util.Objects.requireNonNull(metadata().get("name"));
    }

    /**
     * Returns the object's {@code metadata.namespace}, if it has one.
     *
     * @return the namespace, or empty for cluster-scoped or defaulted objects
     */
    public Optional<String> namespace() {
        return Optional.ofNullable((String) metadata().get("namespace"));
    }

    /**
     * Returns the object's identity in a stack: API group, kind, namespace and name.
     *
     * @return the structured key; the name and namespace may still hold variables before rendering
     */
    public ObjectKey key() {
        String version = apiVersion();
        int slash = version.indexOf('/');
        return new ObjectKey(
                slash < 0 ? "" : version.substring(0, slash),
                kind(),
                namespace().orElse(""),
                name());
    }

    /**
     * Returns whether this object is a core Kubernetes {@code Secret}, whose data is secret.
     *
     * @return true for {@code apiVersion: v1, kind: Secret}
     */
    public boolean isSecret() {
        return "v1".equals(apiVersion()) && "Secret".equals(kind());
    }

    /**
     * Returns pointers, relative to {@link #body()}, of the values that are secret by kind.
     *
     * @return the {@code /data/*} and {@code /stringData/*} pointers of a Secret, else empty
     */
    public List<String> secretPointers() {
        var pointers = new ArrayList<String>();
        if (isSecret()) {
            for (String section : List.of("data", "stringData")) {
                if (body.get(section) instanceof Map<?, ?> entries) {
                    entries.keySet().forEach(key -> pointers.add("/" + section + "/" + Pointers.escape((String) key)));
                }
            }
        }
        return pointers;
    }

    @Override
    public String toString() {
        return "Manifest[" + apiVersion() + " " + kind() + " "
                + namespace().map(n -> n + "/").orElse("") + name() + "]";
    }

    private Map<?, ?> metadata() {
        return (Map<?, ?>) java.util.Objects.requireNonNull(body.get("metadata"));
    }
}

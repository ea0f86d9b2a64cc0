package dev.countersign.policy;

import java.util.Set;

/** Kinds and named components protected against removal; the default kinds are always included. */
record Protections(Set<String> kinds, Set<String> components) {
    static final Set<String> DEFAULT_KINDS =
            Set.of("PersistentVolumeClaim", "StatefulSet", "Namespace", "CustomResourceDefinition");
    static final String LABEL = "countersign.dev/protected";

    Protections {
        kinds = Set.copyOf(kinds);
        components = Set.copyOf(components);
    }
}

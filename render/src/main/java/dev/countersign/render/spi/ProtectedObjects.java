package dev.countersign.render.spi;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the policy protects against deletion, as a renderer needs it to write the reconciler's opt-out of
 * deletion on every protected object: objects labelled {@code countersign.dev/protected: "true"}, every object
 * of a protected component, and objects of a protected kind not labelled {@code "false"} (the policy's
 * {@code spec.protect}). Immutable.
 *
 * @param kinds the protected kinds; the {@link #DEFAULT_KINDS} are always added
 * @param components the protected component names
 */
public record ProtectedObjects(SortedSet<String> kinds, SortedSet<String> components) {
    /** The label that protects ({@code "true"}) or unprotects ({@code "false"}) one object. */
    public static final String LABEL = "countersign.dev/protected";

    /** The kinds every policy protects. */
    public static final Set<String> DEFAULT_KINDS =
            Set.of("PersistentVolumeClaim", "StatefulSet", "Namespace", "CustomResourceDefinition");

    /**
     * Copies the sets, adding the default kinds.
     *
     * @param kinds the protected kinds
     * @param components the protected component names
     */
    public ProtectedObjects {
        var allKinds = new TreeSet<>(kinds);
        allKinds.addAll(DEFAULT_KINDS);
        kinds = java.util.Collections.unmodifiableSortedSet(allKinds);
        components = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(components));
    }

    /**
     * Returns the protection of a policy that names nothing beyond the default kinds.
     *
     * @return the default kinds, no component
     */
    public static ProtectedObjects defaults() {
        return of(Set.of(), Set.of());
    }

    /**
     * Returns the protection a policy declares.
     *
     * @param kinds the policy's protected kinds
     * @param components the policy's protected components
     * @return the protection, the default kinds added
     */
    public static ProtectedObjects of(Set<String> kinds, Set<String> components) {
        return new ProtectedObjects(new TreeSet<>(kinds), new TreeSet<>(components));
    }

    /**
     * Tells whether a component is protected with all its objects.
     *
     * @param component the component's name
     * @return true if the policy names it
     */
    public boolean coversComponent(String component) {
        return components.contains(component);
    }

    /**
     * Tells whether one object of a component is protected.
     *
     * @param component the component's name
     * @param kind the object's kind
     * @param label the value of its {@link #LABEL}, empty when absent
     * @return true if protected by its label, its component or its kind
     */
    public boolean covers(String component, String kind, String label) {
        return label.equals("true") || coversComponent(component) || (!label.equals("false") && kinds.contains(kind));
    }
}

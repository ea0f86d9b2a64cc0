package dev.countersign.stack;

import java.util.List;

/**
 * Where a component's Kubernetes objects come from: a Helm chart or raw manifests, never both.
 *
 * <p>Implementations are immutable.
 */
public sealed interface ComponentSource permits HelmSource, Manifests {
    /**
     * Returns the key this source is written under in a component ({@code helm} or {@code manifests}).
     *
     * @return the key
     */
    String key();

    /**
     * Returns this source as a plain value tree, as written under {@link #key()} in a stack file.
     *
     * @return an unmodifiable tree of maps, lists and scalars
     */
    Object toTree();

    /**
     * Returns the JSON pointer, relative to {@link #toTree()}, that a component's declared
     * {@link Component#secrets()} are relative to: {@code /values} for Helm, the root for manifests.
     *
     * @return the pointer prefix
     */
    String secretsBase();

    /**
     * Returns the JSON pointers, relative to {@link #toTree()}, of values that are secret by their
     * kind (the {@code data} and {@code stringData} entries of a Kubernetes {@code Secret}).
     *
     * @return the pointers, possibly empty
     */
    List<String> inherentSecrets();

    /**
     * Reads a source from its key and tree.
     *
     * @param key {@code helm} or {@code manifests}
     * @param tree the value under that key
     * @param pointer where the tree sits in its document, for error messages
     * @return the source
     * @throws InvalidStackException if the tree breaks a rule of the format
     */
    static ComponentSource fromTree(String key, Object tree, String pointer) {
        return switch (key) {
            case HelmSource.KEY -> HelmSource.fromTree(Fields.of(tree, pointer));
            case Manifests.KEY -> Manifests.fromTree(tree, pointer);
            default -> throw new InvalidStackException(pointer, "unknown source '" + Excerpt.of(key) + "'");
        };
    }
}

package dev.countersign.stack;

/**
 * Two manifests of one stack declare the same object ({@link ObjectKey}): one would silently replace
 * the other when applied, and a guard keyed by the object could watch the wrong one.
 */
public final class DuplicateObjectException extends InvalidStackException {
    private static final long serialVersionUID = 1L;

    /** The key both manifests declare. */
    private final ObjectKey key;

    /** The component of the first declaration. */
    private final String first;

    /** The component of the second declaration. */
    private final String second;

    /**
     * Creates the exception.
     *
     * @param pointer the pointer of the second declaration within the stack document
     * @param key the key both declare
     * @param first the component of the first declaration
     * @param second the component of the second declaration (may equal {@code first})
     */
    public DuplicateObjectException(String pointer, ObjectKey key, String first, String second) {
        super(
                pointer,
                "object " + key + " is declared twice, in component '" + first + "' and in component '" + second
                        + "': an object has one declaration per stack");
        this.key = key;
        this.first = first;
        this.second = second;
    }

    /**
     * Returns the key both manifests declare.
     *
     * @return the object key
     */
    public ObjectKey key() {
        return key;
    }

    /**
     * Returns the component of the first declaration.
     *
     * @return the component name
     */
    public String first() {
        return first;
    }

    /**
     * Returns the component of the second declaration.
     *
     * @return the component name
     */
    public String second() {
        return second;
    }
}

package dev.countersign.dag;

/**
 * Thrown when the builder's comparator finds two distinct nodes equal, so it cannot break the tie
 * between them and the order would depend on the order they were added.
 */
public final class TieBreakException extends DagException {
    private static final long serialVersionUID = 1L;

    /** One of the two tied nodes. */
    @SuppressWarnings("serial") // nodes are the caller's type
    private final Object first;

    /** The other tied node. */
    @SuppressWarnings("serial") // nodes are the caller's type
    private final Object second;

    TieBreakException(Object first, Object second) {
        super("comparator ties nodes '" + first + "' and '" + second
                + "': the tie-break must order every two distinct nodes");
        this.first = first;
        this.second = second;
    }

    /**
     * Returns one of the two tied nodes.
     *
     * @return the first tied node
     */
    public Object first() {
        return first;
    }

    /**
     * Returns the other tied node.
     *
     * @return the second tied node
     */
    public Object second() {
        return second;
    }
}

package dev.countersign.dag;

/** Thrown when a builder is given the same node twice. */
public final class DuplicateNodeException extends DagException {
    private static final long serialVersionUID = 1L;

    /** The node that was added twice. */
    @SuppressWarnings("serial") // nodes are the caller's type
    private final Object node;

    DuplicateNodeException(Object node) {
        super("duplicate node '" + node + "': each node is added once");
        this.node = node;
    }

    /**
     * Returns the node that was added twice.
     *
     * @return the duplicate node
     */
    public Object node() {
        return node;
    }
}

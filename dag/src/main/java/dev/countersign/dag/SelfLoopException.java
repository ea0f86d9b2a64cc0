package dev.countersign.dag;

/** Thrown when a node is said to depend on itself. */
public final class SelfLoopException extends DagException {
    private static final long serialVersionUID = 1L;

    /** The node that depends on itself. */
    @SuppressWarnings("serial") // nodes are the caller's type
    private final Object node;

    SelfLoopException(Object node) {
        super("self-loop on node '" + node + "': a node cannot depend on itself");
        this.node = node;
    }

    /**
     * Returns the node that depends on itself.
     *
     * @return the node
     */
    public Object node() {
        return node;
    }
}

package dev.countersign.dag;

/** Thrown when an edge or a query names a node that is not in the graph. */
public final class UnknownNodeException extends DagException {
    private static final long serialVersionUID = 1L;

    /** The node that is not in the graph. */
    @SuppressWarnings("serial") // nodes are the caller's type; serializing this exception keeps them only if they are
    private final Object node;

    UnknownNodeException(Object node, String rule) {
        super("unknown node '" + node + "': " + rule);
        this.node = node;
    }

    /**
     * Returns the node that is not in the graph.
     *
     * @return the unknown node
     */
    public Object node() {
        return node;
    }
}

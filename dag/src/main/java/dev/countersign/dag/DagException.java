package dev.countersign.dag;

/**
 * The root of every exception this module throws: a graph that cannot be built or a query about a
 * node the graph does not have.
 *
 * <p>Each subclass carries the offending nodes as data, and its message names them by their {@code
 * toString()}.
 */
public abstract sealed class DagException extends RuntimeException
        permits CycleException, DuplicateNodeException, SelfLoopException, TieBreakException, UnknownNodeException {
    private static final long serialVersionUID = 1L;

    DagException(String message) {
        super(message);
    }
}

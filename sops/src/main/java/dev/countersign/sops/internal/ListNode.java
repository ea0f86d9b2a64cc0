package dev.countersign.sops.internal;

import java.util.List;

/**
 * A sequence; comment elements are {@link Comment} nodes.
 *
 * @param elements the elements in order
 */
public record ListNode(List<Node> elements) implements Node {
    /**
     * Copies the elements.
     *
     * @param elements the elements in order
     */
    public ListNode {
        elements = List.copyOf(elements);
    }
}

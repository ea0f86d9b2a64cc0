package dev.countersign.sops.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.comments.CommentLine;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Moves comments to where yaml.v3 (and so sops) puts them. snakeyaml-engine attaches a comment that
 * ends a nested block to the next, shallower key; yaml.v3 keeps it as a foot comment of the deepest
 * block whose indentation it matches, which decides its AAD.
 */
final class YamlComments {
    private YamlComments() {}

    static void relocate(Node root) {
        if (root instanceof MappingNode mapping) {
            List<NodeTuple> tuples = mapping.getValue();
            for (int i = 0; i < tuples.size(); i++) {
                relocate(tuples.get(i).getValueNode());
                Node key = tuples.get(i).getKeyNode();
                if (i > 0 && hasAny(key.getBlockComments())) {
                    key.setBlockComments(moveDeeper(
                            key.getBlockComments(),
                            column(key),
                            tuples.get(i - 1).getValueNode()));
                }
            }
            if (!tuples.isEmpty() && hasAny(mapping.getEndComments())) {
                mapping.setEndComments(moveDeeper(
                        mapping.getEndComments(),
                        column(mapping),
                        tuples.get(tuples.size() - 1).getValueNode()));
            }
        } else if (root instanceof SequenceNode sequence) {
            List<Node> elements = sequence.getValue();
            for (int i = 0; i < elements.size(); i++) {
                relocate(elements.get(i));
                Node element = elements.get(i);
                if (i > 0 && hasAny(element.getBlockComments())) {
                    element.setBlockComments(
                            moveDeeper(element.getBlockComments(), column(sequence), elements.get(i - 1)));
                }
            }
        }
    }

    private static boolean hasAny(@Nullable List<CommentLine> comments) {
        return comments != null && !comments.isEmpty();
    }

    private static @Nullable List<CommentLine> moveDeeper(
            @Nullable List<CommentLine> comments, int column, Node previous) {
        if (comments == null || comments.isEmpty()) {
            return comments;
        }
        List<CommentLine> stay = new ArrayList<>();
        for (CommentLine comment : comments) {
            int at = comment.getStartMark().map(m -> m.getColumn()).orElse(column);
            Node target = at > column ? deepest(previous, at) : null;
            if (target == null) {
                stay.add(comment);
            } else {
                List<CommentLine> end =
                        target.getEndComments() == null ? new ArrayList<>() : new ArrayList<>(target.getEndComments());
                end.add(comment);
                target.setEndComments(end);
            }
        }
        return stay;
    }

    private static @Nullable Node deepest(Node node, int at) {
        Node found = null;
        @Nullable Node current = node;
        while ((current instanceof MappingNode || current instanceof SequenceNode) && column(current) <= at) {
            found = current;
            current = last(current);
        }
        return found;
    }

    private static @Nullable Node last(Node container) {
        if (container instanceof MappingNode mapping && !mapping.getValue().isEmpty()) {
            return mapping.getValue().get(mapping.getValue().size() - 1).getValueNode();
        }
        if (container instanceof SequenceNode sequence && !sequence.getValue().isEmpty()) {
            return sequence.getValue().get(sequence.getValue().size() - 1);
        }
        return null;
    }

    private static int column(Node node) {
        return node.getStartMark().map(m -> m.getColumn()).orElse(0);
    }
}

package dev.countersign.dag;

import dev.countersign.dag.internal.Adjacency;
import dev.countersign.dag.internal.Layering;
import java.util.Locale;

/**
 * Draws a graph in DOT and Mermaid: waves as ranks from left to right, an arrow from each dependent to
 * its dependency, node ids {@code n<index>} in tie-break order, escaped labels.
 */
final class Pictures {
    private Pictures() {}

    static String dot(String[] labels, Adjacency graph, Layering layering) {
        StringBuilder out = new StringBuilder("digraph dag {\n")
                .append("  // waves from left to right; an arrow points from a dependent to its dependency\n")
                .append("  rankdir=RL;\n")
                .append("  node [shape=box];\n");
        for (int w = 0; w < layering.waveCount(); w++) {
            out.append("  { rank=same;");
            for (int p = layering.waveStart(w); p < layering.waveStart(w + 1); p++) {
                int u = layering.nodeAt(p);
                out.append(" n")
                        .append(u)
                        .append(" [label=\"")
                        .append(escapeDot(labels[u]))
                        .append("\"];");
            }
            out.append(" }\n");
        }
        edges(out, graph, "  n%d -> n%d;\n");
        return out.append("}\n").toString();
    }

    static String mermaid(String[] labels, Adjacency graph, Layering layering) {
        StringBuilder out = new StringBuilder("flowchart RL\n")
                .append("  %% waves from left to right; an arrow points from a dependent to its dependency\n");
        for (int w = 0; w < layering.waveCount(); w++) {
            out.append("  subgraph wave").append(w).append("[\"wave ").append(w).append("\"]\n");
            for (int p = layering.waveStart(w); p < layering.waveStart(w + 1); p++) {
                int u = layering.nodeAt(p);
                out.append("    n")
                        .append(u)
                        .append("[\"")
                        .append(escapeMermaid(labels[u]))
                        .append("\"]\n");
            }
            out.append("  end\n");
        }
        edges(out, graph, "  n%d --> n%d\n");
        return out.toString();
    }

    private static void edges(StringBuilder out, Adjacency graph, String format) {
        for (int u = 0; u < graph.nodeCount(); u++) {
            for (int i = 0, count = graph.dependencyCount(u); i < count; i++) {
                out.append(String.format(Locale.ROOT, format, u, graph.dependency(u, i)));
            }
        }
    }

    /** Escapes a label for a DOT double-quoted string; line breaks become DOT's {@code \n}. */
    static String escapeDot(String label) {
        StringBuilder out = new StringBuilder(label.length());
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                default -> out.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return out.toString();
    }

    /** Escapes a label for a Mermaid quoted label with Mermaid's {@code #name;} entity codes. */
    static String escapeMermaid(String label) {
        StringBuilder out = new StringBuilder(label.length());
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            switch (c) {
                case '"' -> out.append("#quot;");
                case '#' -> out.append("#35;");
                case '&' -> out.append("#amp;");
                case '<' -> out.append("#lt;");
                case '>' -> out.append("#gt;");
                case '`' -> out.append("#96;");
                default -> out.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return out.toString();
    }
}

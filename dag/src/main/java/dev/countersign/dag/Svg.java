package dev.countersign.dag;

import dev.countersign.dag.internal.Adjacency;
import dev.countersign.dag.internal.Layering;

/**
 * Draws a graph as a standalone SVG picture: one column per wave, wave 0 on the left, each node a box in
 * tie-break order, and a curved arrow from each dependent to its dependency; an arrow that skips waves
 * runs on its own lane under the boxes, so it never crosses one. Coordinates are integers
 * computed from the label lengths alone, so the text depends only on the graph, the tie-break and the
 * labels.
 */
final class Svg {
    static final int FONT_SIZE = 14;
    static final int CHAR_WIDTH = 9;
    static final int BOX_HEIGHT = 32;
    static final int PADDING = 12;
    static final int MIN_BOX_WIDTH = 80;
    static final int COLUMN_GAP = 64;
    static final int ROW_GAP = 16;
    static final int MARGIN = 16;
    static final int HEADER = 28;
    static final int LANE_GAP = 12;

    private final String[] labels;
    private final Adjacency graph;
    private final Layering layering;
    private final int[] columnX;
    private final int[] columnWidth;
    private final int[] row;

    private Svg(String[] labels, Adjacency graph, Layering layering) {
        this.labels = labels;
        this.graph = graph;
        this.layering = layering;
        int waves = layering.waveCount();
        this.columnX = new int[waves];
        this.columnWidth = new int[waves];
        this.row = new int[labels.length];
        layOut();
    }

    static String draw(String[] labels, Adjacency graph, Layering layering) {
        return new Svg(labels, graph, layering).text();
    }

    private void layOut() {
        int x = MARGIN;
        for (int w = 0; w < layering.waveCount(); w++) {
            int widest = Math.max(MIN_BOX_WIDTH, waveTitle(w).length() * CHAR_WIDTH);
            for (int p = layering.waveStart(w); p < layering.waveStart(w + 1); p++) {
                int u = layering.nodeAt(p);
                row[u] = p - layering.waveStart(w);
                widest = Math.max(widest, width(labels[u]));
            }
            columnX[w] = x;
            columnWidth[w] = widest;
            x += widest + COLUMN_GAP;
        }
    }

    private String text() {
        int width = columnX.length == 0
                ? 2 * MARGIN
                : columnX[columnX.length - 1] + columnWidth[columnWidth.length - 1] + MARGIN;
        int height = laneY(lanes() - 1) + MARGIN;
        StringBuilder out = new StringBuilder()
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" font-family=\"monospace\" font-size=\"")
                .append(FONT_SIZE)
                .append("\">\n")
                .append("  <!-- waves from left to right; an arrow points from a dependent to its dependency -->\n")
                .append("  <defs><marker id=\"dag-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\"")
                .append(" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto\">")
                .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#4a5568\"/></marker></defs>\n");
        edges(out);
        for (int w = 0; w < layering.waveCount(); w++) {
            wave(out, w);
        }
        return out.append("</svg>\n").toString();
    }

    private void edges(StringBuilder out) {
        out.append("  <g class=\"edges\" fill=\"none\" stroke=\"#4a5568\" stroke-width=\"1.5\">\n");
        int lane = 0;
        for (int u = 0; u < graph.nodeCount(); u++) {
            for (int i = 0, count = graph.dependencyCount(u); i < count; i++) {
                int v = graph.dependency(u, i);
                out.append("    <path class=\"edge\" data-from=\"n")
                        .append(u)
                        .append("\" data-to=\"n")
                        .append(v)
                        .append("\" d=\"")
                        .append(skips(u, v) ? detour(u, v, lane++) : curve(u, v))
                        .append("\" marker-end=\"url(#dag-arrow)\"/>\n");
            }
        }
        out.append("  </g>\n");
    }

    /** An edge between neighbouring waves: one curve through the gap between their columns. */
    private String curve(int u, int v) {
        int x1 = columnX[layering.waveOf(u)];
        int x2 = right(v);
        int bend = (x1 + x2) / 2;
        return "M" + x1 + "," + middle(u) + " C" + bend + "," + middle(u) + " " + bend + "," + middle(v) + " " + x2
                + "," + middle(v);
    }

    /** An edge that skips waves: down through the gap, along its own lane under the boxes, and back up. */
    private String detour(int u, int v, int lane) {
        int x1 = columnX[layering.waveOf(u)];
        int x2 = right(v);
        int y = laneY(lane);
        int q = COLUMN_GAP / 4;
        return "M" + x1 + "," + middle(u) + " C" + (x1 - q) + "," + middle(u) + " " + (x1 - q) + "," + y + " "
                + (x1 - 2 * q) + "," + y + " L" + (x2 + 2 * q) + "," + y + " C" + (x2 + q) + "," + y + " " + (x2 + q)
                + "," + middle(v) + " " + x2 + "," + middle(v);
    }

    private boolean skips(int u, int v) {
        return layering.waveOf(u) - layering.waveOf(v) > 1;
    }

    private int lanes() {
        int lanes = 0;
        for (int u = 0; u < graph.nodeCount(); u++) {
            for (int i = 0, count = graph.dependencyCount(u); i < count; i++) {
                lanes += skips(u, graph.dependency(u, i)) ? 1 : 0;
            }
        }
        return lanes;
    }

    private int laneY(int lane) {
        return top(tallestWave()) - ROW_GAP + LANE_GAP * (lane + 1);
    }

    private int right(int node) {
        int w = layering.waveOf(node);
        return columnX[w] + columnWidth[w];
    }

    private void wave(StringBuilder out, int w) {
        int x = columnX[w];
        out.append("  <g class=\"wave\" id=\"wave")
                .append(w)
                .append("\">\n")
                .append("    <text x=\"")
                .append(x)
                .append("\" y=\"")
                .append(MARGIN + FONT_SIZE)
                .append("\" fill=\"#4a5568\">")
                .append(waveTitle(w))
                .append("</text>\n");
        for (int p = layering.waveStart(w); p < layering.waveStart(w + 1); p++) {
            int u = layering.nodeAt(p);
            int y = top(row[u]);
            out.append("    <g class=\"node\" id=\"n")
                    .append(u)
                    .append("\">")
                    .append("<rect x=\"")
                    .append(x)
                    .append("\" y=\"")
                    .append(y)
                    .append("\" width=\"")
                    .append(columnWidth[w])
                    .append("\" height=\"")
                    .append(BOX_HEIGHT)
                    .append("\" rx=\"4\" fill=\"#edf2f7\" stroke=\"#2d3748\"/>")
                    .append("<text x=\"")
                    .append(x + columnWidth[w] / 2)
                    .append("\" y=\"")
                    .append(y + BOX_HEIGHT / 2)
                    .append("\" text-anchor=\"middle\" dominant-baseline=\"central\" fill=\"#1a202c\">")
                    .append(escape(labels[u]))
                    .append("</text></g>\n");
        }
        out.append("  </g>\n");
    }

    private int tallestWave() {
        int tallest = 0;
        for (int w = 0; w < layering.waveCount(); w++) {
            tallest = Math.max(tallest, layering.waveStart(w + 1) - layering.waveStart(w));
        }
        return tallest;
    }

    private static int top(int rowIndex) {
        return MARGIN + HEADER + rowIndex * (BOX_HEIGHT + ROW_GAP);
    }

    private int middle(int node) {
        return top(row[node]) + BOX_HEIGHT / 2;
    }

    private static String waveTitle(int wave) {
        return "wave " + wave;
    }

    private static int width(String label) {
        return label.codePointCount(0, label.length()) * CHAR_WIDTH + 2 * PADDING;
    }

    /** Escapes text for XML character data and attributes; control characters, invalid in XML, become spaces. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return out.toString();
    }
}

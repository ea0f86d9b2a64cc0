package dev.countersign.sops.internal;

import java.util.Base64;
import java.util.List;

/**
 * Writes documents as yaml.v3 does in sops: indent 4, sequences indented under their key, plain
 * scalars where they read back unchanged, double quotes otherwise, literal blocks for multi-line
 * strings, comments as {@code #text} lines.
 */
final class YamlWriter {
    private static final int INDENT = 4;

    String write(List<MapNode> documents) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < documents.size(); i++) {
            if (i > 0) {
                out.append("---\n");
            }
            MapNode document = documents.get(i);
            if (document.items().isEmpty()) {
                out.append("{}\n");
            } else {
                map(document, 0, 0, false, out);
            }
        }
        return out.toString();
    }

    /** Writes a mapping whose keys sit at {@code column}; children indent from {@code logical}. */
    private void map(MapNode map, int column, int logical, boolean firstInline, StringBuilder out) {
        boolean inline = firstInline;
        for (Item item : map.items()) {
            if (!inline) {
                indent(column, out);
            }
            inline = false;
            if (item instanceof Comment comment) {
                out.append('#').append(comment.text()).append('\n');
            } else {
                Pair pair = (Pair) item;
                out.append(key(pair.key())).append(':');
                value(pair.value(), logical + INDENT, out);
            }
        }
    }

    private void value(Node value, int childIndent, StringBuilder out) {
        if (value instanceof MapNode map) {
            if (map.items().isEmpty()) {
                out.append(" {}\n");
            } else {
                out.append('\n');
                map(map, childIndent, childIndent, false, out);
            }
        } else if (value instanceof ListNode list) {
            if (list.elements().isEmpty()) {
                out.append(" []\n");
            } else {
                out.append('\n');
                list(list, childIndent, false, out);
            }
        } else if (value instanceof Scalar scalar) {
            out.append(' ');
            scalar(scalar, childIndent, out);
        } else if (value instanceof Comment comment) {
            out.append(" ").append(quoted(comment.text())).append('\n');
        } else {
            out.append(" null\n");
        }
    }

    private void list(ListNode list, int dash, boolean firstInline, StringBuilder out) {
        boolean inline = firstInline;
        for (Node element : list.elements()) {
            if (!inline) {
                indent(dash, out);
            }
            inline = false;
            element(element, dash, out);
        }
    }

    private void element(Node element, int dash, StringBuilder out) {
        if (element instanceof Comment comment) {
            out.append('#').append(comment.text()).append('\n');
        } else if (element instanceof MapNode map && !map.items().isEmpty()) {
            if (map.items().get(0) instanceof Comment) {
                out.append("-\n");
                map(map, dash + 2, dash, false, out);
            } else {
                out.append("- ");
                map(map, dash + 2, dash, true, out);
            }
        } else if (element instanceof ListNode nested && !nested.elements().isEmpty()) {
            out.append("- ");
            list(nested, dash + 2, !(nested.elements().get(0) instanceof Comment), out);
        } else {
            out.append('-');
            value(element, dash + INDENT, out);
        }
    }

    private void scalar(Scalar scalar, int blockIndent, StringBuilder out) {
        switch (scalar.type()) {
            case INT, TIME -> out.append(scalar.text()).append('\n');
            case BOOL -> out.append(Scalars.isTrue(scalar) ? "true" : "false").append('\n');
            case FLOAT -> out.append(floatText(scalar.text())).append('\n');
            default -> string(scalar, blockIndent, out);
        }
    }

    private static String floatText(String go) {
        return switch (go) {
            case "+Inf" -> ".inf";
            case "-Inf" -> "-.inf";
            case "NaN" -> ".nan";
            default -> go.contains(".") ? go : go + ".0";
        };
    }

    private void string(Scalar scalar, int blockIndent, StringBuilder out) {
        String text = scalar.utf8Text();
        if (text == null) {
            out.append("!!binary ")
                    .append(Base64.getEncoder().encodeToString(scalar.bytes()))
                    .append('\n');
            return;
        }
        if (YamlScalars.canBePlain(text)) {
            out.append(text).append('\n');
        } else if (literalAllowed(text)) {
            literal(text, blockIndent, out);
        } else {
            out.append(quoted(text)).append('\n');
        }
    }

    private static boolean literalAllowed(String text) {
        return text.contains("\n")
                && YamlScalars.printable(text, true)
                && !text.startsWith(" ")
                && !text.startsWith("\n")
                && !text.contains(" \n");
    }

    private static void literal(String text, int indent, StringBuilder out) {
        String body = text;
        String chomp;
        if (!text.endsWith("\n")) {
            chomp = "|-";
        } else if (text.endsWith("\n\n")) {
            chomp = "|+";
            body = text.substring(0, text.length() - 1);
        } else {
            chomp = "|";
            body = text.substring(0, text.length() - 1);
        }
        out.append(chomp).append('\n');
        for (String line : body.split("\n", -1)) {
            if (!line.isEmpty()) {
                indent(indent, out);
                out.append(line);
            }
            out.append('\n');
        }
    }

    private static void indent(int spaces, StringBuilder out) {
        for (int i = 0; i < spaces; i++) {
            out.append(' ');
        }
    }

    private static String key(String key) {
        return YamlScalars.canBePlain(key) ? key : quoted(key);
    }

    static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(cp -> escape(cp, out));
        return out.append('"').toString();
    }

    private static void escape(int cp, StringBuilder out) {
        switch (cp) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\n' -> out.append("\\n");
            case '\t' -> out.append("\\t");
            case '\r' -> out.append("\\r");
            case 0 -> out.append("\\0");
            default -> {
                if (cp < 0x20
                        || cp == 0x7F
                        || (cp >= 0x80 && cp <= 0x9F)
                        || cp == 0xFEFF
                        || cp == 0x2028
                        || cp == 0x2029) {
                    out.append(String.format("\\u%04X", cp));
                } else {
                    out.appendCodePoint(cp);
                }
            }
        }
    }
}

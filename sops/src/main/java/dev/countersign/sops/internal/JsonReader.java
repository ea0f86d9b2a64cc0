package dev.countersign.sops.internal;

import dev.countersign.sops.MalformedFileException;
import java.util.ArrayList;
import java.util.List;

/** A small ordered JSON parser: objects keep key order, integers that fit int64 stay {@code int}. */
final class JsonReader {
    private final String text;
    private final ItemBudget budget = ItemBudget.of("JSON");
    private int pos;

    private JsonReader(String text) {
        this.text = text;
    }

    static MapNode parseObject(String text) {
        JsonReader reader = new JsonReader(text);
        reader.skipSpace();
        if (reader.peek() != '{') {
            throw reader.error("the top level must be an object");
        }
        Node value = reader.value("");
        reader.skipSpace();
        if (reader.pos != text.length()) {
            throw reader.error("unexpected content after the top-level object");
        }
        return (MapNode) value;
    }

    private Node value(String where) {
        budget.spend();
        skipSpace();
        char c = peek();
        return switch (c) {
            case '{' -> object(where);
            case '[' -> array(where);
            case '"' -> Scalar.str(string());
            case 't' -> literal("true", Scalars.bool(true));
            case 'f' -> literal("false", Scalars.bool(false));
            case 'n' -> literal("null", NullNode.INSTANCE);
            default -> number();
        };
    }

    private MapNode object(String where) {
        pos++;
        List<Item> items = new ArrayList<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            return new MapNode(items);
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("expected a string key");
            }
            String key = string();
            expect(':');
            items.add(new Pair(key, value(where.isEmpty() ? key : where + "." + key)));
            if (separator('}')) {
                return new MapNode(items);
            }
        }
    }

    private ListNode array(String where) {
        pos++;
        List<Node> elements = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            pos++;
            return new ListNode(elements);
        }
        while (true) {
            elements.add(value(where));
            if (separator(']')) {
                return new ListNode(elements);
            }
        }
    }

    private boolean separator(char close) {
        skipSpace();
        char c = peek();
        pos++;
        if (c == close) {
            return true;
        }
        if (c != ',') {
            throw error("expected ',' or '" + close + "'");
        }
        return false;
    }

    private Node literal(String word, Node value) {
        if (!text.startsWith(word, pos)) {
            throw error("invalid literal");
        }
        pos += word.length();
        return value;
    }

    private Node number() {
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        String number = text.substring(start, pos);
        if (!number.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
            pos = start;
            throw error("invalid value");
        }
        if (number.matches("-?(0|[1-9][0-9]*)")) {
            try {
                return Scalar.of(ValueType.INT, Long.toString(Long.parseLong(number)));
            } catch (NumberFormatException e) {
                // falls through to float, like sops for integers beyond int64
            }
        }
        return Scalar.of(ValueType.FLOAT, GoFloat.format(Double.parseDouble(number)));
    }

    private String string() {
        pos++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\') {
                escape(out);
            } else if (c < 0x20) {
                throw error("control character in string");
            } else {
                out.append(c);
            }
        }
    }

    private void escape(StringBuilder out) {
        char c = pos < text.length() ? text.charAt(pos++) : '?';
        switch (c) {
            case '"', '\\', '/' -> out.append(c);
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'u' -> {
                if (pos + 4 > text.length()) {
                    throw error("truncated \\u escape");
                }
                try {
                    out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                } catch (NumberFormatException e) {
                    throw error("invalid \\u escape");
                }
                pos += 4;
            }
            default -> throw error("invalid escape");
        }
    }

    private void expect(char c) {
        skipSpace();
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        if (pos >= text.length()) {
            throw error("unexpected end of input");
        }
        return text.charAt(pos);
    }

    private void skipSpace() {
        while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private MalformedFileException error(String rule) {
        long line = text.substring(0, Math.min(pos, text.length()))
                        .chars()
                        .filter(ch -> ch == '\n')
                        .count()
                + 1;
        return new MalformedFileException("invalid JSON at line " + line + ": " + rule);
    }
}

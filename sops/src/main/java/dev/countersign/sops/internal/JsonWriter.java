package dev.countersign.sops.internal;

import dev.countersign.sops.MalformedFileException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Writes JSON as Go's {@code json.Marshal} plus {@code json.Indent} with a tab, as sops does. */
final class JsonWriter {
    private JsonWriter() {}

    static String write(MapNode document) {
        StringBuilder out = new StringBuilder();
        value(document, 0, out);
        return out.append('\n').toString();
    }

    private static void value(Node node, int depth, StringBuilder out) {
        if (node instanceof MapNode map) {
            object(map, depth, out);
        } else if (node instanceof ListNode list) {
            array(list, depth, out);
        } else if (node instanceof Scalar scalar) {
            scalar(scalar, out);
        } else {
            out.append("null");
        }
    }

    private static void object(MapNode map, int depth, StringBuilder out) {
        List<Pair> pairs = new ArrayList<>();
        map.items().stream().filter(Pair.class::isInstance).forEach(i -> pairs.add((Pair) i));
        if (pairs.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        for (int i = 0; i < pairs.size(); i++) {
            out.append(i == 0 ? "\n" : ",\n").append("\t".repeat(depth + 1));
            string(pairs.get(i).key(), out);
            out.append(": ");
            value(pairs.get(i).value(), depth + 1, out);
        }
        out.append('\n').append("\t".repeat(depth)).append('}');
    }

    private static void array(ListNode list, int depth, StringBuilder out) {
        List<Node> elements = new ArrayList<>();
        list.elements().stream().filter(e -> !(e instanceof Comment)).forEach(elements::add);
        if (elements.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        for (int i = 0; i < elements.size(); i++) {
            out.append(i == 0 ? "\n" : ",\n").append("\t".repeat(depth + 1));
            value(elements.get(i), depth + 1, out);
        }
        out.append('\n').append("\t".repeat(depth)).append(']');
    }

    private static void scalar(Scalar scalar, StringBuilder out) {
        switch (scalar.type()) {
            case INT -> out.append(scalar.text());
            case BOOL -> out.append(Scalars.isTrue(scalar) ? "true" : "false");
            case FLOAT -> out.append(floatText(scalar.text()));
            default -> string(utf8(scalar.bytes()), out);
        }
    }

    private static String floatText(String go) {
        double value = GoFloat.parse(go);
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new MalformedFileException("JSON cannot represent the float " + go);
        }
        return GoFloat.formatJson(value);
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("replacement decoding cannot fail", e);
        }
    }

    static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}

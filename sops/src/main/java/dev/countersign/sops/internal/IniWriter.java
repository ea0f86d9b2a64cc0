package dev.countersign.sops.internal;

import dev.countersign.sops.MalformedFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Writes INI in go-ini's pretty format: aligned {@code =}, a blank line after each section. */
final class IniWriter {
    private IniWriter() {}

    static String write(MapNode document, @Nullable MapNode sops) {
        StringBuilder out = new StringBuilder();
        List<Comment> leading = new ArrayList<>();
        document.get("DEFAULT").ifPresent(d -> section("DEFAULT", asSection("DEFAULT", d), false, out));
        for (Item item : document.items()) {
            if (item instanceof Comment comment) {
                leading.add(comment);
            } else if (item instanceof Pair pair && !pair.key().equals("DEFAULT")) {
                leading.forEach(c -> comment(c, out));
                leading.clear();
                section(pair.key(), asSection(pair.key(), pair.value()), true, out);
            }
        }
        if (sops != null) {
            List<Item> flat = new ArrayList<>();
            for (Map.Entry<String, String> e : Flattener.flatten(sops).entrySet()) {
                flat.add(new Pair(e.getKey(), Scalar.str(e.getValue().replace("\n", "\\n"))));
            }
            section("sops", new MapNode(flat), true, out);
        }
        // go-ini separates sections with a blank line; sops 3.13 writes none after the last one
        return out.length() > 0 ? out.substring(0, out.length() - 1) : "";
    }

    private static MapNode asSection(String name, Node node) {
        if (node instanceof MapNode map) {
            return map;
        }
        throw new MalformedFileException("INI needs sections: top-level value '" + name + "' is not a mapping");
    }

    private static void section(String name, MapNode section, boolean header, StringBuilder out) {
        List<Item> items = section.items();
        int start = 0;
        while (start < items.size() && items.get(start) instanceof Comment c) {
            comment(c, out);
            start++;
        }
        if (header) {
            out.append('[').append(name).append("]\n");
        }
        int width = items.stream()
                .filter(Pair.class::isInstance)
                .mapToInt(i -> ((Pair) i).key().length())
                .max()
                .orElse(0);
        writeItems(items.subList(start, items.size()), width, name, out);
        out.append('\n');
    }

    private static void writeItems(List<Item> items, int width, String section, StringBuilder out) {
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Pair pair)) {
                continue;
            }
            int next = i + 1;
            while (next < items.size() && items.get(next) instanceof Comment c) {
                comment(c, out);
                next++;
            }
            String padded = pair.key() + " ".repeat(width - pair.key().length());
            out.append(padded).append(" = ").append(quote(text(pair, section))).append('\n');
        }
    }

    private static String text(Pair pair, String section) {
        if (pair.value() instanceof Scalar scalar) {
            return scalar.type() == ValueType.BOOL ? (Scalars.isTrue(scalar) ? "true" : "false") : scalar.text();
        }
        if (pair.value() instanceof NullNode) {
            return "";
        }
        throw new MalformedFileException("INI cannot hold the nested value of "
                + Redacted.path(section + "." + pair.key()) + ": only key = value pairs");
    }

    private static void comment(Comment comment, StringBuilder out) {
        out.append("; ").append(comment.text()).append('\n');
    }

    private static String quote(String value) {
        if (value.contains("\n") || value.contains("`")) {
            return "\"\"\"" + value + "\"\"\"";
        }
        if (value.contains("#") || value.contains(";")) {
            return "`" + value + "`";
        }
        if (!value.strip().equals(value)) {
            return "\"" + value + "\"";
        }
        return value;
    }
}

package dev.countersign.sops.internal;

import dev.countersign.sops.MalformedFileException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses INI text the way go-ini does for sops: sections, comments, quoted and multi-line values. */
final class IniParser {
    private final String[] lines;
    private final ItemBudget budget = ItemBudget.of("INI");
    private final Map<String, List<Item>> sections = new LinkedHashMap<>();
    private final List<Comment> pending = new ArrayList<>();
    private List<Item> current;
    private int index;

    private IniParser(String text) {
        this.lines = text.replace("\r\n", "\n").split("\n", -1);
        this.current = new ArrayList<>();
        sections.put("DEFAULT", current);
    }

    static Map<String, List<Item>> parse(String text) {
        IniParser parser = new IniParser(text);
        parser.run();
        return parser.sections;
    }

    private void run() {
        for (index = 0; index < lines.length; index++) {
            String line = lines[index].strip();
            if (line.isEmpty()) {
                continue;
            }
            budget.spend();
            if (line.startsWith(";") || line.startsWith("#")) {
                pending.add(new Comment(line.substring(1).stripLeading()));
            } else if (line.startsWith("[")) {
                section(line);
            } else {
                keyValue(line);
            }
        }
    }

    private void section(String line) {
        if (!line.endsWith("]")) {
            throw error("unclosed section header");
        }
        String name = line.substring(1, line.length() - 1).strip();
        current = sections.computeIfAbsent(name, k -> new ArrayList<>());
        current.addAll(pending);
        pending.clear();
    }

    private void keyValue(String line) {
        int eq = delimiter(line);
        if (eq < 0) {
            throw error("expected key = value");
        }
        String key = line.substring(0, eq).strip();
        String value = value(line.substring(eq + 1).strip());
        current.add(new Pair(key, Scalar.str(value)));
        current.addAll(pending);
        pending.clear();
    }

    private static int delimiter(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }

    private String value(String raw) {
        if (raw.startsWith("\"\"\"")) {
            return tripleQuoted(raw.substring(3));
        }
        if (raw.length() >= 2 && raw.startsWith("`") && raw.indexOf('`', 1) > 0) {
            return raw.substring(1, raw.indexOf('`', 1));
        }
        if (raw.length() >= 2 && raw.startsWith("\"") && raw.lastIndexOf('"') > 0) {
            return raw.substring(1, raw.lastIndexOf('"'));
        }
        int comment = indexOfAny(raw, "#;");
        return comment < 0 ? raw : raw.substring(0, comment).strip();
    }

    private String tripleQuoted(String first) {
        StringBuilder out = new StringBuilder();
        String line = first;
        while (true) {
            int end = line.indexOf("\"\"\"");
            if (end >= 0) {
                return out.append(line, 0, end).toString();
            }
            out.append(line).append('\n');
            index++;
            if (index >= lines.length) {
                throw error("unterminated \"\"\" value");
            }
            line = lines[index];
        }
    }

    private static int indexOfAny(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private MalformedFileException error(String rule) {
        return new MalformedFileException("invalid INI at line " + (index + 1) + ": " + rule);
    }
}

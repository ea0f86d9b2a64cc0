package dev.countersign.sops;

import dev.countersign.sops.internal.Comment;
import dev.countersign.sops.internal.Item;
import dev.countersign.sops.internal.ListNode;
import dev.countersign.sops.internal.MapNode;
import dev.countersign.sops.internal.Node;
import dev.countersign.sops.internal.NullNode;
import dev.countersign.sops.internal.Pair;
import dev.countersign.sops.internal.Scalar;
import dev.countersign.sops.internal.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/** QuickTheories generators of documents each store can represent. */
public final class SopsGenerators {
    private static final String KEY_CHARS = "abcdefghijklmnopqrstuvwxyzABCXYZ_-0123456789äöüßéñ日本ключ";
    private static final String TEXT_CHARS = KEY_CHARS + " .,:;!?'\"#@%&*()[]{}<>/\\|=+~`$^\t€✓🎉";

    private SopsGenerators() {}

    /**
     * YAML documents: nested maps and lists, every scalar type, nulls, comments before map items (not
     * inside lists, which sops 3.13.2 cannot verify and sops-age cannot read; vectors cover reading them).
     */
    public static Gen<List<MapNode>> yamlDocuments() {
        return in -> {
            List<MapNode> documents = new ArrayList<>();
            int count = (int) in.next(Constraint.between(1, 2));
            for (int i = 0; i < count; i++) {
                documents.add(map(in, 0, true));
            }
            return documents;
        };
    }

    /** JSON documents: nested objects and arrays, strings, ints, non-integral floats, bools, nulls. */
    public static Gen<List<MapNode>> jsonDocuments() {
        return in -> List.of(map(in, 0, false));
    }

    /** dotenv documents: flat string pairs and comments. */
    public static Gen<List<MapNode>> dotenvDocuments() {
        return in -> {
            List<Item> items = new ArrayList<>();
            for (String key : keys(in, 0, 5, "=#\n\\")) {
                if (in.next(Constraint.between(0, 3)) == 0) {
                    items.add(new Comment(text(in, 0, 12, "\n")));
                }
                items.add(new Pair(key, Scalar.str(text(in, 0, 20, "\\").replace("\r", ""))));
            }
            return List.of(new MapNode(items));
        };
    }

    /** INI documents: sections of plain string pairs. */
    public static Gen<List<MapNode>> iniDocuments() {
        return in -> {
            List<Item> sections = new ArrayList<>();
            for (String name : keys(in, 0, 3, "[]=:;#\\\n\t ")) {
                List<Item> pairs = new ArrayList<>();
                for (String key : keys(in, 1, 4, "[]=:;#\"`\\\n\t ")) {
                    String value = text(in, 0, 15, "\n\t\"`#;\\").strip();
                    pairs.add(new Pair(key, Scalar.str(value)));
                }
                sections.add(new Pair(name.equals("sops") ? "sops1" : name, new MapNode(pairs)));
            }
            return List.of(new MapNode(sections));
        };
    }

    /** Arbitrary bytes for the binary store. */
    public static Gen<byte[]> binaryPayloads() {
        return in -> {
            byte[] bytes = new byte[(int) in.next(Constraint.between(0, 64))];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) in.next(Constraint.between(0, 255));
            }
            return bytes;
        };
    }

    private static MapNode map(RandomnessSource in, int depth, boolean yaml) {
        List<Item> items = new ArrayList<>();
        for (String key : keys(in, depth == 0 ? 1 : 0, 4, "\n")) {
            if (yaml && in.next(Constraint.between(0, 4)) == 0) {
                items.add(new Comment(comment(in)));
            }
            items.add(new Pair(key.equals("sops") ? "sops_" : key, value(in, depth + 1, yaml)));
        }
        return new MapNode(items);
    }

    private static Node value(RandomnessSource in, int depth, boolean yaml) {
        int kind = (int) in.next(Constraint.between(0, depth >= 3 ? 6 : 8));
        return switch (kind) {
            case 0, 1 -> Scalar.str(text(in, 0, 20, ""));
            case 2 ->
                Scalar.of(
                        ValueType.INT,
                        Long.toString(in.next(Constraint.between(-1_000_000_000_000L, 1_000_000_000_000L))));
            case 3 -> Scalar.of(ValueType.FLOAT, floatText(in));
            case 4 -> Scalar.of(ValueType.BOOL, in.next(Constraint.between(0, 1)) == 0 ? "True" : "False");
            case 5 -> yaml ? time(in) : NullNode.INSTANCE;
            case 6 -> NullNode.INSTANCE;
            case 7 -> map(in, depth, yaml);
            default -> list(in, depth, yaml);
        };
    }

    private static ListNode list(RandomnessSource in, int depth, boolean yaml) {
        List<Node> elements = new ArrayList<>();
        int size = (int) in.next(Constraint.between(0, 3));
        for (int i = 0; i < size; i++) {
            elements.add(withoutLeadingComments(value(in, depth + 1, yaml)));
        }
        return new ListNode(elements);
    }

    /** A comment opening a map that is a list element cannot be told from one above the element. */
    private static Node withoutLeadingComments(Node node) {
        if (node instanceof MapNode map) {
            List<Item> items = new ArrayList<>(map.items());
            while (!items.isEmpty() && items.get(0) instanceof Comment) {
                items.remove(0);
            }
            return new MapNode(items);
        }
        return node;
    }

    private static String floatText(RandomnessSource in) {
        long mantissa = in.next(Constraint.between(-999_999, 999_999));
        int scale = (int) in.next(Constraint.between(1, 8));
        String digits = java.math.BigDecimal.valueOf(mantissa, scale)
                .stripTrailingZeros()
                .toPlainString();
        return digits.contains(".") ? digits : "0.5";
    }

    private static Scalar time(RandomnessSource in) {
        long seconds = in.next(Constraint.between(0, 4_000_000_000L));
        String text = java.time.Instant.ofEpochSecond(seconds).toString();
        return Scalar.of(ValueType.TIME, text);
    }

    private static String comment(RandomnessSource in) {
        return " " + text(in, 1, 15, "\n").strip() + "c";
    }

    private static Set<String> keys(RandomnessSource in, int min, int max, String forbidden) {
        Set<String> keys = new LinkedHashSet<>();
        int count = (int) in.next(Constraint.between(min, max));
        while (keys.size() < count) {
            String key = pick(in, KEY_CHARS, 1, 8, forbidden);
            if (!key.startsWith("sops")) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static String text(RandomnessSource in, int min, int max, String forbidden) {
        return pick(in, TEXT_CHARS + "\n", min, max, forbidden);
    }

    private static String pick(RandomnessSource in, String alphabet, int min, int max, String forbidden) {
        int[] points =
                alphabet.codePoints().filter(cp -> forbidden.indexOf(cp) < 0).toArray();
        StringBuilder out = new StringBuilder();
        int length = (int) in.next(Constraint.between(min, max));
        for (int i = 0; i < length; i++) {
            out.appendCodePoint(points[(int) in.next(Constraint.between(0, points.length - 1))]);
        }
        return out.toString();
    }
}

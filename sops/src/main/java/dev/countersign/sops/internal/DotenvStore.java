package dev.countersign.sops.internal;

import dev.countersign.sops.MalformedFileException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dotenv store: {@code KEY=VALUE} lines, nothing trimmed or unquoted, {@code \n} as the only escape,
 * {@code #} comments; metadata as flattened {@code sops_} lines.
 */
final class DotenvStore implements Store {
    private static final String PREFIX = "sops_";

    @Override
    public List<MapNode> readPlain(byte[] bytes) {
        List<Item> items = new ArrayList<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        parse(bytes, items, metadata);
        if (!metadata.isEmpty()) {
            throw new MalformedFileException(
                    "dotenv keys starting with 'sops_' are reserved for metadata: the file looks encrypted already");
        }
        return List.of(new MapNode(items));
    }

    @Override
    public EncryptedTree readEncrypted(byte[] bytes) {
        List<Item> items = new ArrayList<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        parse(bytes, items, metadata);
        if (metadata.isEmpty()) {
            throw new MalformedFileException("file is not encrypted: it has no sops_ metadata lines");
        }
        return new EncryptedTree(List.of(new MapNode(items)), Flattener.unflatten(metadata));
    }

    private static void parse(byte[] bytes, List<Item> items, Map<String, String> metadata) {
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        ItemBudget budget = ItemBudget.of("dotenv");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            budget.spend();
            if (line.startsWith("#")) {
                items.add(new Comment(line.substring(1)));
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new MalformedFileException(
                        "invalid dotenv line " + (i + 1) + ": must be KEY=VALUE or a # comment");
            }
            String key = line.substring(0, eq);
            String value = line.substring(eq + 1).replace("\\n", "\n");
            if (key.startsWith(PREFIX)) {
                metadata.put(key.substring(PREFIX.length()), value);
            } else {
                items.add(new Pair(key, Scalar.str(value)));
            }
        }
    }

    @Override
    public byte[] writePlain(List<MapNode> documents) {
        StringBuilder out = new StringBuilder();
        for (Item item : single(documents).items()) {
            if (item instanceof Comment comment) {
                out.append('#').append(comment.text()).append('\n');
            } else {
                Pair pair = (Pair) item;
                out.append(pair.key()).append('=').append(escape(value(pair))).append('\n');
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] writeEncrypted(List<MapNode> documents, MapNode sops) {
        StringBuilder out = new StringBuilder(new String(writePlain(documents), StandardCharsets.UTF_8));
        Flattener.flatten(sops)
                .forEach((k, v) -> out.append(PREFIX)
                        .append(k)
                        .append('=')
                        .append(escape(v))
                        .append('\n'));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static MapNode single(List<MapNode> documents) {
        if (documents.size() != 1) {
            throw new MalformedFileException("dotenv holds exactly one document, got " + documents.size());
        }
        return documents.get(0);
    }

    private static String value(Pair pair) {
        Node value = pair.value();
        if (value instanceof Scalar scalar) {
            return scalar.type() == ValueType.BOOL ? (Scalars.isTrue(scalar) ? "true" : "false") : scalar.text();
        }
        if (value instanceof NullNode) {
            return "";
        }
        throw new MalformedFileException(
                "dotenv cannot hold the nested value of " + Redacted.path(pair.key()) + ": only flat KEY=VALUE pairs");
    }

    private static String escape(String value) {
        return value.replace("\n", "\\n");
    }
}

package dev.countersign.sops.internal;

import dev.countersign.sops.MalformedFileException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The INI store (go-ini rules as sops uses them): sections become top-level keys, keys before the first
 * section live in {@code DEFAULT}, comments are kept, metadata is the flattened {@code [sops]} section
 * whose newlines are written as {@code \n} (and read in both that and the triple-quoted form).
 */
final class IniStore implements Store {
    private static final String DEFAULT = "DEFAULT";

    @Override
    public List<MapNode> readPlain(byte[] bytes) {
        Map<String, List<Item>> sections = IniParser.parse(new String(bytes, StandardCharsets.UTF_8));
        if (sections.containsKey("sops")) {
            throw new MalformedFileException(
                    "INI section [sops] is reserved for metadata: the file looks encrypted already");
        }
        return List.of(tree(sections));
    }

    @Override
    public EncryptedTree readEncrypted(byte[] bytes) {
        Map<String, List<Item>> sections = IniParser.parse(new String(bytes, StandardCharsets.UTF_8));
        List<Item> sops = sections.remove("sops");
        if (sops == null) {
            throw new MalformedFileException("file is not encrypted: it has no [sops] section");
        }
        Map<String, String> flat = new LinkedHashMap<>();
        for (Item item : sops) {
            if (item instanceof Pair pair) {
                flat.put(pair.key(), ((Scalar) pair.value()).text().replace("\\n", "\n"));
            }
        }
        return new EncryptedTree(List.of(tree(sections)), Flattener.unflatten(flat));
    }

    private static MapNode tree(Map<String, List<Item>> sections) {
        List<Item> items = new ArrayList<>();
        sections.forEach((name, content) -> {
            if (!name.equals(DEFAULT) || !content.isEmpty()) {
                items.add(new Pair(name, new MapNode(content)));
            }
        });
        return new MapNode(items);
    }

    @Override
    public byte[] writePlain(List<MapNode> documents) {
        return IniWriter.write(single(documents), null).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] writeEncrypted(List<MapNode> documents, MapNode sops) {
        return IniWriter.write(single(documents), sops).getBytes(StandardCharsets.UTF_8);
    }

    private static MapNode single(List<MapNode> documents) {
        if (documents.size() != 1) {
            throw new MalformedFileException("INI holds exactly one document, got " + documents.size());
        }
        return documents.get(0);
    }
}

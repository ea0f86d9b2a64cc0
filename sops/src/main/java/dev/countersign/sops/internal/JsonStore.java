package dev.countersign.sops.internal;

import dev.countersign.sops.MalformedFileException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The JSON store: one top-level object, key order kept, tab-indented output with a final newline. */
final class JsonStore implements Store {
    @Override
    public List<MapNode> readPlain(byte[] bytes) {
        return List.of(JsonReader.parseObject(new String(bytes, StandardCharsets.UTF_8)));
    }

    @Override
    public byte[] writePlain(List<MapNode> documents) {
        if (documents.size() != 1) {
            throw new MalformedFileException(
                    "JSON holds exactly one document, got " + documents.size() + " (multi-document YAML?)");
        }
        return JsonWriter.write(documents.get(0)).getBytes(StandardCharsets.UTF_8);
    }
}

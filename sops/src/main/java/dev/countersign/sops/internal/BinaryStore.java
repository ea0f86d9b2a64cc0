package dev.countersign.sops.internal;

import dev.countersign.sops.MalformedFileException;
import java.util.List;

/**
 * The binary store: the whole file is one {@code str} value under {@code data} (kept as raw bytes),
 * and the encrypted file is JSON.
 */
final class BinaryStore implements Store {
    private final JsonStore json = new JsonStore();

    @Override
    public List<MapNode> readPlain(byte[] bytes) {
        return List.of(new MapNode(List.of(new Pair("data", Scalar.of(ValueType.STR, bytes)))));
    }

    @Override
    public byte[] writePlain(List<MapNode> documents) {
        if (documents.size() == 1 && documents.get(0).get("data").orElse(NullNode.INSTANCE) instanceof Scalar data) {
            return data.bytes();
        }
        throw new MalformedFileException("the binary format needs a document with a single 'data' value");
    }

    @Override
    public EncryptedTree readEncrypted(byte[] bytes) {
        return json.readEncrypted(bytes);
    }

    @Override
    public byte[] writeEncrypted(List<MapNode> documents, MapNode sops) {
        return json.writeEncrypted(documents, sops);
    }
}

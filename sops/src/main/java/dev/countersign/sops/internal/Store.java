package dev.countersign.sops.internal;

import dev.countersign.sops.MalformedFileException;
import java.util.ArrayList;
import java.util.List;

/** Turns one file format into documents and back; encrypted files carry a {@code sops} mapping. */
public interface Store {
    /**
     * Parses a plaintext file.
     *
     * @param bytes the file
     * @return its documents
     * @throws MalformedFileException when the file does not parse
     */
    List<MapNode> readPlain(byte[] bytes);

    /**
     * Writes plaintext documents.
     *
     * @param documents the documents
     * @return the file
     */
    byte[] writePlain(List<MapNode> documents);

    /**
     * Parses an encrypted file.
     *
     * @param bytes the file
     * @return its documents without metadata, and the metadata mapping
     * @throws MalformedFileException when the file does not parse or has no metadata
     */
    default EncryptedTree readEncrypted(byte[] bytes) {
        List<MapNode> documents = readPlain(bytes);
        if (documents.isEmpty() || !(documents.get(0).get("sops").orElse(NullNode.INSTANCE) instanceof MapNode sops)) {
            throw new MalformedFileException("file is not encrypted: it has no sops metadata");
        }
        List<MapNode> plain = new ArrayList<>();
        documents.forEach(d -> plain.add(d.without("sops")));
        return new EncryptedTree(plain, sops);
    }

    /**
     * Writes encrypted documents, each with a copy of the metadata as its last key.
     *
     * @param documents the documents
     * @param sops the metadata mapping
     * @return the file
     */
    default byte[] writeEncrypted(List<MapNode> documents, MapNode sops) {
        List<MapNode> withMetadata = new ArrayList<>();
        documents.forEach(d -> withMetadata.add(d.with("sops", sops)));
        return writePlain(withMetadata);
    }

    /**
     * An encrypted file split into its documents and its metadata.
     *
     * @param documents the documents without the {@code sops} key
     * @param sops the metadata mapping
     */
    record EncryptedTree(List<MapNode> documents, MapNode sops) {
        /**
         * Copies the documents.
         *
         * @param documents the documents
         * @param sops the metadata
         */
        public EncryptedTree {
            documents = List.copyOf(documents);
        }
    }
}

package dev.countersign.sops.internal;

import dev.countersign.limits.InputLimits;
import dev.countersign.sops.FileLimitException;
import java.util.List;

/**
 * A store that refuses input over {@link InputLimits#SECRETS_FILE_BYTES} before its parser sees it, so a hostile
 * file costs a length check, not a parse.
 *
 * @param store the store that parses input within the limit
 */
record BoundedStore(Store store) implements Store {
    /**
     * Refuses bytes over the limit.
     *
     * @param bytes the input
     * @param what what the input is, for the message
     * @throws FileLimitException when the input is larger than the limit
     */
    static void check(byte[] bytes, String what) {
        if (bytes.length > InputLimits.SECRETS_FILE_BYTES) {
            throw new FileLimitException(what + " is " + bytes.length + " bytes long: the limit is "
                    + InputLimits.SECRETS_FILE_BYTES + " bytes");
        }
    }

    @Override
    public List<MapNode> readPlain(byte[] bytes) {
        check(bytes, "file");
        return store.readPlain(bytes);
    }

    @Override
    public byte[] writePlain(List<MapNode> documents) {
        return store.writePlain(documents);
    }

    @Override
    public EncryptedTree readEncrypted(byte[] bytes) {
        check(bytes, "file");
        return store.readEncrypted(bytes);
    }

    @Override
    public byte[] writeEncrypted(List<MapNode> documents, MapNode sops) {
        return store.writeEncrypted(documents, sops);
    }
}

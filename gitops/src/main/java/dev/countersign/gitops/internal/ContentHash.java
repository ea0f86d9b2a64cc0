package dev.countersign.gitops.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;

/**
 * The content hash approvals bind to: SHA-256 over a stack folder's files in path order, each as its path,
 * a NUL, its length in decimal, a NUL and its bytes. Computable from a Git tree alone, so the verifier
 * can check it offline.
 */
public final class ContentHash {
    private ContentHash() {}

    /**
     * Hashes a folder's files.
     *
     * @param files path to content, in path order
     * @return {@code sha256:} followed by 64 lowercase hex digits
     */
    public static String of(SortedMap<String, byte[]> files) {
        MessageDigest digest = sha256();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(Integer.toString(file.getValue().length).getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) 0);
            digest.update(file.getValue());
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Hashes bytes, such as a policy file.
     *
     * @param content the bytes
     * @return {@code sha256:} followed by 64 lowercase hex digits
     */
    public static String ofBytes(byte[] content) {
        return "sha256:" + HexFormat.of().formatHex(sha256().digest(content));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}

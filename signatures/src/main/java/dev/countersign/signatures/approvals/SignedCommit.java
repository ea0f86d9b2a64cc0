package dev.countersign.signatures.approvals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A raw commit object split as {@code git verify-commit} splits it: the {@code gpgsig} header's value (the
 * signature) and everything else (the signed payload).
 */
public final class SignedCommit {
    private static final byte[] HEADER = "gpgsig ".getBytes(StandardCharsets.US_ASCII);

    private final byte[] payload;
    private final byte[] signature;

    private SignedCommit(byte[] payload, byte[] signature) {
        this.payload = payload;
        this.signature = signature;
    }

    /**
     * Returns the commit without its {@code gpgsig} header.
     *
     * @return the signed payload
     */
    public byte[] payload() {
        return payload.clone();
    }

    /**
     * Returns the armored signature.
     *
     * @return the signature, empty when the commit is unsigned
     */
    public byte[] signature() {
        return signature.clone();
    }

    /**
     * Splits a raw commit object.
     *
     * @param raw the commit object as Git stores it, headers and message
     * @return its payload and signature
     */
    public static SignedCommit parse(byte[] raw) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream(raw.length);
        ByteArrayOutputStream signature = new ByteArrayOutputStream();
        int pos = 0;
        boolean inHeaders = true;
        boolean inSignature = false;
        while (pos < raw.length) {
            int end = lineEnd(raw, pos);
            if (inHeaders && end == pos) {
                inHeaders = false;
            }
            if (inHeaders && startsWith(raw, pos, HEADER)) {
                inSignature = true;
                signature.write(raw, pos + HEADER.length, Math.min(end + 1, raw.length) - pos - HEADER.length);
            } else if (inHeaders && inSignature && raw[pos] == ' ') {
                signature.write(raw, pos + 1, Math.min(end + 1, raw.length) - pos - 1);
            } else {
                inSignature = false;
                payload.write(raw, pos, Math.min(end + 1, raw.length) - pos);
            }
            pos = end + 1;
        }
        return new SignedCommit(payload.toByteArray(), signature.toByteArray());
    }

    private static int lineEnd(byte[] raw, int from) {
        for (int i = from; i < raw.length; i++) {
            if (raw[i] == '\n') {
                return i;
            }
        }
        return raw.length;
    }

    private static boolean startsWith(byte[] raw, int pos, byte[] prefix) {
        if (raw.length - pos < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (raw[pos + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}

package dev.countersign.sops.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A typed scalar held as its SOPS plaintext bytes (the exact bytes that are encrypted and fed to the
 * MAC): UTF-8 text for strings, {@code 5432}, {@code 0.5}, {@code True}, RFC 3339 for times, raw
 * bytes for the binary store's payload. {@link #toString()} never shows the value.
 */
public final class Scalar implements Node {
    private final ValueType type;
    private final byte[] bytes;

    private Scalar(ValueType type, byte[] bytes) {
        this.type = type;
        this.bytes = bytes;
    }

    /**
     * Creates a scalar from its plaintext bytes.
     *
     * @param type the type
     * @param bytes the plaintext bytes, copied
     * @return the scalar
     */
    public static Scalar of(ValueType type, byte[] bytes) {
        return new Scalar(type, bytes.clone());
    }

    /**
     * Creates a scalar from its plaintext text.
     *
     * @param type the type
     * @param text the plaintext, encoded as UTF-8
     * @return the scalar
     */
    public static Scalar of(ValueType type, String text) {
        return new Scalar(type, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Creates a string scalar.
     *
     * @param text the string
     * @return the scalar
     */
    public static Scalar str(String text) {
        return of(ValueType.STR, text);
    }

    /**
     * Returns the type.
     *
     * @return the type
     */
    public ValueType type() {
        return type;
    }

    /**
     * Returns a copy of the plaintext bytes.
     *
     * @return the bytes
     */
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * Feeds the plaintext bytes to a digest without copying them.
     *
     * @param digest the digest
     */
    void digestInto(MessageDigest digest) {
        digest.update(bytes);
    }

    /**
     * Returns the plaintext as text when it is valid UTF-8.
     *
     * @return the text, or null for bytes that are not UTF-8
     */
    @Nullable
    String utf8Text() {
        if (isAscii()) {
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private boolean isAscii() {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns the plaintext decoded as UTF-8.
     *
     * @return the text
     */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * Tells whether the plaintext is empty (empty values are never encrypted).
     *
     * @return true when there are no bytes
     */
    public boolean isEmpty() {
        return bytes.length == 0;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Scalar that && type == that.type && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Scalar[" + type.wireName() + ", <redacted>]";
    }
}

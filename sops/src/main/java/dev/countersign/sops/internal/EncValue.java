package dev.countersign.sops.internal;

import dev.countersign.sops.MalformedValueException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The parts of an {@code ENC[AES256_GCM,data:…,iv:…,tag:…,type:…]} string: ciphertext, IV, tag, type. */
final class EncValue {
    private static final Pattern SYNTAX =
            Pattern.compile("^ENC\\[AES256_GCM,data:(.+),iv:(.+),tag:(.+),type:(.+)\\]", Pattern.DOTALL);

    private final byte[] data;
    private final byte[] iv;
    private final byte[] tag;
    private final ValueType type;

    EncValue(byte[] data, byte[] iv, byte[] tag, ValueType type) {
        this.data = data.clone();
        this.iv = iv.clone();
        this.tag = tag.clone();
        this.type = type;
    }

    byte[] data() {
        return data.clone();
    }

    byte[] iv() {
        return iv.clone();
    }

    byte[] tag() {
        return tag.clone();
    }

    ValueType type() {
        return type;
    }

    static boolean looksEncrypted(String text) {
        return text.startsWith("ENC[");
    }

    static EncValue parse(String text, String path) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.find()) {
            throw new MalformedValueException(
                    "malformed encrypted value at '" + path + "': must be ENC[AES256_GCM,data:…,iv:…,tag:…,type:…]");
        }
        return new EncValue(
                base64(m.group(1), "data", path),
                base64(m.group(2), "iv", path),
                base64(m.group(3), "tag", path),
                ValueType.fromWireName(m.group(4), path));
    }

    private static byte[] base64(String text, String field, String path) {
        try {
            if (text.length() % 4 != 0) {
                throw new IllegalArgumentException("unpadded");
            }
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedValueException(
                    "malformed encrypted value at '" + path + "': " + field + " is not padded standard base64", e);
        }
    }

    String format() {
        Base64.Encoder b64 = Base64.getEncoder();
        return "ENC[AES256_GCM,data:" + b64.encodeToString(data) + ",iv:" + b64.encodeToString(iv) + ",tag:"
                + b64.encodeToString(tag) + ",type:" + type.wireName() + "]";
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof EncValue that && format().equals(that.format());
    }

    @Override
    public int hashCode() {
        return format().hashCode();
    }

    @Override
    public String toString() {
        return format();
    }
}

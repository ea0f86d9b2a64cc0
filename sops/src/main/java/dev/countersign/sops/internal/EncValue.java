package dev.countersign.sops.internal;

import dev.countersign.sops.MalformedValueException;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The parts of an {@code ENC[AES256_GCM,data:…,iv:…,tag:…,type:…]} string: ciphertext, IV, tag, type. */
final class EncValue {
    private static final Pattern SYNTAX =
            Pattern.compile("^ENC\\[AES256_GCM,data:(.+),iv:(.+),tag:(.+),type:(.+)\\]", Pattern.DOTALL);
    private static final String PREFIX = "ENC[AES256_GCM,data:";
    private static final String[] SEPARATORS = {",iv:", ",tag:", ",type:"};

    private final byte[] data;
    private final byte[] iv;
    private final byte[] tag;
    private final ValueType type;

    EncValue(byte[] data, byte[] iv, byte[] tag, ValueType type) {
        this(data, iv, tag, type, true);
    }

    private EncValue(byte[] data, byte[] iv, byte[] tag, ValueType type, boolean copy) {
        this.data = copy ? data.clone() : data;
        this.iv = copy ? iv.clone() : iv;
        this.tag = copy ? tag.clone() : tag;
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

    /** Returns the ciphertext followed by the tag, as the JDK's AES-GCM decryption takes them. */
    byte[] sealed() {
        byte[] sealed = Arrays.copyOf(data, data.length + tag.length);
        System.arraycopy(tag, 0, sealed, data.length, tag.length);
        return sealed;
    }

    /** Returns the IV without copying it; callers must not change it. */
    byte[] ivView() {
        return iv;
    }

    ValueType type() {
        return type;
    }

    static boolean looksEncrypted(String text) {
        return text.startsWith("ENC[");
    }

    static EncValue parse(String text, String path) {
        return parse(text, () -> path);
    }

    /**
     * Parses an ENC string. The common form (base64 fields, a lowercase type, nothing after the closing
     * bracket) is split by hand; anything else goes through the regex, whose greedy groups decide.
     */
    static EncValue parse(String text, Supplier<String> path) {
        String[] fields = split(text);
        if (fields == null) {
            Matcher m = SYNTAX.matcher(text);
            if (!m.find()) {
                throw new MalformedValueException("malformed encrypted value at " + Redacted.path(path.get())
                        + ": must be ENC[AES256_GCM,data:…,iv:…,tag:…,type:…]");
            }
            fields = new String[] {m.group(1), m.group(2), m.group(3), m.group(4)};
        }
        return new EncValue(
                base64(fields[0], "data", path),
                base64(fields[1], "iv", path),
                base64(fields[2], "tag", path),
                type(fields[3], path),
                false);
    }

    private static ValueType type(String name, Supplier<String> path) {
        for (ValueType type : ValueType.values()) {
            if (type.wireName().equals(name)) {
                return type;
            }
        }
        return ValueType.fromWireName(name, path.get());
    }

    /**
     * Splits {@code ENC[AES256_GCM,data:D,iv:I,tag:T,type:Y]} when the only commas after the prefix are
     * the three separators and the only closing bracket is the last character: then the regex has
     * exactly one match, with these groups. Returns null for any other text.
     */
    static String @Nullable [] split(String text) {
        int last = text.length() - 1;
        if (!text.startsWith(PREFIX) || text.indexOf(']', PREFIX.length()) != last) {
            return null;
        }
        String[] fields = new String[4];
        int start = PREFIX.length();
        for (int i = 0; i < 3; i++) {
            int comma = text.indexOf(',', start);
            if (comma <= start || !text.startsWith(SEPARATORS[i], comma)) {
                return null;
            }
            fields[i] = text.substring(start, comma);
            start = comma + SEPARATORS[i].length();
        }
        if (start >= last || text.indexOf(',', start) >= 0) {
            return null;
        }
        fields[3] = text.substring(start, last);
        return fields;
    }

    private static byte[] base64(String text, String field, Supplier<String> path) {
        try {
            if (text.length() % 4 != 0) {
                throw new IllegalArgumentException("unpadded");
            }
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedValueException(
                    "malformed encrypted value at " + Redacted.path(path.get()) + ": " + field
                            + " is not padded standard base64",
                    e);
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

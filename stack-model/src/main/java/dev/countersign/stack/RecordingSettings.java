package dev.countersign.stack;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The OpenPGP public keys of the recording service ({@code spec.recording} in an environment file): with them the
 * environment's reconciler applies only heads the recorder signed. Versioned with the environment, so the keys
 * are recorded like every other setting. Immutable; {@link #toString()} names counts only.
 *
 * <p>Flux verifies with the armored public key blocks ({@code keys}); Argo CD with their long key ids
 * ({@code keyIds}). Only public keys are accepted: a private key block is refused.
 *
 * @param keyIds long key ids, 16 hexadecimal digits each, upper case ({@code gpg --list-keys --keyid-format long})
 * @param keys armored OpenPGP public key blocks ({@code gpg --armor --export}), stripped
 */
public record RecordingSettings(List<String> keyIds, List<String> keys) {
    private static final Set<String> KEYS = Set.of("keyIds", "keys");
    private static final Pattern KEY_ID = Pattern.compile("[0-9A-F]{16}");
    private static final String BEGIN = "-----BEGIN PGP PUBLIC KEY BLOCK-----";
    private static final String END = "-----END PGP PUBLIC KEY BLOCK-----";
    private static final int SECRET_KEY_TAG = 5;
    private static final int PUBLIC_KEY_TAG = 6;
    private static final String POINTER = "/spec/recording/";

    /**
     * Validates and copies the keys, upper-casing the key ids and dropping a {@code 0x} prefix.
     *
     * @param keyIds long key ids, 16 hexadecimal digits each
     * @param keys armored OpenPGP public key blocks
     * @throws InvalidStackException if a key id is malformed, or a key is not an armored public key block
     */
    public RecordingSettings {
        var ids = new ArrayList<String>();
        for (int i = 0; i < keyIds.size(); i++) {
            ids.add(keyId(i, keyIds.get(i)));
        }
        keyIds = List.copyOf(ids);
        var blocks = new ArrayList<String>();
        for (int i = 0; i < keys.size(); i++) {
            blocks.add(publicKey(i, keys.get(i)));
        }
        keys = List.copyOf(blocks);
    }

    /**
     * Returns no keys: the renderers then write nothing about signatures.
     *
     * @return the default settings
     */
    public static RecordingSettings none() {
        return new RecordingSettings(List.of(), List.of());
    }

    /**
     * Tells whether no key is given.
     *
     * @return true when there is neither a key id nor a key block
     */
    public boolean isEmpty() {
        return keyIds.isEmpty() && keys.isEmpty();
    }

    Map<String, Object> toTree() {
        var tree = new LinkedHashMap<String, Object>();
        if (!keyIds.isEmpty()) {
            tree.put("keyIds", keyIds);
        }
        if (!keys.isEmpty()) {
            tree.put("keys", keys.stream().map(key -> key + "\n").toList());
        }
        return tree;
    }

    static RecordingSettings fromFields(Fields fields) {
        fields.only(KEYS);
        return new RecordingSettings(fields.strings("keyIds"), fields.strings("keys"));
    }

    private static String keyId(int index, String value) {
        String id = (value.startsWith("0x") || value.startsWith("0X") ? value.substring(2) : value)
                .toUpperCase(Locale.ROOT);
        if (!KEY_ID.matcher(id).matches()) {
            throw new InvalidStackException(
                    POINTER + "keyIds/" + index,
                    "invalid key id '" + Excerpt.of(value) + "': must be a long key id of 16 hexadecimal digits");
        }
        return id;
    }

    private static String publicKey(int index, String value) {
        String pointer = POINTER + "keys/" + index;
        if (value.contains("PRIVATE KEY")) {
            throw new InvalidStackException(
                    pointer, "is a private key: give the public key (gpg --armor --export), never the secret one");
        }
        String text = value.strip();
        if (!text.startsWith(BEGIN) || !text.endsWith(END)) {
            throw new InvalidStackException(pointer, "is not an armored OpenPGP public key block (" + BEGIN + ")");
        }
        byte[] packets = body(pointer, text);
        int tag = packets.length == 0 ? -1 : packetTag(packets[0] & 0xFF);
        if (tag == SECRET_KEY_TAG) {
            throw new InvalidStackException(
                    pointer, "is a private key: give the public key (gpg --armor --export), never the secret one");
        }
        if (tag != PUBLIC_KEY_TAG) {
            throw new InvalidStackException(pointer, "does not start with an OpenPGP public key packet");
        }
        return text;
    }

    /** Decodes the armor's base64 body: the lines after the first blank line, up to the checksum or the end. */
    private static byte[] body(String pointer, String text) {
        var base64 = new StringBuilder();
        boolean inBody = false;
        for (String line : text.lines().map(String::strip).toList()) {
            if (!inBody) {
                inBody = line.isEmpty();
            } else if (line.startsWith("=") || line.startsWith("-----")) {
                break;
            } else {
                base64.append(line);
            }
        }
        try {
            return Base64.getDecoder().decode(base64.toString());
        } catch (IllegalArgumentException e) {
            throw new InvalidStackException(pointer, "is not valid base64 armor: the key block is damaged");
        }
    }

    /** The packet tag of an OpenPGP packet header byte (RFC 9580 section 4.2), or -1 if it is not one. */
    private static int packetTag(int header) {
        if ((header & 0x80) == 0) {
            return -1;
        }
        return (header & 0x40) != 0 ? header & 0x3F : (header >> 2) & 0x0F;
    }

    @Override
    public String toString() {
        return "RecordingSettings[keyIds=" + keyIds + ", keys=" + keys.size() + "]";
    }
}

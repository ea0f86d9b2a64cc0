package dev.countersign.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The OpenPGP public keys of the recording service, which signs every commit it records: with them the
 * reconciler applies only heads the recorder signed. Immutable.
 *
 * <p>Flux ({@code GitRepository.spec.verify}) needs the armored public keys; Argo CD
 * ({@code AppProject.spec.signatureKeys}) needs their 16-digit long key ids, and the keys themselves
 * imported into Argo CD's GnuPG keyring ({@code argocd gpg add}). The module does not parse OpenPGP, so
 * both are given: {@code gpg --armor --export} prints the first, {@code gpg --list-keys
 * --keyid-format long} the second.
 *
 * @param keyIds long key ids, 16 hexadecimal digits each, upper case; may be empty
 * @param armoredKeys armored OpenPGP public key blocks; may be empty
 */
public record RecordingKeys(List<String> keyIds, List<String> armoredKeys) {
    private static final Pattern KEY_ID = Pattern.compile("[0-9A-Fa-f]{16}");
    private static final String BEGIN = "-----BEGIN PGP PUBLIC KEY BLOCK-----";
    private static final String END = "-----END PGP PUBLIC KEY BLOCK-----";
    private static final int QUOTE = 40;

    /**
     * Validates and copies the keys, upper-casing the key ids.
     *
     * @param keyIds long key ids, 16 hexadecimal digits each
     * @param armoredKeys armored OpenPGP public key blocks
     * @throws InvalidRecordingKeyException if a key id or a key block is malformed, naming its field
     */
    public RecordingKeys {
        var ids = new ArrayList<String>();
        for (int i = 0; i < keyIds.size(); i++) {
            ids.add(keyId(i, keyIds.get(i)));
        }
        keyIds = List.copyOf(ids);
        armoredKeys = List.copyOf(armoredKeys);
        for (int i = 0; i < armoredKeys.size(); i++) {
            checkArmored(i, armoredKeys.get(i));
        }
    }

    /**
     * Returns no keys: the renderers then write nothing about signatures.
     *
     * @return the empty set of keys
     */
    public static RecordingKeys none() {
        return new RecordingKeys(List.of(), List.of());
    }

    /**
     * Tells whether no key is given.
     *
     * @return true when there is neither a key id nor an armored key
     */
    public boolean isEmpty() {
        return keyIds.isEmpty() && armoredKeys.isEmpty();
    }

    private static String keyId(int index, String value) {
        String id = value.startsWith("0x") || value.startsWith("0X") ? value.substring(2) : value;
        if (!KEY_ID.matcher(id).matches()) {
            throw new InvalidRecordingKeyException(
                    "recordingKeys.keyIds[" + index + "]",
                    "invalid key id '" + quote(value) + "': must be a long key id of 16 hexadecimal digits");
        }
        return id.toUpperCase(Locale.ROOT);
    }

    private static void checkArmored(int index, String value) {
        String field = "recordingKeys.armoredKeys[" + index + "]";
        if (value.contains("PRIVATE KEY")) {
            throw new InvalidRecordingKeyException(
                    field, "is a private key: give the public key (gpg --armor --export), never the secret one");
        }
        String text = value.strip();
        if (!text.startsWith(BEGIN) || !text.endsWith(END)) {
            throw new InvalidRecordingKeyException(
                    field, "'" + quote(text) + "' is not an armored OpenPGP public key block (" + BEGIN + ")");
        }
    }

    private static String quote(String value) {
        String line = value.replaceAll("[\\r\\n\\t]", " ");
        return line.length() <= QUOTE ? line : line.substring(0, QUOTE) + "...";
    }
}

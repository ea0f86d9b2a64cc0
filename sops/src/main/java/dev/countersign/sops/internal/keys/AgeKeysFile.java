package dev.countersign.sops.internal.keys;

import dev.countersign.sops.MalformedKeyException;
import dev.countersign.sops.ProtectedKeyException;
import java.util.ArrayList;
import java.util.List;

/**
 * The age keys-file syntax as {@code age-keygen} writes it and sops reads it: {@code #} comment
 * lines and blank lines are ignored, every other line holds identities. Stateless.
 */
public final class AgeKeysFile {
    private AgeKeysFile() {}

    /**
     * Parses the identities of a keys file.
     *
     * @param text the file's content
     * @param origin the file or variable the text came from, named in messages
     * @param spaceSeparated whether a line may hold several identities separated by spaces (sops
     *     allows this for {@code SOPS_AGE_KEY})
     * @return the identities in file order
     * @throws MalformedKeyException naming the origin and line when a line is not an identity
     * @throws ProtectedKeyException when the keys file is itself age-encrypted
     */
    public static List<X25519Identity> parse(String text, String origin, boolean spaceSeparated) {
        if (text.startsWith("age-encryption") || text.startsWith("-----BEGIN AGE")) {
            throw new ProtectedKeyException(
                    "the age keys file " + origin
                            + " is itself encrypted with a passphrase; decrypt it first (passphrase-protected keys files are not supported)");
        }
        List<X25519Identity> identities = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = origin + " line " + (i + 1);
            for (String word : spaceSeparated ? line.split("\\s+") : new String[] {line}) {
                identities.add(X25519Identity.parse(word, where));
            }
        }
        return identities;
    }
}

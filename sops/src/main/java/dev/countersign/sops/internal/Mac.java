package dev.countersign.sops.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** The sops MAC: SHA-512 over the plaintext bytes of the values, in document order, as uppercase hex. */
final class Mac {
    private static final byte[] MAC_ONLY_ENCRYPTED_SEED =
            HexFormat.of().parseHex("8a3fd2ad54ce66527b1034f3d147be0b0b975b3bf44f72c6fdadec8176f27d69");

    private final MessageDigest digest;

    Mac(boolean macOnlyEncrypted) {
        try {
            digest = MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is not available", e);
        }
        if (macOnlyEncrypted) {
            digest.update(MAC_ONLY_ENCRYPTED_SEED);
        }
    }

    void add(Scalar value) {
        value.digestInto(digest);
    }

    String hex() {
        return HexFormat.of().formatHex(digest.digest()).toUpperCase(Locale.ROOT);
    }
}

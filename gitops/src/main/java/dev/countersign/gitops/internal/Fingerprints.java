package dev.countersign.gitops.internal;

import dev.countersign.gitops.GitOpsException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted, slow fingerprints of secret values ({@code secrets.fingerprints.yaml} beside the sops file), so a
 * reviewer can see whether a secret changed without anyone storing or showing its value: PBKDF2-HMAC-SHA256
 * with a random 16-byte salt per value and 600,000 iterations, written
 * {@code pbkdf2-sha256:<iterations>:<salt>:<hash>} (unpadded base64url). A new version of a value reuses the
 * salt of the recorded one, so an equal value gives an equal fingerprint.
 */
public final class Fingerprints {
    /** The iterations of a new fingerprint (OWASP's figure for PBKDF2-HMAC-SHA256). */
    static final int ITERATIONS = 600_000;

    private static final String SCHEME = "pbkdf2-sha256";
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private Fingerprints() {}

    /**
     * Fingerprints every value, reusing the salt (and iterations) of a previous fingerprint of the same name.
     *
     * @param values name to plaintext value
     * @param previous name to the recorded fingerprint
     * @param random the source of new salts
     * @return name to fingerprint, sorted by name
     */
    public static SortedMap<String, String> of(
            Map<String, String> values, Map<String, String> previous, SecureRandom random) {
        SortedMap<String, String> fingerprints = new TreeMap<>();
        values.forEach((name, value) -> fingerprints.put(
                name,
                Optional.ofNullable(previous.get(name))
                        .flatMap(Fingerprints::parts)
                        .map(p -> of(value, p.saltBytes(), p.iterations()))
                        .orElseGet(() -> of(value, salt(random), ITERATIONS))));
        return fingerprints;
    }

    static String of(String value, byte[] salt, int iterations) {
        return SCHEME + ":" + iterations + ":" + ENCODE.encodeToString(salt) + ":"
                + ENCODE.encodeToString(derive(value, salt, iterations));
    }

    /**
     * Writes the fingerprints file.
     *
     * @param fingerprints name to fingerprint
     * @return the file's bytes: a comment and one {@code name: fingerprint} line per secret
     */
    public static byte[] write(SortedMap<String, String> fingerprints) {
        StringBuilder text = new StringBuilder("# Salted PBKDF2 fingerprints of the values in " + StackLayout.SECRETS
                + ", so a review can tell changed from unchanged. Never the values.\n");
        fingerprints.forEach((name, fingerprint) ->
                text.append(name).append(": ").append(fingerprint).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a fingerprints file; lines that are not {@code name: fingerprint} are ignored.
     *
     * @param file the file's bytes
     * @return name to fingerprint, sorted by name
     */
    public static SortedMap<String, String> read(byte[] file) {
        SortedMap<String, String> fingerprints = new TreeMap<>();
        new String(file, StandardCharsets.UTF_8)
                .lines()
                .filter(line -> !line.startsWith("#") && line.contains(": "))
                .forEach(line -> {
                    int colon = line.indexOf(": ");
                    fingerprints.put(
                            line.substring(0, colon), line.substring(colon + 2).strip());
                });
        return fingerprints;
    }

    private record Parts(int iterations, String salt) {
        byte[] saltBytes() {
            return DECODE.decode(salt);
        }
    }

    private static Optional<Parts> parts(String fingerprint) {
        String[] parts = fingerprint.split(":", -1);
        if (parts.length != 4
                || !parts[0].equals(SCHEME)
                || !parts[1].matches("[1-9][0-9]{0,6}")
                || !parts[2].matches("[A-Za-z0-9_-]{22}")) {
            return Optional.empty();
        }
        return Optional.of(new Parts(Integer.parseInt(parts[1]), parts[2]));
    }

    private static byte[] salt(SecureRandom random) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return salt;
    }

    private static byte[] derive(String value, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(("v:" + value).toCharArray(), salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new GitOpsException("PBKDF2WithHmacSHA256 is unavailable on this Java platform", e);
        } finally {
            spec.clearPassword();
        }
    }
}

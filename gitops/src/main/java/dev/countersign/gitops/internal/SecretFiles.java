package dev.countersign.gitops.internal;

import dev.countersign.gitops.NoSecretRecipientsException;
import dev.countersign.gitops.Secrets;
import dev.countersign.sops.AgeKeys;
import dev.countersign.sops.CreationRules;
import dev.countersign.sops.EncryptOptions;
import dev.countersign.sops.FileFormat;
import dev.countersign.sops.Sops;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The sops file of a stack folder ({@code secrets.sops.yaml}): a flat map of secret variable name to value,
 * every value encrypted to the recipients of the repository's {@code .sops.yaml} rule for its path. Encryption
 * needs public keys only; this class never decrypts. Immutable and thread-safe.
 */
public final class SecretFiles {
    private static final Path ROOT = Path.of("/countersign-repository");

    private final Sops sops;

    /**
     * Creates the writer.
     *
     * @param clock the time written as {@code lastmodified}
     * @param random the source of data keys and IVs
     */
    public SecretFiles(Clock clock, SecureRandom random) {
        this.sops = Sops.builder()
                .keySource(AgeKeys.encryptOnly())
                .clock(clock)
                .random(random)
                .build();
    }

    /**
     * Encrypts secrets for a file in the repository, with the options of the first matching creation rule.
     *
     * @param sopsConfig the repository's {@code .sops.yaml}, or null when it has none
     * @param path the file's path in the repository
     * @param secrets the values
     * @return the encrypted file
     * @throws NoSecretRecipientsException if no creation rule names recipients for the path
     */
    public byte[] encrypt(byte @Nullable [] sopsConfig, String path, Secrets secrets) {
        EncryptOptions options = Optional.ofNullable(sopsConfig)
                .flatMap(config -> CreationRules.parse(ROOT, config).optionsFor(ROOT.resolve(path)))
                .orElseThrow(() -> new NoSecretRecipientsException(path));
        return sops.encrypt(yaml(secrets.reveal()), FileFormat.YAML, options);
    }

    private static byte[] yaml(Map<String, String> values) {
        StringBuilder text = new StringBuilder();
        values.forEach((name, value) ->
                text.append(name).append(": ").append(quoted(value)).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String quoted(String value) {
        StringBuilder out = new StringBuilder("\"");
        value.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                out.append('\\').appendCodePoint(c);
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append('"').toString();
    }

    /**
     * Returns the names of the secrets in a sops file: its top-level keys but {@code sops}, which sops keeps in
     * plaintext.
     *
     * @param file the encrypted file
     * @return the names, in file order
     */
    public static List<String> names(byte[] file) {
        return map(file)
                .map(m -> m.keySet().stream()
                        .map(String::valueOf)
                        .filter(key -> !key.equals("sops"))
                        .toList())
                .orElse(List.of());
    }

    /**
     * Tells whether a file is a sops file whose every secret is encrypted: a {@code sops} block with a MAC,
     * and only {@code ENC[AES256_GCM,…]} values (or empty ones, which sops never encrypts).
     *
     * @param file the file
     * @return true when no plaintext value is in it
     */
    public static boolean isEncrypted(byte[] file) {
        return map(file)
                .filter(m -> m.get("sops") instanceof Map<?, ?> meta && meta.get("mac") instanceof String)
                .filter(m -> m.entrySet().stream()
                        .filter(e -> !"sops".equals(e.getKey()))
                        .allMatch(e -> e.getValue() == null
                                || "".equals(e.getValue())
                                || String.valueOf(e.getValue()).startsWith("ENC[AES256_GCM,")))
                .isPresent();
    }

    private static Optional<Map<?, ?>> map(byte[] file) {
        try {
            Object tree =
                    new Load(LoadSettings.builder().build()).loadFromString(new String(file, StandardCharsets.UTF_8));
            return tree instanceof Map<?, ?> m ? Optional.of(m) : Optional.empty();
        } catch (YamlEngineException e) {
            return Optional.empty();
        }
    }
}

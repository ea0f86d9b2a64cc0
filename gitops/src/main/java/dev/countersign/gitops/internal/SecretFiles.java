package dev.countersign.gitops.internal;

import dev.countersign.gitops.NoSecretRecipientsException;
import dev.countersign.gitops.Secrets;
import dev.countersign.sops.AgeKeys;
import dev.countersign.sops.CreationRules;
import dev.countersign.sops.EncryptOptions;
import dev.countersign.sops.EncryptionRule;
import dev.countersign.sops.FileFormat;
import dev.countersign.sops.Sops;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
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
    private static final Pattern BASE64 = Pattern.compile("([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?");

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

    /**
     * Encrypts secrets as the stack's Flux {@code Secret} ({@code flux-system/<stack>-secrets}): only
     * {@code data} and {@code stringData} are encrypted ({@code encrypted_regex: ^(data|stringData)$}), so
     * Flux's kustomize-controller decrypts it with the {@code sops-age} key and the rest stays readable. The
     * recipients are those the repository's rules name for the stack's {@code secrets.sops.yaml}.
     *
     * @param sopsConfig the repository's {@code .sops.yaml}, or null when it has none
     * @param secretsPath the path of the stack's {@code secrets.sops.yaml}
     * @param stack the stack's name
     * @param secrets the values
     * @param dataVariables the variables used in the {@code data} of a Secret: their values are already base64
     *     and go to {@code data}, so Flux substitutes the decoded value; the others go to {@code stringData}
     * @return the encrypted file
     * @throws NoSecretRecipientsException if no creation rule names recipients for the path
     * @throws dev.countersign.gitops.InvalidProposalException if a data variable's value is not base64
     */
    public byte[] encryptFluxSecret(
            byte @Nullable [] sopsConfig,
            String secretsPath,
            String stack,
            Secrets secrets,
            Set<String> dataVariables) {
        EncryptOptions options = Optional.ofNullable(sopsConfig)
                .flatMap(config -> CreationRules.parse(ROOT, config).optionsFor(ROOT.resolve(secretsPath)))
                .orElseThrow(() -> new NoSecretRecipientsException(secretsPath))
                .withRule(EncryptionRule.of("encrypted_regex", "^(data|stringData)$"));
        StringBuilder text = new StringBuilder("apiVersion: v1\nkind: Secret\nmetadata:\n  name: ")
                .append(stack)
                .append("-secrets\n  namespace: flux-system\ntype: Opaque\n");
        Map<String, String> values = secrets.reveal();
        section(text, "data", values, name -> dataVariables.contains(name));
        section(text, "stringData", values, name -> !dataVariables.contains(name));
        return sops.encrypt(text.toString().getBytes(StandardCharsets.UTF_8), FileFormat.YAML, options);
    }

    private static void section(
            StringBuilder text, String key, Map<String, String> values, java.util.function.Predicate<String> keep) {
        var kept = values.entrySet().stream().filter(e -> keep.test(e.getKey())).toList();
        if (kept.isEmpty()) {
            return;
        }
        text.append(key).append(":\n");
        for (Map.Entry<String, String> entry : kept) {
            if (key.equals("data") && !BASE64.matcher(entry.getValue()).matches()) {
                throw new dev.countersign.gitops.InvalidProposalException("secret '" + entry.getKey()
                        + "' is used in the data of a Kubernetes Secret, so its value must be base64 text");
            }
            text.append("  ")
                    .append(entry.getKey())
                    .append(": ")
                    .append(quoted(entry.getValue()))
                    .append('\n');
        }
    }

    /**
     * Tells whether a file is a sops-encrypted Kubernetes {@code Secret}: a {@code sops} block with a MAC, and
     * every {@code data} and {@code stringData} value {@code ENC[AES256_GCM,…]}.
     *
     * @param file the file
     * @return true when no plaintext value is in it
     */
    public static boolean isEncryptedSecret(byte[] file) {
        return map(file)
                .filter(m -> m.get("sops") instanceof Map<?, ?> meta && meta.get("mac") instanceof String)
                .filter(m -> "Secret".equals(m.get("kind")))
                .filter(m -> encryptedSection(m.get("data")) && encryptedSection(m.get("stringData")))
                .isPresent();
    }

    private static boolean encryptedSection(@Nullable Object section) {
        if (section == null) {
            return true;
        }
        return section instanceof Map<?, ?> entries
                && entries.values().stream()
                        .allMatch(v -> v instanceof String text && text.startsWith("ENC[AES256_GCM,"));
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

package dev.countersign.cli;

import dev.countersign.sops.CreationRules;
import dev.countersign.sops.EncryptOptions;
import dev.countersign.sops.EncryptionRule;
import dev.countersign.sops.KeyGroups;
import dev.countersign.sops.Recipient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code countersign sops encrypt FILE}: the file encrypted for the recipients given as options, or
 * else for those of the first matching creation rule in the nearest {@code .sops.yaml}.
 */
@Command(
        name = "encrypt",
        description = "Encrypt a file for age and PGP recipients; print it, or replace the file with --in-place.")
final class SopsEncryptCommand extends SopsSubcommand {
    @Mixin
    SopsTypes types = new SopsTypes();

    @Option(names = "--age", split = ",", paramLabel = "RECIPIENT", description = "The age1… public keys.")
    List<String> age = new ArrayList<>();

    @Option(names = "--pgp", split = ",", paramLabel = "FINGERPRINT", description = "PGP key fingerprints.")
    List<String> pgp = new ArrayList<>();

    @Option(names = "--encrypted-regex", paramLabel = "REGEX", description = "Encrypt only values under matching keys.")
    @Nullable
    String encryptedRegex;

    @Option(
            names = "--unencrypted-suffix",
            paramLabel = "SUFFIX",
            description = "Leave values under keys with this suffix plaintext (default: _unencrypted).")
    @Nullable
    String unencryptedSuffix;

    @Option(
            names = {"-i", "--in-place"},
            description = "Replace the file atomically instead of printing.")
    boolean inPlace;

    @Parameters(index = "0", paramLabel = "FILE", description = "The plaintext file.")
    @SuppressWarnings("NullAway.Init")
    Path file;

    @Override
    public Integer call() {
        EncryptionRule rule = rule();
        EncryptOptions options = options();
        if (rule != null) {
            options = options.withRule(rule);
        }
        byte[] encrypted = keys.encrypting(environment())
                .encrypt(SopsFiles.read(file), types.input(file), types.output(file), options);
        SopsFiles.write(file, encrypted, inPlace, environment());
        return 0;
    }

    private @Nullable EncryptionRule rule() {
        if (encryptedRegex != null && unencryptedSuffix != null) {
            throw usage("--encrypted-regex and --unencrypted-suffix cannot be combined: give one rule");
        }
        if (encryptedRegex != null) {
            return valid(encryptedRegex, r -> new EncryptionRule(EncryptionRule.Kind.ENCRYPTED_REGEX, r));
        }
        if (unencryptedSuffix != null) {
            return valid(unencryptedSuffix, s -> new EncryptionRule(EncryptionRule.Kind.UNENCRYPTED_SUFFIX, s));
        }
        return null;
    }

    private EncryptOptions options() {
        if (age.isEmpty() && pgp.isEmpty()) {
            return CreationRules.forFile(file)
                    .orElseThrow(() -> new CommandFailure("no recipients for " + file
                            + ": give --age or --pgp, or add a creation rule matching it to a .sops.yaml"));
        }
        List<Recipient> recipients = new ArrayList<>();
        age.forEach(key -> recipients.add(valid(key, Recipient::age)));
        pgp.forEach(fingerprint -> recipients.add(valid(fingerprint, Recipient::pgp)));
        return EncryptOptions.of(KeyGroups.of(recipients));
    }

    private <T> T valid(String value, Function<String, T> parse) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw usage(String.valueOf(e.getMessage()));
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}

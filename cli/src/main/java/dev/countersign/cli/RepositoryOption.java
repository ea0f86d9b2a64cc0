package dev.countersign.cli;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.gitops.RemoteCredentials;
import dev.countersign.gitops.SigningKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The {@code --repo DIR} option shared by the gitops subcommands, with the OpenPGP key that signs every
 * commit they write ({@code --signing-key FILE} or {@code COUNTERSIGN_SIGNING_KEY}, its passphrase from
 * {@code COUNTERSIGN_SIGNING_PASSPHRASE}). A directory initialized with {@code --remote} stays in remote
 * mode; over http(s) the credentials come from {@code COUNTERSIGN_GIT_USERNAME} and
 * {@code COUNTERSIGN_GIT_PASSWORD} when both are set.
 */
final class RepositoryOption {
    static final String PASSPHRASE = "COUNTERSIGN_SIGNING_PASSPHRASE";

    @Option(names = "--repo", required = true, paramLabel = "DIR", description = "The GitOps repository.")
    @SuppressWarnings("NullAway.Init")
    Path directory;

    @Option(
            names = "--signing-key",
            paramLabel = "FILE",
            defaultValue = "${env:COUNTERSIGN_SIGNING_KEY}",
            description = "An armored OpenPGP secret key that signs every commit written"
                    + " (default $COUNTERSIGN_SIGNING_KEY; passphrase from $" + PASSPHRASE + ").")
    @Nullable
    Path signingKey;

    GitOpsRepository open() {
        return open(null, System.getenv());
    }

    GitOpsRepository open(@Nullable String remote) {
        return open(remote, System.getenv());
    }

    // the process environment is this command's edge: the library itself never reads it
    GitOpsRepository open(@Nullable String remote, Map<String, String> environment) {
        GitOpsRepository.Builder builder = GitOpsRepository.builder(directory);
        if (remote != null) {
            builder.remote(remote);
        }
        String username = environment.get("COUNTERSIGN_GIT_USERNAME");
        String password = environment.get("COUNTERSIGN_GIT_PASSWORD");
        if (username != null && password != null) {
            builder.credentials(RemoteCredentials.of(username, password));
        }
        if (signingKey != null) {
            builder.signingKey(SigningKey.fromArmored(
                    read(signingKey), environment.getOrDefault(PASSPHRASE, "").toCharArray()));
        }
        return builder.open();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read signing key file " + file, e);
        }
    }
}

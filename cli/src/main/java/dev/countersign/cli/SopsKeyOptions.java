package dev.countersign.cli;

import dev.countersign.sops.AgeKeys;
import dev.countersign.sops.PgpKeyring;
import dev.countersign.sops.PgpKeys;
import dev.countersign.sops.Sops;
import dev.countersign.sops.spi.KeySource;
import java.nio.file.Path;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The {@code --pgp-keyring} option, and the {@link Sops} instance with the keys sops would find: age
 * identities from {@code SOPS_AGE_KEY}, {@code SOPS_AGE_KEY_FILE} and the default keys file, PGP keys
 * from {@code --pgp-keyring} or {@code COUNTERSIGN_PGP_KEYRING}.
 */
final class SopsKeyOptions {
    @Option(
            names = "--pgp-keyring",
            paramLabel = "FILE",
            description = "Armored PGP keys (public keys to encrypt for, secret keys to decrypt with);" + " default: $"
                    + PgpKeyring.KEYRING_VARIABLE + ".")
    @Nullable
    Path pgpKeyring;

    /** A {@link Sops} that wraps data keys for recipients but holds no age identity. */
    Sops encrypting(SopsEnvironment environment) {
        return Sops.builder()
                .keySource(AgeKeys.encryptOnly())
                .keySource(pgp(environment))
                .build();
    }

    /** A {@link Sops} holding every identity found in the environment. */
    Sops decrypting(SopsEnvironment environment) {
        return Sops.builder()
                .keySource(AgeKeys.fromEnvironment(environment.variables(), environment.home()))
                .keySource(pgp(environment))
                .build();
    }

    private KeySource pgp(SopsEnvironment environment) {
        return PgpKeys.source(PgpKeyring.locate(pgpKeyring, environment.variables()), Clock.systemUTC());
    }
}

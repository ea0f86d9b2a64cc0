package dev.countersign.sops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.sops.spi.KeyEntry;
import dev.countersign.sops.spi.KeySource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the examples of docs/sops-keys.md (with an injected environment), so they stay true. */
class SopsKeysDocsTest {
    private final byte[] dataKey = new byte[32];

    @TempDir
    Path home;

    @Test
    void ageExampleRoundTrips() throws IOException {
        Path keys = home.resolve(".config/sops/age/keys.txt");
        Files.createDirectories(keys.getParent());
        Files.copy(Vectors.file("sops-age/key.txt"), keys);
        Map<String, String> environment = Map.of();

        KeySource age = AgeKeys.fromEnvironment(environment, home);
        KeyEntry entry = age.wrap(dataKey, "age1je6kjhzuhdjy3fqptpttxjh5k8q46vygzlgtpuq3030c947pc5tqz9dqvr");
        Optional<byte[]> unwrapped = age.unwrap(entry);

        assertThat(unwrapped).hasValueSatisfying(key -> assertThat(key).isEqualTo(dataKey));
    }

    @Test
    void pgpExampleRoundTrips() {
        PgpTestKeys team = PgpTestKeys.generate("Team <team@example.org>", null, new SecureRandom());
        Path keyringOption = null;
        Map<String, String> environment = Map.of(
                "COUNTERSIGN_PGP_KEYRING",
                Vectors.file("getsops-sops/pgp/sops_functional_tests_key.asc").toString());

        PgpKeyring keyring = PgpKeyring.parse(team.armoredPublic(), "team.pub.asc")
                .plus(PgpKeyring.locate(keyringOption, environment));
        KeySource pgp = PgpKeys.source(keyring, Clock.systemUTC());
        KeyEntry entry = pgp.wrap(dataKey, "FBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4");

        assertThat(keyring.fingerprints()).contains(team.fingerprint());
        assertThat(pgp.unwrap(entry)).hasValueSatisfying(key -> assertThat(key).isEqualTo(dataKey));
    }

    @Test
    void shamirSharesAreWrappedLikeDataKeys() {
        SecureRandom random = new SecureRandom();
        AgeIdentity first = AgeIdentity.generate(random);
        AgeIdentity second = AgeIdentity.generate(random);
        random.nextBytes(dataKey);

        List<byte[]> shares = dev.countersign.sops.internal.keys.Shamir.split(dataKey, 2, 2, random);
        KeyEntry one = AgeKeys.encryptOnly().wrap(shares.get(0), first.recipient());
        KeyEntry two = AgeKeys.encryptOnly().wrap(shares.get(1), second.recipient());
        byte[] recovered = dev.countersign.sops.internal.keys.Shamir.combine(List.of(
                AgeKeys.source(List.of(first)).unwrap(one).orElseThrow(),
                AgeKeys.source(List.of(second)).unwrap(two).orElseThrow()));

        assertThat(recovered).isEqualTo(dataKey);
    }
}

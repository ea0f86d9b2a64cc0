package dev.countersign.sops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.sops.spi.KeyEntry;
import dev.countersign.sops.spi.KeySource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Interop with the reference {@code age} CLI (Debian package {@code age}); fails if it is missing. */
class AgeCliIT {
    private final SecureRandom random = new SecureRandom();

    @TempDir
    Path dir;

    private byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    private Path keysFile(AgeIdentity identity) throws IOException {
        return Files.writeString(
                dir.resolve("keys.txt"),
                "# public key: " + identity.recipient() + "\n" + identity.revealSecretKey() + "\n");
    }

    @Test
    void ageDecryptsWhatWeWrapWithAKeyWeGenerated() throws IOException {
        AgeIdentity identity = AgeIdentity.generate(random);
        byte[] dataKey = randomBytes(32);
        String enc = AgeKeys.encryptOnly()
                .wrap(dataKey, identity.recipient())
                .field("enc")
                .orElseThrow();

        byte[] decrypted = Cli.succeed(
                List.of("age", "-d", "-i", keysFile(identity).toString()),
                enc.getBytes(StandardCharsets.US_ASCII),
                Map.of());

        assertThat(decrypted).isEqualTo(dataKey);
    }

    @Test
    void weUnwrapWhatAgeEncryptsArmored() throws IOException {
        AgeIdentity identity = AgeIdentity.generate(random);
        byte[] share = randomBytes(33);

        byte[] armored = Cli.succeed(List.of("age", "-r", identity.recipient(), "-a"), share, Map.of());
        KeyEntry entry = new KeyEntry(
                "age",
                Map.of("recipient", identity.recipient(), "enc", new String(armored, StandardCharsets.US_ASCII)));

        assertThat(AgeKeys.source(List.of(identity)).unwrap(entry))
                .hasValueSatisfying(key -> assertThat(key).isEqualTo(share));
    }

    @Test
    void weUnwrapAFileAgeEncryptedToSeveralRecipients() {
        AgeIdentity other = AgeIdentity.generate(random);
        AgeIdentity ours = AgeIdentity.generate(random);
        byte[] dataKey = randomBytes(32);

        byte[] armored =
                Cli.succeed(List.of("age", "-r", other.recipient(), "-r", ours.recipient(), "-a"), dataKey, Map.of());
        KeyEntry entry = new KeyEntry("age", Map.of("enc", new String(armored, StandardCharsets.US_ASCII)));

        assertThat(AgeKeys.source(List.of(ours)).unwrap(entry))
                .hasValueSatisfying(key -> assertThat(key).isEqualTo(dataKey));
    }

    @Test
    void loadsKeysMadeByAgeKeygen() throws IOException {
        Path keys = dir.resolve("generated.txt");
        Cli.succeed(List.of("age-keygen", "-o", keys.toString()), new byte[0], Map.of());
        String recipient = new String(
                        Cli.succeed(List.of("age-keygen", "-y", keys.toString()), new byte[0], Map.of()),
                        StandardCharsets.US_ASCII)
                .strip();

        List<AgeIdentity> loaded = AgeIdentities.load(Map.of("SOPS_AGE_KEY_FILE", keys.toString()), dir);

        assertThat(loaded).extracting(AgeIdentity::recipient).containsExactly(recipient);
    }

    @Test
    void ageKeygenDerivesTheSameRecipientFromOurKey() throws IOException {
        AgeIdentity identity = AgeIdentity.generate(random);

        String recipient = new String(
                        Cli.succeed(
                                List.of("age-keygen", "-y", keysFile(identity).toString()), new byte[0], Map.of()),
                        StandardCharsets.US_ASCII)
                .strip();

        assertThat(recipient).isEqualTo(identity.recipient());
    }

    @Test
    void roundTripsThroughAgeWithTheVectorKeys() {
        KeySource source = AgeKeys.source(AgeIdentities.read(Vectors.file("sops-age/key.txt")));
        byte[] dataKey = randomBytes(32);
        KeyEntry ours = source.wrap(dataKey, "age1je6kjhzuhdjy3fqptpttxjh5k8q46vygzlgtpuq3030c947pc5tqz9dqvr");

        byte[] decrypted = Cli.succeed(
                List.of("age", "-d", "-i", Vectors.file("sops-age/key.txt").toString()),
                ours.field("enc").orElseThrow().getBytes(StandardCharsets.US_ASCII),
                Map.of());

        assertThat(decrypted).isEqualTo(dataKey);
    }
}

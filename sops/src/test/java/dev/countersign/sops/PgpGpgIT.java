package dev.countersign.sops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.sops.spi.KeyEntry;
import dev.countersign.sops.spi.KeySource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Interop with GnuPG in a temporary GNUPGHOME; fails if {@code gpg} is missing. */
class PgpGpgIT {
    private static final String SOPS_KEY = "getsops-sops/pgp/sops_functional_tests_key.asc";
    private static final String SOPS_FP = "FBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4";

    private final SecureRandom random = new SecureRandom();

    @TempDir
    Path dir;

    private Path home;

    @BeforeEach
    void createGnupgHome() throws IOException {
        home = Files.createDirectory(
                dir.resolve("gnupg"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    private List<String> gpgCommand(String... args) {
        List<String> command = new ArrayList<>(List.of("gpg", "--batch", "--no-tty", "--homedir", home.toString()));
        command.addAll(List.of(args));
        return command;
    }

    private Map<String, String> gpgEnvironment() {
        return Map.of("GNUPGHOME", home.toString());
    }

    private byte[] gpg(byte[] stdin, String... args) {
        return Cli.succeed(gpgCommand(args), stdin, gpgEnvironment());
    }

    private String gpgText(String... args) {
        return new String(gpg(new byte[0], args), StandardCharsets.UTF_8);
    }

    private void importKey(String armored) {
        gpg(armored.getBytes(StandardCharsets.US_ASCII), "--import");
    }

    private byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    private KeySource source(PgpKeyring keyring) {
        return PgpKeys.source(keyring, Clock.systemUTC(), random);
    }

    @Test
    void gpgDecryptsWhatWeWrapForABouncyCastleKey() {
        PgpTestKeys keys = PgpTestKeys.generate("Carol <carol@example.org>", null, random);
        importKey(keys.armoredSecret());
        byte[] dataKey = randomBytes(32);

        String enc = source(PgpKeyring.parse(keys.armoredPublic(), "carol.pub"))
                .wrap(dataKey, keys.fingerprint())
                .field("enc")
                .orElseThrow();

        assertThat(gpg(enc.getBytes(StandardCharsets.US_ASCII), "-d")).isEqualTo(dataKey);
    }

    @Test
    void writesThePacketsSopsWrites() {
        PgpTestKeys keys = PgpTestKeys.generate("Dave <dave@example.org>", null, random);
        importKey(keys.armoredSecret());
        byte[] enc = source(PgpKeyring.parse(keys.armoredPublic(), "dave.pub"))
                .wrap(randomBytes(32), keys.fingerprint())
                .field("enc")
                .orElseThrow()
                .getBytes(StandardCharsets.US_ASCII);

        String packets = new String(gpg(enc, "--list-packets", "--show-session-key"), StandardCharsets.UTF_8);

        assertThat(packets)
                .contains(":pubkey enc packet: version 3")
                .contains("mdc_method: 2")
                .contains(":literal data packet:")
                .contains("mode b (62), created 0, name=\"\",")
                .contains("raw data: 32 bytes");
        assertThat(new String(gpg(enc, "-d", "--show-session-key"), StandardCharsets.ISO_8859_1))
                .isNotNull();
    }

    @Test
    void weUnwrapWhatGpgEncrypts() {
        PgpTestKeys keys = PgpTestKeys.generate("Erin <erin@example.org>", null, random);
        importKey(keys.armoredPublic());
        byte[] dataKey = randomBytes(33);

        byte[] enc = gpg(dataKey, "--trust-model", "always", "--encrypt", "-a", "-r", keys.fingerprint());
        KeyEntry entry = new KeyEntry(
                "pgp", Map.of("enc", new String(enc, StandardCharsets.US_ASCII), "fp", keys.fingerprint()));

        assertThat(source(PgpKeyring.parse(keys.armoredSecret(), "erin")).unwrap(entry))
                .hasValueSatisfying(key -> assertThat(key).isEqualTo(dataKey));
    }

    @Test
    void weUnwrapAMessageGpgEncryptedToAHiddenRecipient() {
        PgpTestKeys other = PgpTestKeys.generate("Grace <grace@example.org>", null, random);
        PgpTestKeys ours = PgpTestKeys.generate("Heidi <heidi@example.org>", null, random);
        importKey(other.armoredPublic());
        importKey(ours.armoredPublic());
        byte[] dataKey = randomBytes(32);

        byte[] enc = gpg(
                dataKey,
                "--trust-model",
                "always",
                "--throw-keyids",
                "--encrypt",
                "-a",
                "-r",
                other.fingerprint(),
                "-r",
                ours.fingerprint());
        KeyEntry entry = new KeyEntry("pgp", Map.of("enc", new String(enc, StandardCharsets.US_ASCII)));

        assertThat(source(PgpKeyring.parse(ours.armoredSecret(), "heidi")).unwrap(entry))
                .hasValueSatisfying(key -> assertThat(key).isEqualTo(dataKey));
    }

    @Test
    void gpgDecryptsWhatWeWrapForTheVectorKey() {
        importKey(Vectors.read(Vectors.file(SOPS_KEY)));
        byte[] dataKey = randomBytes(32);

        String enc = source(PgpKeyring.read(List.of(Vectors.file(SOPS_KEY))))
                .wrap(dataKey, SOPS_FP)
                .field("enc")
                .orElseThrow();

        assertThat(gpg(enc.getBytes(StandardCharsets.US_ASCII), "-d")).isEqualTo(dataKey);
    }

    @Test
    void roundTripsBothWaysWithACurve25519KeyMadeByGpg() {
        gpgText("--passphrase", "", "--quick-gen-key", "Frank <frank@example.org>", "ed25519", "cert", "never");
        String fingerprint = gpgText("--with-colons", "--list-secret-keys")
                .lines()
                .filter(line -> line.startsWith("fpr:"))
                .findFirst()
                .orElseThrow()
                .split(":")[9];
        gpgText("--passphrase", "", "--quick-add-key", fingerprint, "cv25519", "encr", "never");
        String secret = gpgText("--export-secret-keys", "-a", "--pinentry-mode", "loopback", "--passphrase", "");
        KeySource source = source(PgpKeyring.parse(secret, "frank"));
        byte[] dataKey = randomBytes(32);

        KeyEntry ours = source.wrap(dataKey, fingerprint);
        byte[] theirs = gpg(dataKey, "--trust-model", "always", "--encrypt", "-a", "-r", fingerprint);

        assertThat(gpg(ours.field("enc").orElseThrow().getBytes(StandardCharsets.US_ASCII), "-d"))
                .isEqualTo(dataKey);
        assertThat(source.unwrap(new KeyEntry(
                        "pgp", Map.of("enc", new String(theirs, StandardCharsets.US_ASCII), "fp", fingerprint))))
                .hasValueSatisfying(key -> assertThat(key).isEqualTo(dataKey));
    }
}

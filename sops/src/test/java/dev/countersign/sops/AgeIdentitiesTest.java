package dev.countersign.sops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgeIdentitiesTest {
    private final SecureRandom random = new SecureRandom();

    @TempDir
    Path home;

    private final AgeIdentity first = AgeIdentity.generate(random);
    private final AgeIdentity second = AgeIdentity.generate(random);
    private final AgeIdentity third = AgeIdentity.generate(random);

    private Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private String keysFile(AgeIdentity... identities) {
        StringBuilder text = new StringBuilder();
        for (AgeIdentity identity : identities) {
            text.append("# created: 2026-11-24T00:00:00Z\n# public key: ")
                    .append(identity.recipient())
                    .append('\n')
                    .append(identity.revealSecretKey())
                    .append("\n\n");
        }
        return text.toString();
    }

    @Nested
    class Environment {
        @Test
        void readsSeveralKeysFromSopsAgeKeyByLineAndBySpace() {
            String value = first.revealSecretKey() + " " + second.revealSecretKey() + "\n# comment\n\n"
                    + third.revealSecretKey() + "\n";

            List<AgeIdentity> loaded = AgeIdentities.load(Map.of("SOPS_AGE_KEY", value), home);

            assertThat(loaded).containsExactly(first, second, third);
        }

        @Test
        void readsTheFileNamedBySopsAgeKeyFile() throws IOException {
            Path file = write(home.resolve("elsewhere/keys.txt"), keysFile(first));

            assertThat(AgeIdentities.load(Map.of("SOPS_AGE_KEY_FILE", file.toString()), home))
                    .containsExactly(first);
        }

        @Test
        void failsWhenSopsAgeKeyFileIsMissingNamingIt() {
            Path missing = home.resolve("missing.txt");

            assertThatThrownBy(() -> AgeIdentities.load(Map.of("SOPS_AGE_KEY_FILE", missing.toString()), home))
                    .isInstanceOf(KeyFileException.class)
                    .hasMessageContaining(missing.toString());
        }

        @Test
        void combinesAllSourcesInSopsOrder() throws IOException {
            Path file = write(home.resolve("k.txt"), keysFile(second));
            write(home.resolve(".config/sops/age/keys.txt"), keysFile(third));
            Map<String, String> env =
                    Map.of("SOPS_AGE_KEY", first.revealSecretKey(), "SOPS_AGE_KEY_FILE", file.toString());

            assertThat(AgeIdentities.load(env, home)).containsExactly(first, second, third);
        }
    }

    @Nested
    class DefaultKeysFile {
        @Test
        void usesDotConfigUnderHomeWithoutXdgConfigHome() throws IOException {
            write(home.resolve(".config/sops/age/keys.txt"), keysFile(first, second));

            assertThat(AgeIdentities.load(Map.of(), home)).containsExactly(first, second);
        }

        @Test
        void prefersXdgConfigHome() throws IOException {
            Path config = home.resolve("xdg");
            write(config.resolve("sops/age/keys.txt"), keysFile(second));
            write(home.resolve(".config/sops/age/keys.txt"), keysFile(first));

            assertThat(AgeIdentities.load(Map.of("XDG_CONFIG_HOME", config.toString()), home))
                    .containsExactly(second);
        }

        @Test
        void treatsAnEmptyXdgConfigHomeAsUnset() {
            assertThat(AgeIdentities.defaultKeysFile(Map.of("XDG_CONFIG_HOME", ""), home))
                    .isEqualTo(home.resolve(".config/sops/age/keys.txt"));
        }

        @Test
        void rejectsARelativeXdgConfigHome() {
            assertThatThrownBy(() -> AgeIdentities.load(Map.of("XDG_CONFIG_HOME", "relative/dir"), home))
                    .isInstanceOf(KeyFileException.class)
                    .hasMessageContaining("relative/dir")
                    .hasMessageContaining("absolute");
        }

        @Test
        void findsNothingWhenNoSourceExists() {
            assertThat(AgeIdentities.load(Map.of(), home)).isEmpty();
        }
    }

    @Nested
    class KeysFileSyntax {
        @Test
        void ignoresCommentsBlankLinesAndCarriageReturns() {
            String text = "# a comment\r\n\r\n   \r\n" + first.revealSecretKey() + "\r\n";

            assertThat(AgeIdentities.parse(text, "test")).containsExactly(first);
        }

        @Test
        void namesTheLineOfABadKeyWithoutEchoingIt() throws IOException {
            String secret = first.revealSecretKey();
            String bad = secret.substring(0, 30) + "x" + secret.substring(31);
            Path file = write(home.resolve("keys.txt"), "# header\n" + second.revealSecretKey() + "\n" + bad + "\n");

            assertThatThrownBy(() -> AgeIdentities.read(file))
                    .isInstanceOf(MalformedKeyException.class)
                    .hasMessageContaining(file + " line 3")
                    .hasMessageNotContaining(bad)
                    .hasMessageNotContaining(secret.substring(16, 40))
                    .hasMessageNotContaining(second.revealSecretKey().substring(16, 40));
        }

        @Test
        void rejectsSeveralKeysOnOneLineOfAFile() {
            String text = first.revealSecretKey() + " " + second.revealSecretKey();

            assertThatThrownBy(() -> AgeIdentities.parse(text, "keys.txt"))
                    .isInstanceOf(MalformedKeyException.class)
                    .hasMessageContaining("keys.txt line 1");
        }

        @Test
        void refusesAPassphraseEncryptedKeysFile() throws IOException {
            Path file = write(home.resolve("keys.age"), "-----BEGIN AGE ENCRYPTED FILE-----\nYWdl\n");

            assertThatThrownBy(() -> AgeIdentities.read(file))
                    .isInstanceOf(ProtectedKeyException.class)
                    .hasMessageContaining(file.toString());
        }

        @Test
        void loadsTheKeysFilesOfTheVectors() {
            assertThat(AgeIdentities.read(Vectors.file("getsops-sops-history/age/keys.txt")))
                    .extracting(AgeIdentity::recipient)
                    .containsExactly("age1yt3tfqlfrwdwx0z0ynwplcr6qxcxfaqycuprpmy89nr83ltx74tqdpszlw");
        }
    }
}

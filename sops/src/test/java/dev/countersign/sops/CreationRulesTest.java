package dev.countersign.sops;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CreationRulesTest {
    private static final String CONFIG = """
            creation_rules:
                - path_regex: prod/.*\\.yaml$
                  encrypted_regex: ^(data|stringData)$
                  key_groups:
                      - age:
                            - age1alice
                      - age:
                            - age1bob
                        pgp:
                            - FBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4
                  shamir_threshold: 2
                - path_regex: \\.env$
                  age: age1alice, age1carol
                  mac_only_encrypted: true
                - age: age1fallback
            """;

    @TempDir
    Path root;

    private CreationRules rules() {
        return CreationRules.parse(root, CONFIG.getBytes(UTF_8));
    }

    @Nested
    class Matching {
        @Test
        void theFirstMatchingRuleWins() {
            EncryptOptions options =
                    rules().optionsFor(root.resolve("prod/app.yaml")).orElseThrow();
            assertThat(options.rule()).isEqualTo(EncryptionRule.of("encrypted_regex", "^(data|stringData)$"));
            assertThat(options.keyGroups().groups())
                    .containsExactly(
                            List.of(Recipient.age("age1alice")),
                            List.of(
                                    Recipient.age("age1bob"),
                                    Recipient.pgp("FBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4")));
            assertThat(options.keyGroups().threshold()).isEqualTo(2);
        }

        @Test
        void commaSeparatedRecipientsAreSplit() {
            EncryptOptions options =
                    rules().optionsFor(root.resolve("app/.env")).orElseThrow();
            assertThat(options.keyGroups().groups().get(0))
                    .containsExactly(Recipient.age("age1alice"), Recipient.age("age1carol"));
            assertThat(options.macOnlyEncrypted()).isTrue();
        }

        @Test
        void aRuleWithoutPathRegexMatchesEverything() {
            assertThat(rules().optionsFor(root.resolve("other.json"))
                            .orElseThrow()
                            .keyGroups()
                            .groups())
                    .containsExactly(List.of(Recipient.age("age1fallback")));
        }

        @Test
        void findsTheConfigUpwardFromTheFile() throws IOException {
            Files.writeString(root.resolve(".sops.yaml"), CONFIG);
            Path file = Files.createDirectories(root.resolve("prod/deep")).resolve("x.yaml");
            assertThat(CreationRules.find(file)).contains(root.resolve(".sops.yaml"));
            assertThat(CreationRules.forFile(root.resolve("prod/app.yaml"))
                            .orElseThrow()
                            .keyGroups()
                            .threshold())
                    .isEqualTo(2);
        }
    }

    @Nested
    class Refusing {
        @Test
        void aConfigWithoutRules() {
            assertThatThrownBy(() -> CreationRules.parse(root, "stores: {}\n".getBytes(UTF_8)))
                    .isInstanceOf(MalformedFileException.class)
                    .hasMessageContaining("creation_rules");
        }

        @Test
        void twoEncryptionRulesInOneCreationRule() {
            String config =
                    "creation_rules:\n    - age: age1x\n      encrypted_regex: a\n      unencrypted_suffix: b\n";
            assertThatThrownBy(() -> CreationRules.parse(root, config.getBytes(UTF_8)))
                    .isInstanceOf(MalformedFileException.class)
                    .hasMessageContaining("creation_rules[0]");
        }

        @Test
        void aRuleWithoutRecipients() {
            assertThatThrownBy(
                            () -> CreationRules.parse(root, "creation_rules:\n    - path_regex: x\n".getBytes(UTF_8)))
                    .isInstanceOf(MalformedFileException.class)
                    .hasMessageContaining("no recipients");
        }
    }
}

package dev.countersign.sops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EncryptionRuleTest {
    private static final List<String> NONE = List.of();

    @Nested
    class KeyRules {
        @Test
        void unencryptedSuffixOnAnyAncestorKeepsTheSubtreePlain() {
            EncryptionRule rule = EncryptionRule.DEFAULT;
            assertThat(rule.encrypts(List.of("a", "b"), NONE, false, "")).isTrue();
            assertThat(rule.encrypts(List.of("a_unencrypted", "b"), NONE, false, ""))
                    .isFalse();
        }

        @Test
        void encryptedSuffixEncryptsOnlyMatchingPaths() {
            EncryptionRule rule = EncryptionRule.of("encrypted_suffix", "_secret");
            assertThat(rule.encrypts(List.of("db_secret", "x"), NONE, false, ""))
                    .isTrue();
            assertThat(rule.encrypts(List.of("db", "x"), NONE, false, "")).isFalse();
        }

        @Test
        void regexesAreFoundUnanchoredInEachKey() {
            EncryptionRule only = EncryptionRule.of("encrypted_regex", "^(data|stringData)$");
            assertThat(only.encrypts(List.of("data", "password"), NONE, false, ""))
                    .isTrue();
            assertThat(only.encrypts(List.of("metadata", "name"), NONE, false, ""))
                    .isFalse();
            EncryptionRule not = EncryptionRule.of("unencrypted_regex", "pub");
            assertThat(not.encrypts(List.of("a", "public_key"), NONE, false, ""))
                    .isFalse();
        }
    }

    @Nested
    class CommentRules {
        @Test
        void encryptedCommentRegexEncryptsValuesBelowAMatchingCommentButNotTheMarker() {
            EncryptionRule rule = EncryptionRule.of("encrypted_comment_regex", "sops:enc");
            assertThat(rule.encrypts(List.of("k"), List.of(" sops:enc"), false, ""))
                    .isTrue();
            assertThat(rule.encrypts(List.of("k"), NONE, false, "")).isFalse();
            assertThat(rule.encrypts(List.of(), List.of(" sops:enc"), true, " sops:enc"))
                    .isFalse();
        }

        @Test
        void unencryptedCommentRegexKeepsValuesBelowAMatchingCommentPlain() {
            EncryptionRule rule = EncryptionRule.of("unencrypted_comment_regex", "plain");
            assertThat(rule.encrypts(List.of("k"), List.of(" keep plain"), false, ""))
                    .isFalse();
            assertThat(rule.encrypts(List.of("k"), List.of(" other"), false, ""))
                    .isTrue();
        }
    }

    @Test
    void rejectsUnknownRulesAndBadRegexesNamingThem() {
        assertThatThrownBy(() -> EncryptionRule.of("encrypted_prefix", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("encrypted_prefix");
        assertThatThrownBy(() -> EncryptionRule.of("encrypted_regex", "(unclosed"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'(unclosed'");
    }
}

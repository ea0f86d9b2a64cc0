package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsTest {
    @Test
    void readsAFlatMapOfScalarsAsText() {
        Secrets secrets = Secrets.parse("api_token: s3cr3t-tok\nport: 5432\nenabled: true\n", "secrets.yaml");

        assertThat(secrets.reveal()).isEqualTo(Map.of("api_token", "s3cr3t-tok", "enabled", "true", "port", "5432"));
        assertThat(secrets.names()).containsExactly("api_token", "enabled", "port");
    }

    @Test
    void readsAnEmptyFileAsNoSecrets() {
        assertThat(Secrets.parse("", "empty.yaml").isEmpty()).isTrue();
    }

    @Test
    void neverShowsAValueInToString() {
        assertThat(Secrets.of(Map.of("api_token", "s3cr3t-tok")).toString())
                .isEqualTo("Secrets[api_token]")
                .doesNotContain("s3cr3t");
    }

    @Test
    void refusesANestedValueNamingOnlyTheKey() {
        assertThatThrownBy(() -> Secrets.parse("db: {password: s3cr3t-pw}\n", "secrets.yaml"))
                .isInstanceOf(InvalidProposalException.class)
                .hasMessageContaining("'db'")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void refusesAKeyThatIsNoVariableName() {
        assertThatThrownBy(() -> Secrets.parse("\"s3cr3t key\": x\n", "secrets.yaml"))
                .isInstanceOf(InvalidProposalException.class)
                .hasMessageContaining("not a variable name")
                .hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() -> Secrets.of(Map.of("a-b", "x")))
                .isInstanceOf(InvalidProposalException.class)
                .hasMessageContaining("'a-b'");
    }

    @Test
    void reportsBrokenYamlByPositionWithoutQuotingIt() {
        assertThatThrownBy(() -> Secrets.parse("token: \"s3cr3t-unterminated\n", "secrets.yaml"))
                .isInstanceOf(InvalidProposalException.class)
                .hasMessageContaining("secrets.yaml is not valid YAML at line")
                .hasMessageNotContaining("s3cr3t")
                .hasNoCause();
    }

    @Test
    void refusesAListAsTheDocument() {
        assertThatThrownBy(() -> Secrets.parse("- s3cr3t\n", "secrets.yaml"))
                .isInstanceOf(InvalidProposalException.class)
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void comparesByContent() {
        assertThat(Secrets.of(Map.of("a", "1"))).isEqualTo(Secrets.of(Map.of("a", "1")));
        assertThat(Secrets.of(Map.of("a", "1"))).isNotEqualTo(Secrets.of(Map.of("a", "2")));
    }
}

package dev.countersign.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hostile policies (issue 23) are refused with typed errors that echo at most a short prefix. */
class HostileInputTest {

    @Test
    void rejectsHugeExponentQuickly() {
        String policy = Fixtures.POLICY.replace("{required: 1,", "{required: 1e999999,");

        assertTimeoutPreemptively(
                Duration.ofSeconds(5),
                () -> assertThatThrownBy(() -> Policy.parse(policy))
                        .isInstanceOf(InvalidPolicyException.class)
                        .hasMessageContaining("whole number"));
    }

    @Test
    void rejectsNanAndInfinityNamingTheField() {
        for (String number : List.of(".nan", ".inf", "-.inf")) {
            String policy = Fixtures.POLICY.replace("{required: 1,", "{required: " + number + ",");

            assertThatThrownBy(() -> Policy.parse(policy))
                    .as(number)
                    .isInstanceOf(InvalidPolicyException.class)
                    .hasMessageContaining("required")
                    .hasMessageContaining("whole number");
        }
    }

    @Test
    void quotesNoLineOfTheDocumentInAParseError() {
        String policy = Fixtures.POLICY.replace("viewer:   [read]", "r".repeat(4096) + "TAIL: [read]");

        assertThatThrownBy(() -> Policy.parse(policy))
                .isInstanceOf(InvalidPolicyException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300).doesNotContain("TAIL"));
    }

    @Test
    void quotesOnlyAPrefixOfAHugeName() {
        String name = "r".repeat(512 * 1024) + "TAIL";
        String policy = Fixtures.POLICY.replace("environments: [production]", "environments: [" + name + "]");

        assertThatThrownBy(() -> Policy.parse(policy))
                .isInstanceOf(InvalidPolicyException.class)
                .satisfies(e -> assertThat(e.getMessage())
                        .hasSizeLessThan(400)
                        .contains("r".repeat(Excerpt.LIMIT))
                        .doesNotContain("r".repeat(Excerpt.LIMIT + 1))
                        .doesNotContain("TAIL"));
    }
}

package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules of an insight and of its file, each broken once, naming the field. */
class InsightTest {
    private static final Insight.Evidence MEMORY =
            new Insight.Evidence("node_memory_working_set_ratio", Duration.ofHours(6), List.of(0.71, 0.78, 0.86));

    @Nested
    class Values {
        @Test
        void keepsAValidInsightAndStripsItsSummary() {
            Insight insight = Insight.of("  add a node  ", List.of(MEMORY), 0.8);

            assertThat(insight.summary()).isEqualTo("add a node");
            assertThat(insight.evidence()).containsExactly(MEMORY);
        }

        @ParameterizedTest
        @CsvSource({"-0.01", "1.01", "NaN", "Infinity"})
        void refusesAConfidenceOutsideZeroToOne(double confidence) {
            assertThatThrownBy(() -> Insight.of("add a node", List.of(MEMORY), confidence))
                    .isInstanceOfSatisfying(InvalidInsightException.class, e -> {
                        assertThat(e.field()).isEqualTo("confidence");
                        assertThat(e.rule()).isEqualTo("must be a number from 0 to 1");
                    });
        }

        @Test
        void acceptsTheBoundsOfConfidence() {
            assertThat(Insight.of("a", List.of(MEMORY), 0).confidence()).isZero();
            assertThat(Insight.of("a", List.of(MEMORY), 1).confidence()).isEqualTo(1);
        }

        @Test
        void refusesABlankMultiLineOrLongSummary() {
            assertField(() -> Insight.of(" ", List.of(MEMORY), 0.5), "summary", "must not be blank");
            assertField(
                    () -> Insight.of("a\nb", List.of(MEMORY), 0.5),
                    "summary",
                    "must be one line without control characters");
            assertField(
                    () -> Insight.of("x".repeat(Insight.MAX_SUMMARY + 1), List.of(MEMORY), 0.5),
                    "summary",
                    "has 501 characters: at most 500");
            assertThat(Insight.of("x".repeat(Insight.MAX_SUMMARY), List.of(MEMORY), 0.5)
                            .summary())
                    .hasSize(Insight.MAX_SUMMARY);
        }

        @Test
        void refusesNoEvidenceOrTooMuch() {
            assertField(() -> Insight.of("a", List.of(), 0.5), "evidence", "has 0 entries: must have 1 to 20");
            assertField(
                    () -> Insight.of("a", Collections.nCopies(Insight.MAX_EVIDENCE + 1, MEMORY), 0.5),
                    "evidence",
                    "has 21 entries: must have 1 to 20");
        }

        @Test
        void refusesABadPieceOfEvidence() {
            assertField(() -> new Insight.Evidence("m", Duration.ZERO, List.of(1.0)), "window", null);
            assertField(() -> new Insight.Evidence("m", Duration.ofDays(367), List.of(1.0)), "window", null);
            assertField(() -> new Insight.Evidence("m", Duration.ofHours(-1), List.of(1.0)), "window", null);
            assertField(() -> new Insight.Evidence("m", Duration.ofHours(1), List.of()), "values", null);
            assertField(
                    () -> new Insight.Evidence("m", Duration.ofHours(1), List.of(1.0, Double.NaN)),
                    "values[1]",
                    "must be a finite number");
            assertField(() -> new Insight.Evidence("", Duration.ofHours(1), List.of(1.0)), "metric", null);
        }
    }

    @Nested
    class Windows {
        @ParameterizedTest
        @CsvSource({
            "90s, PT1M30S, 90s",
            "30m, PT30M, 30m",
            "6h, PT6H, 6h",
            "7d, PT168H, 1w",
            "2w, PT336H, 2w",
            "PT6H, PT6H, 6h",
            "pt45m, PT45M, 45m",
            "PT0.5S, PT0.5S, PT0.5S"
        })
        void readsAndWritesAWindow(String written, String duration, String shown) {
            Insight.Evidence evidence = evidence(written);

            assertThat(evidence.window()).isEqualTo(Duration.parse(duration));
            assertThat(evidence.windowText()).isEqualTo(shown);
            assertThat(evidence(shown).window()).isEqualTo(evidence.window());
        }

        @ParameterizedTest
        @CsvSource({"6x", "0h", "-1h", "h", "six hours"})
        void refusesAWindowItCannotRead(String written) {
            assertThatThrownBy(() -> evidence(written))
                    .isInstanceOfSatisfying(
                            InvalidInsightException.class,
                            e -> assertThat(e.field()).isEqualTo("evidence[0].window"));
        }

        private Insight.Evidence evidence(String window) {
            return Insight.parse("""
                            summary: s
                            confidence: 0.5
                            evidence: [{metric: m, window: "%s", values: [1]}]
                            """.formatted(window), "insight.yaml")
                    .evidence()
                    .get(0);
        }
    }

    @Nested
    class Files {
        @Test
        void readsAYamlFile() {
            Insight insight = Insight.parse("""
                    summary: add a node because memory pressure is climbing
                    confidence: 0.8
                    evidence:
                      - metric: node_memory_working_set_ratio
                        window: 6h
                        values: [0.71, 0.78, 0.86]
                    """, "insight.yaml");

            assertThat(insight)
                    .isEqualTo(Insight.of("add a node because memory pressure is climbing", List.of(MEMORY), 0.8));
        }

        @Test
        void readsAJsonFile() {
            Insight insight = Insight.parse(
                    "{\"summary\": \"add a node\", \"confidence\": 1, \"evidence\": [{\"metric\":"
                            + " \"node_memory_working_set_ratio\", \"window\": \"PT6H\", \"values\": [0.71, 0.78, 0.86]}]}",
                    "insight.json");

            assertThat(insight).isEqualTo(Insight.of("add a node", List.of(MEMORY), 1));
        }

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "[]                                                       | insight file f.yaml",
                    "{summary: s, confidence: 0.5, evidence: [], extra: 1}    | insight file f.yaml",
                    "{summary: 1, confidence: 0.5, evidence: [{metric: m, window: 1h, values: [1]}]} | summary",
                    "{summary: s, confidence: high, evidence: [{metric: m, window: 1h, values: [1]}]} | confidence",
                    "{summary: s, confidence: 0.5, evidence: {metric: m}}     | evidence",
                    "{summary: s, confidence: 0.5, evidence: [{metric: m, window: 1h, values: [one]}]} | evidence[0].values[0]",
                    "{summary: s, confidence: 0.5, evidence: [{metric: m, window: 1h, values: 1}]} | evidence[0].values",
                    "{summary: s, confidence: 0.5, evidence: [{metric: m, window: 1h, values: [.nan]}]} | evidence[0].values[0]",
                    "{summary: s, confidence: 0.5, evidence: [{metric: m, window: 1h, values: [], x: 1}]} | evidence[0]",
                    "{summary: s, confidence: 0.5, evidence: [{metric: ' ', window: 1h, values: [1]}]} | evidence[0].metric",
                    "{summary: s, confidence: 0.5, evidence: [{metric: m, window: 1h, values: []}]} | evidence[0].values",
                    "{summary: s                                              | insight file f.yaml"
                })
        void namesTheFieldAFileBreaks(String yaml, String field) {
            assertThatThrownBy(() -> Insight.parse(yaml, "f.yaml"))
                    .isInstanceOfSatisfying(
                            InvalidInsightException.class,
                            e -> assertThat(e.field()).isEqualTo(field));
        }

        @Test
        void quotesNoValueOfTheFileInItsErrors() {
            assertThatThrownBy(() -> Insight.parse("{summary: s, confidence: 0.5, token: hunter2}", "f.yaml"))
                    .isInstanceOf(InvalidInsightException.class)
                    .hasMessageNotContaining("hunter2");
            assertThatThrownBy(() -> Insight.parse("{summary: s, confidence: hunter2, evidence: []}", "f.yaml"))
                    .hasMessageNotContaining("hunter2");
        }
    }

    private static void assertField(Runnable action, String field, String rule) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(InvalidInsightException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            if (rule != null) {
                assertThat(e.rule()).isEqualTo(rule);
                assertThat(e).hasMessage("invalid insight: " + field + " " + rule);
            }
        });
    }
}

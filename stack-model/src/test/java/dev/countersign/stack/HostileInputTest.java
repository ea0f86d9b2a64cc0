package dev.countersign.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hostile documents (issue 23) are refused with typed errors that name the pointer and echo little. */
class HostileInputTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(5);

    @Test
    void rejectsHugeExponentQuickly() {
        for (String number : List.of("1e999999", "1e99999", "-1e999999", "1e-999999", "1.5e309", "1E+2147483647")) {
            InvalidStackException error = assertTimeoutPreemptively(
                    HANG_GUARD, () -> catchInvalid(() -> StackFilesTest.minimal("{data: {a: " + number + "}}")));

            assertThat(error.pointer()).as(number).isEqualTo("/spec/components/0/helm/values/data/a");
            assertThat(error.getMessage()).as(number).contains("out of range");
        }
    }

    @Test
    void rejectsAnExponentBeyondTheIntRangeWithATypedError() {
        // found by fuzzing (StackReaderFuzzTest#environmentText): Jackson cannot build such a BigDecimal at all;
        // as a flow sequence item it reached Numbers.decimal and its NumberFormatException escaped
        for (String number : List.of("44E44444444444444444444", "1e-99999999999999999999")) {
            assertThatThrownBy(() -> StackFiles.parseEnvironment("[" + number + "]", "env.yaml"))
                    .as(number)
                    .isInstanceOf(InvalidStackException.class)
                    .hasMessageContaining("out of range");
            assertThatThrownBy(() -> StackFilesTest.minimal("{data: [" + number + "]}"))
                    .as(number)
                    .isInstanceOf(StackException.class);
        }
    }

    @Test
    void rejectsHugeExponentInJsonQuickly() {
        String json =
                StackFiles.toJson(StackFilesTest.minimal("{a: 1}").toTree()).replace(": 1\n", ": 1e999999\n");

        InvalidStackException error =
                assertTimeoutPreemptively(HANG_GUARD, () -> catchInvalid(() -> StackFiles.parse(json, "demo.json")));

        assertThat(error.pointer()).isEqualTo("/spec/components/0/helm/values/a");
    }

    @Test
    void rejectsIntegersBeyondInt64AndLongNumbers() {
        assertThat(catchInvalid(() -> StackFilesTest.minimal("{a: 9223372036854775808}"))
                        .getMessage())
                .contains("64-bit");
        assertThat(catchInvalid(() -> StackFilesTest.minimal("{a: 1." + "1".repeat(80) + "}"))
                        .getMessage())
                .contains("longer than");
    }

    @Test
    void keepsInt64ExtremesAndQuantities() {
        ComponentSource source = StackFilesTest.minimal(
                        "{max: 9223372036854775807, min: -9223372036854775808, q: 1.5e3, small: 2.5e-300, x: 0.1}")
                .component("web")
                .orElseThrow()
                .source();
        Map<String, Object> values = ((HelmSource) source).values();

        assertThat(values)
                .containsEntry("max", Long.MAX_VALUE)
                .containsEntry("min", Long.MIN_VALUE)
                .containsEntry("q", 1500L)
                .containsEntry("small", new BigDecimal("2.5e-300"))
                .containsEntry("x", new BigDecimal("0.1"));
    }

    @Test
    void rejectsNanAndInfinityNamingThePointer() {
        for (String number : List.of(".nan", ".inf", "-.inf")) {
            InvalidStackException error = catchInvalid(() -> StackFilesTest.minimal("{data: {a: " + number + "}}"));

            assertThat(error.pointer()).as(number).isEqualTo("/spec/components/0/helm/values/data/a");
            assertThat(error.getMessage()).as(number).contains("finite");
        }
    }

    @Test
    void quotesOnlyAPrefixOfAHugeName() {
        String name = "x".repeat(10 * 1024 * 1024) + "SECRET-TAIL";
        String json = StackFiles.toJson(StackFilesTest.minimal("{}").toTree()).replace("\"demo\"", "\"" + name + "\"");

        assertThatThrownBy(() -> StackFiles.parse(json, "demo.json"))
                .isInstanceOf(StackException.class)
                .satisfies(e -> assertThat(e.getMessage())
                        .hasSizeLessThan(300)
                        .contains("x".repeat(Excerpt.LIMIT))
                        .doesNotContain("x".repeat(Excerpt.LIMIT + 1))
                        .doesNotContain("SECRET-TAIL"));
    }

    @Test
    void quotesOnlyAPrefixOfAHugeKeyInThePointer() {
        String key = "k".repeat(40_000);

        InvalidStackException error = catchInvalid(() -> StackFiles.parse(
                StackFilesTest.MINIMAL.formatted("{}").replace("spec:\n", "spec:\n  variables: {" + key + ": .nan}\n"),
                "demo.yaml"));

        assertThat(error.pointer()).endsWith(key);
        assertThat(error.getMessage()).hasSizeLessThan(300).doesNotContain("k".repeat(Excerpt.LIMIT + 1));
    }

    private static InvalidStackException catchInvalid(Runnable parse) {
        try {
            parse.run();
        } catch (InvalidStackException e) {
            return e;
        }
        throw new AssertionError("expected an InvalidStackException");
    }
}

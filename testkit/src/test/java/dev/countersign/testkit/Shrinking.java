package dev.countersign.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.quicktheories.core.Gen;

/** Runs a property that fails, and returns every value QuickTheories tried, shrunk values included. */
final class Shrinking {
    private Shrinking() {}

    static <T> List<T> valuesTried(Gen<T> gen, Predicate<T> falseForSome) {
        List<T> seen = new ArrayList<>();
        assertThatThrownBy(() -> qt().withExamples(200)
                        .withShrinkCycles(200)
                        .forAll(gen)
                        .check(value -> {
                            seen.add(value);
                            return falseForSome.test(value);
                        }))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Property falsified");
        return seen;
    }
}

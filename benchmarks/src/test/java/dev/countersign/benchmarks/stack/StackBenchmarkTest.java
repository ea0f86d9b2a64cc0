package dev.countersign.benchmarks.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StackBenchmarkTest {
    static final StackBenchmark BENCHMARK = new StackBenchmark();

    @BeforeAll
    static void setUp() {
        BENCHMARK.setUp();
    }

    @Test
    void hashesTheSameWhetherParsedOrBuilt() {
        assertThat(BENCHMARK.parseAndHashTenMegabytes()).isEqualTo(BENCHMARK.hashTenMegabytes());
    }

    @Test
    void hashesAboutTenMegabytes() {
        assertThat(BENCHMARK.largeDocumentChars()).isGreaterThan(10_000_000);
        assertThat(BENCHMARK.floorJacksonJsonReadWriteSha256()).hasSize(32);
    }

    @Test
    void rendersEachEnvironmentDifferently() {
        var stack = StackFixtures.stack(50, 2);

        long distinct = StackFixtures.environments().stream()
                .map(environment -> stack.render(environment).stack().contentHash())
                .distinct()
                .count();

        assertThat(distinct).isEqualTo(3);
    }
}

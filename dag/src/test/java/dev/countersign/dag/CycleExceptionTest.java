package dev.countersign.dag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CycleExceptionTest {

    private static CycleException cycleIn(DagBuilder<String> builder) {
        return catchThrowableOfType(CycleException.class, builder::build);
    }

    @Nested
    class WithOneCycle {
        private final DagBuilder<String> builder = Dag.<String>builder()
                .nodes(List.of("a", "b", "c", "d"))
                .dependsOn("a", "b")
                .dependsOn("b", "c")
                .dependsOn("c", "a")
                .dependsOn("d", "a");

        @Test
        void namesTheCycleAsAPath() {
            assertThat(cycleIn(builder)).hasMessage("dependency cycle: a -> b -> c -> a");
        }

        @Test
        void carriesTheCycleStartingAtItsFirstNode() {
            assertThat(cycleIn(builder).cycle()).containsExactly("a", "b", "c", "a");
        }

        @Test
        void carriesTheComponentWithoutTheNodesBehindIt() {
            assertThat(cycleIn(builder).components()).containsExactly(Set.of("a", "b", "c"));
        }
    }

    @Nested
    class WithSeveralCycles {
        private final DagBuilder<String> builder = Dag.<String>builder()
                .nodes(List.of("a", "b", "c", "x", "y", "z"))
                .dependsOn("z", "y")
                .dependsOn("y", "z")
                .dependsOn("a", "b")
                .dependsOn("b", "c")
                .dependsOn("c", "a")
                .dependsOn("a", "c");

        @Test
        void picksAShortestCycleThroughTheFirstNode() {
            assertThat(cycleIn(builder).cycle()).containsExactly("a", "c", "a");
        }

        @Test
        void listsEveryCyclicComponentInTieBreakOrder() {
            assertThat(cycleIn(builder).components()).containsExactly(Set.of("a", "b", "c"), Set.of("y", "z"));
            assertThat(List.copyOf(cycleIn(builder).components().get(0))).containsExactly("a", "b", "c");
        }

        @Test
        void countsTheOtherComponentsInTheMessage() {
            assertThat(cycleIn(builder))
                    .hasMessage("dependency cycle: a -> c -> a (and 1 more cyclic component, see components())");
        }
    }

    @Test
    void isADagException() {
        CycleException e = cycleIn(Dag.<String>builder()
                .nodes(List.of("a", "b"))
                .dependsOn("a", "b")
                .dependsOn("b", "a"));

        assertThat(e).isInstanceOf(DagException.class).hasMessage("dependency cycle: a -> b -> a");
    }
}

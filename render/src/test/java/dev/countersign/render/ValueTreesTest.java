package dev.countersign.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueTreesTest {
    @Test
    void removesTheValueAPointerDesignatesFromACopy() {
        Map<String, Object> original = Map.of("a", Map.of("b/c", 1, "d", 2), "l", List.of("x", "y"));
        var copy = ValueTrees.mutableCopy(original);

        ValueTrees.remove(copy, "/a/b~1c");
        ValueTrees.remove(copy, "/l/0");

        assertThat(copy).isEqualTo(Map.of("a", Map.of("d", 2), "l", List.of("y")));
        assertThat(original).containsKey("a");
    }

    @Test
    void ignoresAPointerToNothing() {
        var copy = ValueTrees.mutableCopy(Map.of("a", List.of(1)));

        ValueTrees.remove(copy, "/missing/deep");
        ValueTrees.remove(copy, "/a/5");

        assertThat(copy).isEqualTo(Map.of("a", List.of(1)));
    }
}

package dev.countersign.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NullValueTest {
    @Test
    void replacesEveryExplicitNullByAJavaNullForDataBindingMappers() {
        Object tree = Map.of("a", NullValue.NULL, "b", List.of(1L, NullValue.NULL), "c", "text");

        @SuppressWarnings("unchecked")
        var copy = (Map<String, Object>) NullValue.toJavaNulls(tree);

        assertThat(copy).containsEntry("a", null).containsEntry("c", "text");
        assertThat(copy.get("b")).isEqualTo(Arrays.asList(1L, null));
    }

    @Test
    void isSpelledNull() {
        assertThat(NullValue.NULL).hasToString("null");
        assertThat(NullValue.toJavaNulls(NullValue.NULL)).isNull();
    }
}

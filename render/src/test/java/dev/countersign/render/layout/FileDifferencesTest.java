package dev.countersign.render.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FileDifferencesTest {
    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void findsNothingWhenTheFilesAreEqualByteForByte() {
        assertThat(FileDifferences.compare(Map.of("a.yaml", bytes("x")), Map.of("a.yaml", bytes("x"))))
                .isEmpty();
    }

    @Test
    void namesEachExtraMissingAndChangedPathInPathOrder() {
        Map<String, byte[]> expected = Map.of("b.yaml", bytes("b"), "c.yaml", bytes("c"), "d.yaml", bytes("d"));
        Map<String, byte[]> actual = Map.of("a.yaml", bytes("a"), "c.yaml", bytes("c2"), "d.yaml", bytes("d"));

        assertThat(FileDifferences.compare(expected, actual))
                .containsExactly("extra a.yaml", "missing b.yaml", "changed c.yaml");
    }
}

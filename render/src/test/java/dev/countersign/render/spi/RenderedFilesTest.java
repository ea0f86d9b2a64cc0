package dev.countersign.render.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RenderedFilesTest {
    @Test
    void sortsPathsAndComparesBytes() {
        var files = RenderedFiles.of(Map.of("b/x.yaml", bytes("b"), "a.yaml", bytes("a")));

        assertThat(files.paths()).containsExactly("a.yaml", "b/x.yaml");
        assertThat(files).isEqualTo(RenderedFiles.of(Map.of("a.yaml", bytes("a"), "b/x.yaml", bytes("b"))));
        assertThat(files).hasSameHashCodeAs(RenderedFiles.of(Map.of("a.yaml", bytes("a"), "b/x.yaml", bytes("b"))));
        assertThat(files).isNotEqualTo(RenderedFiles.of(Map.of("a.yaml", bytes("A"), "b/x.yaml", bytes("b"))));
    }

    @Test
    void copiesContentInAndOut() {
        byte[] content = bytes("original");
        var input = new HashMap<String, byte[]>();
        input.put("f.yaml", content);
        var files = RenderedFiles.of(input);

        content[0] = 'X';
        files.content("f.yaml")[0] = 'Y';

        assertThat(files.text("f.yaml")).isEqualTo("original");
    }

    @Test
    void rejectsPathsThatEscapeTheRepository() {
        for (String path : new String[] {"../x.yaml", "/etc/passwd", "a//b", "a/./b", ""}) {
            assertThatThrownBy(() -> RenderedFiles.of(Map.of(path, bytes("x"))))
                    .as(path)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("invalid rendered path");
        }
    }

    @Test
    void namesAMissingFile() {
        assertThatThrownBy(() -> RenderedFiles.of(Map.of()).content("nope.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'nope.yaml'");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

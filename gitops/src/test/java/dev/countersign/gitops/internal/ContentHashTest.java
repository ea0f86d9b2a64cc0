package dev.countersign.gitops.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The content hash is written into every proposal and record trailer and bound by every approval, so its layout
 * is a file format: these values were computed outside Java (Python's {@code hashlib}) from the documented
 * layout, {@code path NUL length NUL bytes} per file in path order, and must never change.
 */
class ContentHashTest {
    @Test
    void hashesEachFileAsPathLengthAndBytesInPathOrder() {
        var files = new TreeMap<String, byte[]>();
        files.put("stack.yaml", utf8("name: web\nversion: 1\n"));
        files.put("components/web.yaml", utf8("kind: Stack\n"));

        assertThat(ContentHash.of(files))
                .isEqualTo("sha256:a6e4d4cbda5cc363ac6a31db9575b94df4093b983ffe7db70f72139b2e548ff4");
    }

    @Test
    void tellsAPathFromContentMovedAcrossTheBoundary() {
        var one = new TreeMap<String, byte[]>();
        one.put("a", utf8("bc"));
        var other = new TreeMap<String, byte[]>();
        other.put("ab", utf8("c"));

        assertThat(ContentHash.of(one)).isNotEqualTo(ContentHash.of(other));
    }

    @Test
    void hashesBytesAsTheirSha256() {
        assertThat(ContentHash.ofBytes(utf8("apiVersion: countersign.dev/v1\n")))
                .isEqualTo("sha256:97caf68e5850fe1d8012830eb3bf3fe302a5858358d3117edb7e4b66987fb712");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

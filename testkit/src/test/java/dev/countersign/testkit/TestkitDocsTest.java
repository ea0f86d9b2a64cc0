package dev.countersign.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps docs/testkit.md's example identical to the test that runs it. */
class TestkitDocsTest {
    private static final Path PAGE = Path.of("..", "docs", "testkit.md");
    private static final Path EXAMPLE = Path.of("src/test/java/com/example/host/HostPropertiesTest.java");

    @Test
    void theCompleteExampleIsTheHostPropertiesTest() throws Exception {
        String page = Files.readString(PAGE);
        int start = page.indexOf("```java\n", page.indexOf("## A complete example")) + "```java\n".length();

        assertThat(page.substring(start, page.indexOf("```", start))).isEqualTo(Files.readString(EXAMPLE));
    }
}

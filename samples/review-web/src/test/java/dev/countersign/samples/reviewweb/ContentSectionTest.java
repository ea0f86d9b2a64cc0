package dev.countersign.samples.reviewweb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentSectionTest {
    @Test
    void marksAYamlKeyAndEscapesKeyAndValue() {
        assertThat(ContentSection.highlighted("  - \"<b>\": <script>x</script>"))
                .isEqualTo("  - <span class=\"k\">&quot;&lt;b&gt;&quot;</span>: <span class=\"v\">&lt;script&gt;x"
                        + "&lt;/script&gt;</span>");
    }

    @Test
    void escapesALineWithoutAKeyAsIs() {
        assertThat(ContentSection.highlighted("  - <img src=x>")).isEqualTo("  - &lt;img src=x&gt;");
    }

    @Test
    void showsTextValuesAsTheyAreAndOthersAsJson() {
        assertThat(ContentSection.value("15d")).isEqualTo("15d");
        assertThat(ContentSection.value(2)).isEqualTo("2");
        assertThat(ContentSection.value(List.of(Map.of("a", 1))))
                .contains("\"a\" : 1")
                .doesNotContain("[[");
    }
}

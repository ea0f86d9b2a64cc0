package dev.countersign.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FluxVersionTest {
    @Test
    void parsesWithOrWithoutPrefixAndPatch() {
        assertThat(FluxVersion.parse("2.6")).isEqualTo(FluxVersion.V2_6);
        assertThat(FluxVersion.parse("v2.3.1")).isEqualTo(FluxVersion.V2_3);
        assertThat(FluxVersion.parse("2.10")).hasToString("2.10");
    }

    @Test
    void ordersByMajorThenMinor() {
        assertThat(FluxVersion.parse("2.10").atLeast(FluxVersion.V2_6)).isTrue();
        assertThat(FluxVersion.V2_3.atLeast(FluxVersion.V2_6)).isFalse();
        assertThat(new FluxVersion(3, 0).compareTo(FluxVersion.parse("2.99"))).isPositive();
    }

    @Test
    void rejectsVersionsOlderThanTwoThreeNamingTheMinimum() {
        assertThatThrownBy(() -> FluxVersion.parse("2.2"))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("2.2")
                .hasMessageContaining("minimum is 2.3");
    }

    @Test
    void rejectsTextThatIsNotAVersion() {
        assertThatThrownBy(() -> FluxVersion.parse("latest"))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("'latest'");
    }
}

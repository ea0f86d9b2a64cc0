package dev.countersign.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HelmSourceTest {
    @Test
    void rejectsARepositorySchemeThatIsNotAllowed() {
        assertThatThrownBy(() -> new HelmSource("file:///etc", "c", "1.0.0", "ns", Map.of()))
                .isInstanceOf(InvalidStackException.class)
                .hasMessageContaining("repository 'file:///etc' has a scheme that is not allowed");
    }

    @Test
    void rejectsAChartNameThatCouldEscapeADirectory() {
        assertThatThrownBy(() -> new HelmSource("https://x.io", "../c", "1.0.0", "ns", Map.of()))
                .isInstanceOf(InvalidNameException.class)
                .hasMessageContaining("invalid chart name '../c'");
    }

    @Test
    void defersValidationOfTemplatedFields() {
        var helm = new HelmSource("${repo}", "c", "1.0.0", "${ns}", Map.of());

        assertThat(helm.repository()).isEqualTo("${repo}");
    }

    @Test
    void neverShowsValuesInToString() {
        var helm = new HelmSource("https://x.io", "c", "1.0.0", "ns", Map.of("password", "s3cr3t"));

        assertThat(helm.toString()).contains("password").doesNotContain("s3cr3t");
    }
}

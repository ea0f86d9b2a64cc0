package dev.countersign.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArgoCdOptionsTest {
    @Test
    void defaultsFollowHeadInTheDefaultProjectOnTheLocalCluster() {
        var options = ArgoCdOptions.of("https://git.example.com/ops.git");

        assertThat(options.targetRevision()).isEqualTo("HEAD");
        assertThat(options.project()).isEqualTo("default");
        assertThat(options.destinationServer()).isEqualTo("https://kubernetes.default.svc");
    }

    @Test
    void rejectsABlankRepositoryUrl() {
        assertThatThrownBy(() -> ArgoCdOptions.of(" "))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("repoUrl");
    }

    @Test
    void rejectsAProjectThatIsNotALabel() {
        assertThatThrownBy(() -> new ArgoCdOptions("https://g/r.git", "main", "Platform Team", "https://k"))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("'Platform Team'");
    }
}

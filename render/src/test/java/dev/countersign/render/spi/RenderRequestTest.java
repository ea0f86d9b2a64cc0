package dev.countersign.render.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.stack.Component;
import dev.countersign.stack.Environment;
import dev.countersign.stack.HelmSource;
import dev.countersign.stack.Stack;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RenderRequestTest {
    private static final Environment DEV = new Environment("dev", "dev-eu", Map.of());
    private static final Stack STACK = new Stack(
            "web",
            Map.of(),
            List.of(component("db", List.of()), component("api", List.of("db")), component("cdn", List.of())));

    @Test
    void putsEveryComponentAfterItsDependencies() {
        var request = RenderRequest.of(DEV, STACK.render(DEV));

        assertThat(request.waves()).containsExactly(List.of("cdn", "db"), List.of("api"));
        assertThat(request.waveOf("api")).isEqualTo(1);
        assertThat(request.waveOf("db")).isZero();
    }

    @Test
    void rejectsAStackResolvedForAnotherEnvironment() {
        var other = new Environment("prod", "prod-eu", Map.of());

        assertThatThrownBy(() -> RenderRequest.of(DEV, STACK.render(other)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'prod'")
                .hasMessageContaining("'dev'");
    }

    @Test
    void rejectsAnUnknownComponentAndShowsNoValues() {
        var request = RenderRequest.of(DEV, STACK.render(DEV));

        assertThatThrownBy(() -> request.waveOf("cache")).hasMessageContaining("'cache'");
        assertThat(request).hasToString("RenderRequest[stack=web, environment=dev]");
    }

    private static Component component(String name, List<String> dependsOn) {
        return new Component(
                name,
                dependsOn,
                new HelmSource("https://charts.example.com", name, "1.0.0", "apps", Map.of()),
                List.of());
    }
}

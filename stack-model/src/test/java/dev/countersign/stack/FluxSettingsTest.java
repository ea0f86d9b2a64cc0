package dev.countersign.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FluxSettingsTest {
    private static final String HEAD = """
            apiVersion: countersign.dev/v1
            kind: Environment
            metadata:
              name: staging
            spec:
              cluster: staging-eu
              renderer: flux
            """;

    @Test
    void readsTheOptionsFromTheEnvironmentFile() {
        var environment = StackFiles.parseEnvironment(
                HEAD + "  flux: {gitRepository: fleet, minimumVersion: v2.3.1, interval: 5m}\n", "e.yaml");

        assertThat(environment.flux()).isEqualTo(new FluxSettings("fleet", "v2.3.1", "5m"));
    }

    @Test
    void fillsMissingOptionsWithTheDefaults() {
        var environment = StackFiles.parseEnvironment(HEAD + "  flux: {interval: 1h}\n", "e.yaml");

        assertThat(environment.flux()).isEqualTo(new FluxSettings("flux-system", "2.6", "1h"));
        assertThat(StackFiles.parseEnvironment(HEAD, "e.yaml").flux()).isEqualTo(FluxSettings.defaults());
    }

    @Test
    void rejectsAnUnknownKeyNamingIt() {
        assertThatThrownBy(() -> StackFiles.parseEnvironment(HEAD + "  flux: {path: ./x}\n", "e.yaml"))
                .isInstanceOf(InvalidStackException.class)
                .hasMessageContaining("unknown field 'path'")
                .hasMessageContaining("/spec/flux/path");
    }

    @Test
    void rejectsAVersionOlderThanTwoThree() {
        assertThatThrownBy(() -> new FluxSettings("flux-system", "2.2", "10m"))
                .isInstanceOf(InvalidStackException.class)
                .hasMessageContaining("the minimum is 2.3");
        assertThatThrownBy(() -> new FluxSettings("flux-system", "latest", "10m"))
                .isInstanceOf(InvalidStackException.class)
                .hasMessageContaining("/spec/flux/minimumVersion");
    }

    @Test
    void rejectsABadIntervalAndRepositoryName() {
        assertThatThrownBy(() -> new FluxSettings("flux-system", "2.6", "ten minutes"))
                .isInstanceOf(InvalidStackException.class)
                .hasMessageContaining("Go duration");
        assertThatThrownBy(() -> new FluxSettings("Flux_System", "2.6", "10m"))
                .isInstanceOf(InvalidNameException.class);
    }

    @Test
    void roundTripsThroughTheTreeAndLeavesDefaultsOut() {
        var custom = new Environment("e", "c", java.util.Map.of()).withFlux(new FluxSettings("fleet", "2.4", "2m"));
        var plain = new Environment("e", "c", java.util.Map.of()).withFlux(FluxSettings.defaults());

        assertThat(Environment.fromTree(custom.toTree())).isEqualTo(custom);
        assertThat(Environment.fromTree(plain.toTree())).isEqualTo(plain);
        assertThat(plain.toTree().get("spec").toString()).doesNotContain("flux-system");
    }
}

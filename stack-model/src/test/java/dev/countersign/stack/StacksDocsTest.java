package dev.countersign.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs the Java example of {@code docs/stacks.md}. */
class StacksDocsTest {
    @Test
    void renderingExampleWorksAsDocumented() {
        String token = "cf-token";
        String password = "pw";

        Stack stack = StackFiles.readStack(Path.of("..", "samples/stacks/monitoring.yaml"));
        Environment production = StackFiles.readEnvironment(Path.of("..", "samples/stacks/production.yaml"));
        RenderedStack rendered =
                stack.render(production, Map.of("cloudflare_api_token", token, "grafana_admin_password", password));

        assertThat(rendered.uses().get(0))
                .isEqualTo(new VariableUse(
                        new Location("cloudflare-token", "/manifests/0/stringData/api-token"),
                        "cloudflare_api_token",
                        Scope.OVERRIDE,
                        true));
        assertThat(StackFiles.toJson(rendered.redacted().toTree()))
                .contains("<redacted>")
                .doesNotContain("\"cf-token\"");
    }
}

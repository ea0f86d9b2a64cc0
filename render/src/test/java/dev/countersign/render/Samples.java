package dev.countersign.render;

import dev.countersign.render.spi.RenderRequest;
import dev.countersign.stack.Environment;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The stacks and environments of the repository's {@code samples/stacks/}, rendered for tests. */
final class Samples {
    /** Values for the sample's secret variables; they must never appear in a rendered file. */
    static final Map<String, Object> SECRETS =
            Map.of("cloudflare_api_token", "cf-token-s3cr3t-value", "grafana_admin_password", "grafana-pw-s3cr3t");

    private Samples() {}

    /** Returns the {@code samples/stacks} folder, found in the working directory or a parent. */
    static Path folder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("samples/stacks");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "no samples/stacks folder above " + Path.of("").toAbsolutePath());
    }

    static Stack monitoring() {
        return StackFiles.readStack(folder().resolve("monitoring.yaml"));
    }

    static List<Environment> environments() {
        return List.of(environment("production"), environment("staging"));
    }

    static Environment environment(String name) {
        return StackFiles.readEnvironment(folder().resolve(name + ".yaml"));
    }

    /** Returns a stack resolved for an environment with placeholders for its secret variables. */
    static RenderRequest withPlaceholders(Environment environment, Stack stack) {
        var secrets = stack.secretVariables();
        return RenderRequest.of(
                environment, stack.render(environment, RenderRequest.secretPlaceholders(secrets)), secrets);
    }

    /** Returns the monitoring sample resolved for an environment, with the secret values supplied. */
    static RenderRequest monitoringFor(Environment environment) {
        return RenderRequest.of(environment, monitoring().render(environment, SECRETS));
    }
}

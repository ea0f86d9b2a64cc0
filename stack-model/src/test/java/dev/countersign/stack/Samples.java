package dev.countersign.stack;

import java.nio.file.Path;
import java.util.Map;

/** The sample stack and environments shipped in {@code samples/stacks}. */
final class Samples {
    static final Path DIR = Path.of("..", "samples", "stacks");
    static final Map<String, Object> SECRETS =
            Map.of("cloudflare_api_token", "cf-token-s3cr3t", "grafana_admin_password", "gr4fana-s3cr3t");

    private Samples() {}

    static Stack monitoring() {
        return StackFiles.readStack(DIR.resolve("monitoring.yaml"));
    }

    static Environment production() {
        return StackFiles.readEnvironment(DIR.resolve("production.yaml"));
    }

    static Environment staging() {
        return StackFiles.readEnvironment(DIR.resolve("staging.yaml"));
    }

    static String yaml(String text) {
        return text.stripIndent();
    }
}

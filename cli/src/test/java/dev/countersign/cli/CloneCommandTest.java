package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloneCommandTest {
    @Test
    void exitsOneWhenTheTargetLacksVariables() {
        Cli cli = Cli.run("clone", Cli.STACK, "--from", Cli.STAGING, "--to", Cli.PRODUCTION);

        assertThat(cli.code()).isEqualTo(1);
        assertThat(cli.out())
                .contains("missing in production: cloudflare_api_token")
                .contains("differs: domain app.staging.example.com (environment) -> app.example.com (environment)")
                .contains("supply secret again: grafana:/helm/values/adminPassword")
                .endsWith("incomplete: 2 variable(s) missing\n");
    }

    @Test
    void exitsZeroWhenTheTargetIsComplete(@TempDir Path dir) throws Exception {
        Path full = dir.resolve("full.yaml");
        Files.writeString(
                full,
                Files.readString(Path.of(Cli.PRODUCTION))
                        + "    cloudflare_api_token: t\n    grafana_admin_password: p\n");

        Cli cli = Cli.run("clone", Cli.STACK, "--from", Cli.STAGING, "--to", full.toString(), "--format", "json");

        assertThat(cli.code()).isZero();
        assertThat(cli.out()).contains("\"missing\" : [ ]").contains("\"fallsBackToDefault\" : false");
    }

    @Test
    void flagsAFallBackToAStackDefault() {
        Cli cli = Cli.run("clone", Cli.STACK, "--from", Cli.PRODUCTION, "--to", Cli.STAGING);

        assertThat(cli.out())
                .contains(
                        "differs: retention 30d (environment) -> 15d (stack-default) [target falls back to a default]");
    }
}

package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RenderCommandTest {
    @Test
    void rendersYamlForProductionWithSecretsRedacted() {
        Cli cli = Cli.run(Cli.with(new String[] {"render", Cli.STACK, "--env", Cli.PRODUCTION}, Cli.SECRETS));

        assertThat(cli.code()).isZero();
        assertThat(cli.out())
                .contains("app.example.com")
                .contains("adminPassword: <redacted>")
                .doesNotContain("s3cr3t")
                .doesNotContain("${");
    }

    @Test
    void rendersJsonForStaging() {
        Cli cli = Cli.run(
                Cli.with(new String[] {"render", Cli.STACK, "--env", Cli.STAGING, "--output", "json"}, Cli.SECRETS));

        assertThat(cli.code()).isZero();
        assertThat(cli.out()).startsWith("{").contains("\"app.staging.example.com\"");
    }

    @Test
    void showsSecretsOnlyWhenAsked() {
        Cli cli = Cli.run(
                Cli.with(new String[] {"render", Cli.STACK, "--env", Cli.PRODUCTION, "--show-secrets"}, Cli.SECRETS));

        assertThat(cli.out()).contains("gr4fana-s3cr3t");
    }

    @Test
    void typesOverrides() {
        Cli cli = Cli.run(Cli.with(
                new String[] {"render", Cli.STACK, "--env", Cli.PRODUCTION, "--set", "replicas=5", "--output", "json"},
                Cli.SECRETS));

        assertThat(cli.out()).contains("\"replicas\" : 5");
    }

    @Test
    void explainsEveryVariableUseWithItsSource() {
        Cli cli = Cli.run(
                Cli.with(new String[] {"render", Cli.STACK, "--env", Cli.PRODUCTION, "--explain"}, Cli.SECRETS));

        assertThat(cli.code()).isZero();
        assertThat(cli.out())
                .contains("grafana:/helm/values/replicas\treplicas\tenvironment")
                .contains("grafana:/helm/values/adminPassword\tgrafana_admin_password\toverride")
                .doesNotContain("s3cr3t");
    }

    @Test
    void explainsAsJson() {
        Cli cli = Cli.run(Cli.with(
                new String[] {"render", Cli.STACK, "--env", Cli.STAGING, "--explain", "--output", "json"},
                Cli.SECRETS));

        assertThat(cli.out())
                .contains("\"source\" : \"stack-default\"")
                .contains("\"pointer\" : \"/helm/values/server/retention\"");
    }

    @Test
    void failsClosedOnUndefinedVariables() {
        Cli cli = Cli.run("render", Cli.STACK, "--env", Cli.PRODUCTION);

        assertThat(cli.code()).isEqualTo(1);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err())
                .startsWith("undefined variable 'cloudflare_api_token' used at"
                        + " [cloudflare-token:/manifests/0/stringData/api-token]");
    }

    @Test
    void rejectsAnUnknownOutputFormatAsUsage() {
        assertThat(Cli.run("render", Cli.STACK, "--env", Cli.PRODUCTION, "--output", "xml")
                        .code())
                .isEqualTo(2);
    }
}

package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {
    @Test
    void printsWavesAndTeardownAsText() {
        Cli cli = Cli.run("plan", Cli.STACK);

        assertThat(cli.code()).isZero();
        assertThat(cli.out())
                .contains("wave 0: cert-manager, prometheus\n")
                .contains("wave 3: grafana\n")
                .contains("teardown: grafana, ");
    }

    @Test
    void printsTheIssueJsonShape() {
        Cli cli = Cli.run("plan", Cli.STACK, "--format", "json");

        assertThat(cli.out())
                .contains("\"stack\" : \"monitoring\"")
                .contains("\"order\" : [ \"cert-manager\", \"prometheus\",")
                .contains(
                        "\"waves\" : [ [ \"cert-manager\", \"prometheus\" ], [ \"alertmanager\", \"cloudflare-token\" ]");
    }

    @Test
    void drawsDotAndMermaid() {
        assertThat(Cli.run("plan", Cli.STACK, "--format", "dot").out()).startsWith("digraph");
        assertThat(Cli.run("plan", Cli.STACK, "--format", "mermaid").out()).startsWith("flowchart");
    }

    @Test
    void showsTheBlastRadiusOfRemovals(@TempDir Path dir) throws Exception {
        String text = Files.readString(Path.of(Cli.STACK));
        String withoutGrafana = text.substring(0, text.indexOf("    - name: grafana"));
        Path smaller = dir.resolve("smaller.yaml");
        Files.writeString(smaller, withoutGrafana);

        Cli cli = Cli.run("plan", smaller.toString(), "--previous", Cli.STACK);

        assertThat(cli.code()).isZero();
        assertThat(cli.out()).contains("remove grafana\n");
    }

    @Test
    void failsClosedWhenTheEnvironmentLacksVariables() {
        Cli cli = Cli.run("plan", Cli.STACK, "--env", Cli.PRODUCTION);

        assertThat(cli.code()).isEqualTo(1);
        assertThat(cli.err()).startsWith("undefined variable");
    }

    @Test
    void plansWhenTheEnvironmentRenders() {
        Cli cli = Cli.run(Cli.with(new String[] {"plan", Cli.STACK, "--env", Cli.STAGING}, Cli.SECRETS));

        assertThat(cli.code()).isZero();
        assertThat(cli.out()).startsWith("plan for stack monitoring");
    }

    @Test
    void rejectsACyclicStackWithItsPath(@TempDir Path dir) throws Exception {
        Path cyclic = dir.resolve("cyclic.yaml");
        Files.writeString(
                cyclic,
                Files.readString(Path.of(Cli.STACK))
                        .replace("dependsOn: [cert-manager]\n", "dependsOn: [cert-manager, grafana]\n"));

        Cli cli = Cli.run("plan", cyclic.toString());

        assertThat(cli.code()).isEqualTo(1);
        assertThat(cli.err())
                .startsWith("dependency cycle: ")
                .contains("grafana")
                .contains("cloudflare-token");
    }
}

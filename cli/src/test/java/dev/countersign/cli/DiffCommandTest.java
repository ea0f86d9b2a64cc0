package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {
    static Path changed(Path dir) throws Exception {
        String text = Files.readString(Path.of(Cli.STACK))
                .replace("version: 8.5.0", "version: 8.6.0")
                .replace(
                        "    - name: alertmanager\n      dependsOn: [prometheus]",
                        "    - name: pushgateway\n      dependsOn: [prometheus]")
                .replace("chart: alertmanager", "chart: prometheus-pushgateway");
        Path file = dir.resolve("new.yaml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void printsChangesAsText(@TempDir Path dir) throws Exception {
        Cli cli = Cli.run("diff", Cli.STACK, changed(dir).toString());

        assertThat(cli.code()).isZero();
        assertThat(cli.out())
                .contains("+ pushgateway\n")
                .contains("- alertmanager\n")
                .contains("~ grafana /helm/version: \"8.5.0\" -> \"8.6.0\"\n");
    }

    @Test
    void printsTheIssueJsonShape(@TempDir Path dir) throws Exception {
        Cli cli = Cli.run("diff", Cli.STACK, changed(dir).toString(), "--format", "json");

        assertThat(cli.out())
                .contains("\"added\" : [ \"pushgateway\" ]")
                .contains("\"removed\" : [ \"alertmanager\" ]")
                .contains("\"path\" : \"/helm/version\"");
    }

    @Test
    void saysNoChangesForEqualStacks() {
        assertThat(Cli.run("diff", Cli.STACK, Cli.STACK).out()).isEqualTo("no changes\n");
    }

    @Test
    void showsASecretChangeWithoutItsValue(@TempDir Path dir) throws Exception {
        Path before = dir.resolve("a.yaml");
        Path after = dir.resolve("b.yaml");
        Files.writeString(before, Files.readString(Path.of(Cli.STACK)));
        Files.writeString(after, Files.readString(Path.of(Cli.STACK)).replace("${grafana_admin_password}", "hunter2"));

        Cli cli = Cli.run("diff", before.toString(), after.toString());

        assertThat(cli.out())
                .contains("~ grafana /helm/values/adminPassword: changed (secret)")
                .doesNotContain("hunter2");
    }

    @Test
    void exitsOneOnChangesWithExitCodeAndZeroWithout(@TempDir Path dir) throws Exception {
        assertThat(Cli.run("diff", Cli.STACK, changed(dir).toString(), "--exit-code")
                        .code())
                .isEqualTo(1);
        assertThat(Cli.run("diff", Cli.STACK, Cli.STACK, "--exit-code").code()).isZero();
        assertThat(Cli.run("diff", Cli.STACK, changed(dir).toString()).code()).isZero();
    }

    @Test
    void takesDashOAndRefusesAFormatItCannotPrint(@TempDir Path dir) throws Exception {
        assertThat(Cli.run("diff", Cli.STACK, changed(dir).toString(), "-o", "json")
                        .out())
                .contains("\"added\" : [ \"pushgateway\" ]");

        Cli xml = Cli.run("diff", Cli.STACK, Cli.STACK, "--output", "xml");

        assertThat(xml.code()).isEqualTo(2);
        assertThat(xml.err()).contains("'xml'").containsIgnoringCase("text, json, yaml");
        assertThat(xml.out()).isEmpty();
    }
}

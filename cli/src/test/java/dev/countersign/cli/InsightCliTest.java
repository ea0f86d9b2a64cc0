package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --insight FILE} on the commands that propose, and the insight on {@code show} as text and JSON. */
class InsightCliTest {
    private static final String INSIGHT = """
            summary: add a node because memory pressure is climbing
            confidence: 0.8
            evidence:
              - metric: node_memory_working_set_ratio{pool="workers"}
                window: 6h
                values: [0.71, 0.78, 0.86]
            """;

    @TempDir
    Path folder;

    private Path file(String name, String text) throws Exception {
        return Files.writeString(folder.resolve(name), text);
    }

    @Test
    void proposesAStackWithAnInsightAndShowsIt() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);
        Cli proposed = Cli.run(
                "propose",
                "--repo",
                files.repo(),
                "--as",
                "agent:builder",
                "--env",
                "staging",
                "--insight",
                file("insight.yaml", INSIGHT).toString(),
                files.stack());
        assertThat(proposed.code()).as(proposed.err()).isZero();
        String id = proposed.out().lines().findFirst().orElseThrow();

        assertThat(Cli.run("show", "--repo", files.repo(), id).out())
                .contains("insight   add a node because memory pressure is climbing (confidence 0.80)")
                .contains("evidence  node_memory_working_set_ratio{pool=\"workers\"} over 6h: 0.71, 0.78, 0.86");
        assertThat(Cli.run("show", "--repo", files.repo(), id, "--format", "json")
                        .out())
                .contains("\"insight\" : {", "\"confidence\" : 0.8", "\"window\" : \"6h\"", "0.86 ]");
    }

    @Test
    void proposesAnEnvironmentChangeWithAnInsightThatTheAgentCannotApprove() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);
        Path environment = file("staging.yaml", """
                apiVersion: countersign.dev/v1
                kind: Environment
                metadata: {name: staging}
                spec:
                  cluster: staging-eu
                  variables: {replicas: 3}
                """);
        Cli proposed = Cli.run(
                "propose-environment",
                "--repo",
                files.repo(),
                "--as",
                "agent:builder",
                "--insight",
                file(
                                "insight.json",
                                "{\"summary\": \"grow\", \"confidence\": 0.5, \"evidence\":"
                                        + " [{\"metric\": \"m\", \"window\": \"PT30M\", \"values\": [1, 2]}]}")
                        .toString(),
                environment.toString());
        assertThat(proposed.code()).as(proposed.err()).isZero();
        String id = proposed.out().lines().findFirst().orElseThrow();

        assertThat(Cli.run("show", "--repo", files.repo(), id).out())
                .contains("insight   grow (confidence 0.50)", "evidence  m over 30m: 1, 2");
        Cli approved = Cli.run("approve", "--repo", files.repo(), id, "--as", "agent:builder");
        assertThat(approved.code()).isEqualTo(1);
        assertThat(Cli.run("show", "--repo", files.repo(), id).out()).contains("(PROPOSED)");
    }

    @Test
    void refusesAnInvalidInsightFileNamingTheFieldBeforeProposing() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);
        Cli proposed = Cli.run(
                "propose",
                "--repo",
                files.repo(),
                "--as",
                "agent:builder",
                "--env",
                "staging",
                "--insight",
                file("bad.yaml", INSIGHT.replace("0.8", "1.5")).toString(),
                files.stack());

        assertThat(proposed.code()).isEqualTo(1);
        assertThat(proposed.err()).contains("invalid insight: confidence must be a number from 0 to 1");
        assertThat(Cli.run("list", "--repo", files.repo()).out()).doesNotContain("PROPOSED");
    }

    @Test
    void showsTheLatestValuesOfALongSeries() {
        var evidence = new dev.countersign.gitops.Insight.Evidence(
                "m",
                java.time.Duration.ofHours(1),
                java.util.stream.IntStream.rangeClosed(1, 20)
                        .mapToObj(i -> (double) i)
                        .toList());

        assertThat(InsightText.values(evidence))
                .isEqualTo("... 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 (the latest 12 of 20)");
    }
}

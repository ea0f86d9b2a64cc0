package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.gitops.testing.OciRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code countersign propose} in an environment with {@code charts: {pin: digest}}: the built-in OCI resolver
 * pins the chart from a real registry on 127.0.0.1, and {@code show} puts the version and digest before the
 * reviewer.
 */
class ChartPinningCliIT {
    @TempDir
    Path folder;

    @TempDir
    Path registryFolder;

    @Test
    void pinsTheChartAtProposeAndShowsItsDigest() throws Exception {
        try (OciRegistry registry = OciRegistry.start(registryFolder)) {
            String digest = registry.push("podinfo", "6.7.1", "approved");
            Files.writeString(folder.resolve("policy.yaml"), GitOpsFiles.POLICY);
            Files.writeString(folder.resolve("staging.yaml"), """
                    apiVersion: countersign.dev/v1
                    kind: Environment
                    metadata: {name: staging}
                    spec: {cluster: staging-eu, renderer: flux, charts: {pin: digest}}
                    """);
            String repo = folder.resolve("repo").toString();
            Cli init = Cli.run(
                    "init",
                    "--repo",
                    repo,
                    "--policy",
                    folder.resolve("policy.yaml").toString(),
                    "--environment",
                    folder.resolve("staging.yaml").toString());
            assertThat(init.code()).as(init.err()).isZero();
            Path stack = Files.writeString(folder.resolve("web.yaml"), """
                    apiVersion: countersign.dev/v1
                    kind: Stack
                    metadata: {name: web}
                    spec:
                      components:
                        - name: podinfo
                          helm: {repository: "oci://%s/charts", chart: podinfo, version: 6.7.1, namespace: web}
                    """.formatted(registry.address()));

            Cli refused = Cli.run(
                    "propose",
                    "--repo",
                    repo,
                    "--as",
                    "agent:builder",
                    "--on-behalf-of",
                    "human:dave",
                    "--env",
                    "staging",
                    stack.toString());
            Cli proposed = Cli.run(
                    "propose",
                    "--repo",
                    repo,
                    "--registry-plain-http",
                    "--as",
                    "agent:builder",
                    "--on-behalf-of",
                    "human:dave",
                    "--env",
                    "staging",
                    stack.toString());

            assertThat(refused.code()).isEqualTo(1);
            assertThat(refused.err()).contains("cannot be pinned for environment staging");
            assertThat(proposed.code()).as(proposed.err()).isZero();
            String id = proposed.out().lines().findFirst().orElseThrow();
            assertThat(Cli.run("show", "--repo", repo, id).out())
                    .contains("chart     podinfo: chart podinfo from oci://" + registry.address()
                            + "/charts none -> 6.7.1 (" + digest + ") added");
        }
    }
}

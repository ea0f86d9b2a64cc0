package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code propose-environment --cluster-api FILE}: the mapping and the Cluster API files recorded and verified. */
class ClusterApiCliTest {
    private static final Path SAMPLES = Path.of("..", "samples", "cluster-api");

    @TempDir
    Path folder;

    @Test
    void recordsTheClusterApiFilesOfATopologyAndVerifiesThem() {
        GitOpsFiles files = initialized();
        Cli proposed = Cli.run(
                "propose-environment",
                "--repo",
                files.repo(),
                "--as",
                "human:dave",
                "--rationale",
                "topology",
                "--cluster-api",
                SAMPLES.resolve("hetzner.yaml").toString(),
                SAMPLES.resolve("staging.yaml").toString());
        assertThat(proposed.code()).as(proposed.err()).isZero();
        String id = proposed.out().lines().findFirst().orElseThrow();

        assertThat(Cli.run("show", "--repo", files.repo(), id).out())
                .contains(
                        "file      .countersign/cluster-api/staging.yaml",
                        "file      topology/staging/node-groups/workers.yaml");
        Cli approved = Cli.run("approve", "--repo", files.repo(), id, "--as", "human:alice");
        assertThat(approved.code()).as(approved.err()).isZero();
        assertThat(approved.out()).contains("RECORDED");
        Cli verified = Cli.run("verify", "--repo", files.repo());
        assertThat(verified.code()).as(verified.out()).isZero();
    }

    @Test
    void refusesAMalformedMappingNamingTheFile() throws Exception {
        GitOpsFiles files = initialized();
        Path bad = Files.writeString(folder.resolve("bad.yaml"), "apiVersion: countersign.dev/v1\nkind: Pricing\n");

        Cli proposed = Cli.run(
                "propose-environment",
                "--repo",
                files.repo(),
                "--as",
                "agent:builder",
                "--cluster-api",
                bad.toString(),
                SAMPLES.resolve("staging.yaml").toString());

        assertThat(proposed.code()).isEqualTo(1);
        assertThat(proposed.err()).contains("invalid Cluster API mapping " + bad, "kind: ClusterApi");
    }

    private GitOpsFiles initialized() {
        try {
            return GitOpsFiles.initialized(folder);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

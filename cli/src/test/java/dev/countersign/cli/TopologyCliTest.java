package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code init --pricing}, and {@code show} of a topology change with its values and its cost. */
class TopologyCliTest {
    private static final Path PRICING = Path.of("..", "samples", "pricing", "hetzner.yaml");

    @TempDir
    Path folder;

    private Path staging(int workers) throws Exception {
        Path file = folder.resolve("staging-" + workers + ".yaml");
        Files.writeString(file, """
                apiVersion: countersign.dev/v1
                kind: Environment
                metadata: {name: staging}
                spec:
                  cluster: staging-eu
                  variables: {replicas: 2}
                  topology:
                    kubernetesVersion: v1.32.2
                    controlPlane: {count: 3, serverType: cpx21, location: fsn1}
                    nodeGroups:
                      - {name: workers, serverType: cpx31, location: fsn1, count: %d}
                """.formatted(workers));
        return file;
    }

    private String propose(GitOpsFiles files, String who, Path environment) {
        Cli proposed = Cli.run("propose-environment", "--repo", files.repo(), "--as", who, environment.toString());
        assertThat(proposed.code()).as(proposed.err()).isZero();
        return proposed.out().lines().findFirst().orElseThrow();
    }

    @Test
    void showsEveryTopologyValueChangedAndTheCostBeforeAndAfter() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder, "--pricing", PRICING.toString());
        String added = propose(files, "human:dave", staging(2));
        assertThat(Cli.run("show", "--repo", files.repo(), added).out())
                .contains("topology  /topology/controlPlane: (absent) -> {")
                .contains("cost      total  nodes 0 -> 5 (+5)")
                .contains("monthly EUR 0.00 -> 56.91 (+56.91)");
        assertThat(Cli.run("approve", "--repo", files.repo(), added, "--as", "human:alice")
                        .out())
                .contains("RECORDED");

        String grown = propose(files, "agent:builder", staging(3));
        Cli shown = Cli.run("show", "--repo", files.repo(), grown);
        assertThat(shown.out())
                .contains("topology  /topology/nodeGroups/workers/count: 2 -> 3")
                .contains("cost      workers  nodes 2 -> 3 (+1) · vCPU 8 -> 12 (+4)")
                .contains("monthly EUR 31.44 -> 47.16 (+15.72)")
                .contains("agent:builder's change raises the monthly cost of staging by EUR 15.72");
        assertThat(Cli.run("show", "--repo", files.repo(), grown, "--format", "json")
                        .out())
                .contains("\"path\" : \"/topology/nodeGroups/workers/count\"");
        Cli verified = Cli.run("verify", "--repo", files.repo());
        assertThat(verified.out()).as(verified.out()).contains("0 findings");
    }

    @Test
    void proposePricingChangesTheCatalogueLikeAPolicyChangeAndNeverForAnAgent() throws Exception {
        GitOpsFiles files =
                GitOpsFiles.initializedWith(folder, ProposePolicyCommandTest.POLICY, "--pricing", PRICING.toString());
        Path dearer = folder.resolve("dearer.yaml");
        Files.writeString(dearer, Files.readString(PRICING).replace("monthly: \"15.72\"", "monthly: \"16.50\""));

        Cli byAgent = Cli.run(
                "propose-pricing",
                "--repo",
                files.repo(),
                "--as",
                "agent:builder",
                "--rationale",
                "x",
                dearer.toString());
        assertThat(byAgent.code()).isEqualTo(ExitCodes.NO);
        assertThat(byAgent.err()).contains("change-policy");

        Cli proposed = Cli.run(
                "propose-pricing",
                "--repo",
                files.repo(),
                "--as",
                "human:alice",
                "--rationale",
                "provider raised prices",
                "--evidence",
                "invoice 4711",
                dearer.toString());
        assertThat(proposed.code()).as(proposed.err()).isZero();
        String id = proposed.out().lines().findFirst().orElseThrow();
        assertThat(Cli.run("show", "--repo", files.repo(), id).out())
                .contains("file      .countersign/pricing.yaml")
                .contains("pricing   - cpx31: 4 vCPU, 8 GiB, 0 GPU, monthly 15.72, hourly 0.0252")
                .contains("pricing   + cpx31: 4 vCPU, 8 GiB, 0 GPU, monthly 16.50, hourly 0.0252");
        assertThat(Cli.run("approve", "--repo", files.repo(), id, "--as", "human:carol")
                        .out())
                .contains("RECORDED");
        Cli verified = Cli.run("verify", "--repo", files.repo());
        assertThat(verified.out()).as(verified.out()).contains("0 findings");

        Cli same = Cli.run("propose-pricing", "--repo", files.repo(), "--as", "human:alice", dearer.toString());
        assertThat(same.code()).isNotZero();
        assertThat(same.err()).contains("pricing proposal changes nothing");
    }

    @Test
    void initRefusesAMalformedCatalogue() throws Exception {
        Path bad = folder.resolve("pricing.yaml");
        Files.writeString(bad, Files.readString(PRICING).replace("currency: EUR", "currency: EURO"));
        Files.writeString(folder.resolve("policy.yaml"), GitOpsFiles.POLICY);
        Files.writeString(folder.resolve("staging.yaml"), Files.readString(staging(2)));
        Cli init = Cli.run(
                "init",
                "--repo",
                folder.resolve("repo").toString(),
                "--policy",
                folder.resolve("policy.yaml").toString(),
                "--environment",
                folder.resolve("staging.yaml").toString(),
                "--pricing",
                bad.toString());
        assertThat(init.code()).isNotZero();
        assertThat(init.err()).contains("unknown currency 'EURO'");
        assertThat(folder.resolve("repo").resolve("refs/heads/main")).doesNotExist();
    }
}

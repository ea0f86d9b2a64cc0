package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApproveCommandTest {
    @TempDir
    Path folder;

    @Test
    void recordsWhenPolicyAllows() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);
        String id = files.propose("agent:builder", files.stack());

        Cli approved = Cli.run("approve", "--repo", files.repo(), id, "--as", "human:alice");

        assertThat(approved.code()).as(approved.err()).isZero();
        assertThat(approved.out()).contains("RECORDED");
        assertThat(Cli.run("log", "--repo", files.repo()).out()).contains(id).contains("approved by human:alice");
    }

    @Test
    void exitsOneNamingTheRuleWhenTheDelegatingHumanApproves() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);
        String id = files.propose("agent:builder", files.stack());

        Cli denied = Cli.run("approve", "--repo", files.repo(), id, "--as", "human:dave");

        assertThat(denied.code()).isEqualTo(1);
        assertThat(denied.err()).contains("no-self-approval");
    }

    @Test
    void exitsOneWhenAnAgentApproves() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);
        String id = files.propose("agent:builder", files.stack());

        Cli denied = Cli.run("approve", "--repo", files.repo(), id, "--as", "agent:builder");

        assertThat(denied.code()).isEqualTo(1);
        assertThat(denied.err()).contains("humans-approve");
    }
}

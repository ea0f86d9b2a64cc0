package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProposeCommandTest {
    @TempDir
    Path folder;

    @Test
    void printsTheProposalIdOnTheFirstLine() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);

        String id = files.propose("agent:builder", files.stack());

        assertThat(id).matches("p-[0-9a-f]{12}");
        assertThat(Cli.run("list", "--repo", files.repo(), "--state", "proposed")
                        .out())
                .contains(id);
    }

    @Test
    void failsWithTheRuleWhenPolicyDenies() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);

        Cli denied =
                Cli.run("propose", "--repo", files.repo(), "--as", "agent:stranger", "--env", "staging", files.stack());

        assertThat(denied.code()).isEqualTo(1);
        assertThat(denied.err()).contains("rule permission");
    }
}

package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShowCommandTest {
    @TempDir
    Path folder;

    @Test
    void showsTheReviewWithStateDiffWavesAndVariables() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);
        String id = files.propose("agent:builder", files.stack());

        Cli shown = Cli.run("show", "--repo", files.repo(), id);

        assertThat(shown.code()).as(shown.err()).isZero();
        assertThat(shown.out())
                .contains("proposal  " + id + " (PROPOSED)")
                .contains("waves     [[api]]")
                .contains("variable  replicas from environment")
                .contains("decision  propose by agent:builder: allow");
    }

    @Test
    void writesJson() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);
        String id = files.propose("agent:builder", files.stack());

        Cli shown = Cli.run("show", "--repo", files.repo(), id, "--format", "json");

        assertThat(shown.out()).contains("\"id\" : \"" + id + "\"").contains("\"waves\"");
    }
}

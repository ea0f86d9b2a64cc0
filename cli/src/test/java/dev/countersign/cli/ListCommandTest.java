package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListCommandTest {
    @TempDir
    Path folder;

    @Test
    void listsProposalsAsJsonWithDashO() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);
        String id = files.propose("agent:builder", files.stack());

        Cli cli = Cli.run("list", "--repo", files.repo(), "-o", "json");

        assertThat(cli.code()).isZero();
        assertThat(cli.out())
                .startsWith("[ {")
                .contains("\"id\" : \"" + id + "\"")
                .contains("\"state\" : \"PROPOSED\"")
                .contains("\"proposer\" : \"agent:builder on behalf of human:dave\"");
    }

    @Test
    void refusesAnUnknownFormatAsAUsageErrorBeforeOpeningTheRepository() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);

        Cli cli = Cli.run("list", "--repo", files.repo(), "--output", "xml");

        assertThat(cli.code()).isEqualTo(2);
        assertThat(cli.err()).contains("'xml'");
    }

    @Test
    void logKeepsFormatAsAnAliasOfOutput() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);

        assertThat(Cli.run("log", "--repo", files.repo(), "--format", "json").out())
                .isEqualTo(Cli.run("log", "--repo", files.repo(), "-o", "json").out())
                .startsWith("[");
    }
}

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

    @Test
    void listsTheOpenProposalsByDefaultAndEveryOneAPageAtATimeWithAll() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);
        String open = files.propose("agent:builder", files.stack());
        String withdrawn = files.propose("agent:builder", files.stackV2());
        Cli.run("withdraw", "--repo", files.repo(), withdrawn, "--as", "agent:builder");
        String first = open.compareTo(withdrawn) < 0 ? open : withdrawn;
        String second = open.compareTo(withdrawn) < 0 ? withdrawn : open;

        String listed = Cli.run("list", "--repo", files.repo()).out();
        Cli page1 = Cli.run("list", "--repo", files.repo(), "--all", "--limit", "1");
        Cli page2 = Cli.run("list", "--repo", files.repo(), "--all", "--limit", "1", "--after", first);
        Cli page3 = Cli.run("list", "--repo", files.repo(), "--all", "--limit", "1", "--after", second);

        assertThat(listed).contains(open).doesNotContain(withdrawn);
        assertThat(page1.out()).contains(first).doesNotContain(second);
        assertThat(page2.out()).contains(second).doesNotContain(first);
        assertThat(page3.code()).isZero();
        assertThat(page3.out()).isBlank();
        assertThat(Cli.run("list", "--repo", files.repo(), "--all").out()).contains(open, withdrawn);
    }

    @Test
    void refusesAPageOptionWithoutAllOrAnEmptyPageAsUsageErrors() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);

        Cli after = Cli.run("list", "--repo", files.repo(), "--after", "p-1");
        Cli empty = Cli.run("list", "--repo", files.repo(), "--all", "--limit", "0");

        assertThat(after.code()).isEqualTo(2);
        assertThat(after.err()).contains("--limit and --after page through --all");
        assertThat(empty.code()).isEqualTo(2);
        assertThat(empty.err()).contains("--limit must be at least 1");
    }
}

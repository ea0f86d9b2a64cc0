package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProposeEnvironmentCommandTest {
    @TempDir
    Path folder;

    private String approve(GitOpsFiles files, String id) {
        Cli approved = Cli.run("approve", "--repo", files.repo(), id, "--as", "human:alice");
        assertThat(approved.code()).as(approved.err()).isZero();
        return approved.out();
    }

    private Path environment(String name, String renderer) throws Exception {
        Path file = folder.resolve(name + "-" + renderer + ".yaml");
        Files.writeString(file, """
                apiVersion: countersign.dev/v1
                kind: Environment
                metadata: {name: %s}
                spec:
                  cluster: staging-eu
                  variables: {replicas: 2}
                  renderer: %s
                  flux: {gitRepository: fleet}
                """.formatted(name, renderer));
        return file;
    }

    @Test
    void proposesShowsListsRecordsAndVerifiesAnEnvironmentChange() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);
        approve(files, files.propose("agent:builder", files.stack()));

        Cli proposed = Cli.run(
                "propose-environment",
                "--repo",
                files.repo(),
                "--as",
                "agent:builder",
                "--on-behalf-of",
                "human:dave",
                "--rationale",
                "reconcile with flux",
                environment("staging", "flux").toString());
        assertThat(proposed.code()).as(proposed.err()).isZero();
        String id = proposed.out().lines().findFirst().orElseThrow();
        assertThat(proposed.out()).contains(id + "  PROPOSED  staging (environment)  by agent:builder");

        Cli shown = Cli.run("show", "--repo", files.repo(), id);
        assertThat(shown.out())
                .contains("target    staging (environment)")
                .contains("renderer  native -> flux")
                .contains("stacks    web (rendered again)")
                .contains("file      clusters/staging/web.yaml")
                .contains("decision  propose by agent:builder: allow");
        Cli json = Cli.run("show", "--repo", files.repo(), id, "--format", "json");
        assertThat(json.out()).contains("\"subject\" : \"environment\"", "\"renderer\" : \"flux\"");
        assertThat(Cli.run("list", "--repo", files.repo()).out()).contains(id + "  PROPOSED  staging (environment)");

        assertThat(Cli.run("approve", "--repo", files.repo(), id, "--as", "human:dave")
                        .code())
                .isEqualTo(1);
        assertThat(approve(files, id)).contains(id + "  RECORDED  staging (environment)");
        Cli verified = Cli.run("verify", "--repo", files.repo());
        assertThat(verified.code()).as(verified.out()).isZero();
        assertThat(verified.out()).contains("0 findings");
    }

    @Test
    void refusesAnUnknownEnvironmentWithExitOne() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);

        Cli proposed = Cli.run(
                "propose-environment",
                "--repo",
                files.repo(),
                "--as",
                "human:dave",
                environment("qa", "flux").toString());

        assertThat(proposed.code()).isEqualTo(1);
        assertThat(proposed.err()).contains("unknown environment 'qa'");
    }
}

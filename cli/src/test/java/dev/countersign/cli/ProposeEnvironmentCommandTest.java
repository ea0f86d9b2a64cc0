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
    void revisesAnEnvironmentChangeFromAnEnvironmentFile() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);
        approve(files, files.propose("agent:builder", files.stack()));
        Cli proposed = Cli.run(
                "propose-environment",
                "--repo",
                files.repo(),
                "--as",
                "human:dave",
                environment("staging", "flux").toString());
        String id = proposed.out().lines().findFirst().orElseThrow();
        Path argo = folder.resolve("staging-argocd.yaml");
        Files.writeString(argo, """
                apiVersion: countersign.dev/v1
                kind: Environment
                metadata: {name: staging}
                spec:
                  cluster: staging-eu
                  variables: {replicas: 2}
                  renderer: argocd
                  argocd: {repoURL: "https://git.example.com/fleet.git", targetRevision: main}
                """);

        Cli withSecrets = Cli.run(
                "revise",
                "--repo",
                files.repo(),
                id,
                "--as",
                "human:dave",
                "--secrets",
                argo.toString(),
                argo.toString());
        Cli revised = Cli.run("revise", "--repo", files.repo(), id, "--as", "human:dave", argo.toString());

        assertThat(withSecrets.code()).isEqualTo(2);
        assertThat(withSecrets.err()).contains("--secrets does not apply to " + id);
        assertThat(revised.code()).as(revised.err()).isZero();
        String revision = revised.out().lines().findFirst().orElseThrow();
        assertThat(revised.out()).contains(revision + "  PROPOSED  staging (environment)");
        assertThat(Cli.run("show", "--repo", files.repo(), id).out()).contains("SUPERSEDED");
        assertThat(Cli.run("show", "--repo", files.repo(), revision).out())
                .contains("renderer  native -> argocd")
                .contains("file      argocd/staging/web.yaml");
        assertThat(approve(files, revision)).contains(revision + "  RECORDED  staging (environment)");
        assertThat(Cli.run("verify", "--repo", files.repo()).out()).contains("0 findings");
    }

    @Test
    void addsAnEnvironmentThenRetiresIt() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);

        Cli proposed = Cli.run(
                "propose-environment",
                "--repo",
                files.repo(),
                "--as",
                "human:dave",
                environment("qa", "flux").toString());
        assertThat(proposed.code()).as(proposed.err()).isZero();
        String id = proposed.out().lines().findFirst().orElseThrow();
        assertThat(Cli.run("show", "--repo", files.repo(), id).out())
                .contains(
                        "change    environment added",
                        "renderer  (none) -> flux",
                        "file      .countersign/environments/qa.yaml");
        assertThat(approve(files, id)).contains(id + "  RECORDED  qa (environment)");

        Cli retire = Cli.run("propose-environment", "--repo", files.repo(), "--as", "human:dave", "--retire", "qa");
        assertThat(retire.code()).as(retire.err()).isZero();
        String retirement = retire.out().lines().findFirst().orElseThrow();
        assertThat(Cli.run("show", "--repo", files.repo(), retirement).out()).contains("change    environment retired");
        assertThat(approve(files, retirement)).contains(retirement + "  RECORDED  qa (environment)");
        assertThat(Cli.run("verify", "--repo", files.repo()).out()).contains("0 findings");
    }

    @Test
    void asksForEitherAFileOrRetireAndRefusesToRetireAnEnvironmentWithStacks() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);
        approve(files, files.propose("agent:builder", files.stack()));

        Cli neither = Cli.run("propose-environment", "--repo", files.repo(), "--as", "human:dave");
        Cli withStacks =
                Cli.run("propose-environment", "--repo", files.repo(), "--as", "human:dave", "--retire", "staging");

        assertThat(neither.code()).isEqualTo(2);
        assertThat(neither.err()).contains("either ENV_FILE or --retire ENV");
        assertThat(withStacks.code()).isEqualTo(1);
        assertThat(withStacks.err()).contains("still records stacks [web]");
    }

    @Test
    void proposesARecipientsChangeOfAnEnvironmentWithoutSecrets() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);
        String recipient = "age1" + "q".repeat(58);

        Cli proposed = Cli.run(
                "propose-recipients",
                "--repo",
                files.repo(),
                "--as",
                "human:dave",
                "--env",
                "staging",
                "--add",
                recipient);

        assertThat(proposed.code()).as(proposed.err()).isZero();
        String id = proposed.out().lines().findFirst().orElseThrow();
        assertThat(Cli.run("show", "--repo", files.repo(), id).out())
                .contains("change    environment recipients", "file      .countersign/recipients/staging.sops.yaml");
    }
}

package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
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
    void showsWhatEachComponentDependsOn() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);
        Path stack = folder.resolve("web-with-db.yaml");
        Files.writeString(stack, """
                apiVersion: countersign.dev/v1
                kind: Stack
                metadata: {name: web}
                spec:
                  components:
                    - name: db
                      helm: {repository: https://charts.example.com, chart: db, version: 1.0.0, namespace: web}
                    - name: cache
                      helm: {repository: https://charts.example.com, chart: cache, version: 1.0.0, namespace: web}
                    - name: api
                      dependsOn: [db, cache]
                      helm: {repository: https://charts.example.com, chart: api, version: 1.0.0,
                             namespace: web, values: {replicas: "${replicas}"}}
                """);
        String id = files.propose("agent:builder", stack.toString());

        Cli text = Cli.run("show", "--repo", files.repo(), id);
        Cli json = Cli.run("show", "--repo", files.repo(), id, "--format", "json");

        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out())
                .contains("waves     [[cache, db], [api]]")
                .contains("depends   api on cache, db")
                .doesNotContain("depends   db")
                .doesNotContain("depends   cache");
        assertThat(json.out()).containsPattern("\"dependencies\" : \\{[^}]*\"api\" : \\[ \"cache\", \"db\" \\]");
    }

    @Test
    void writesJson() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);
        String id = files.propose("agent:builder", files.stack());

        Cli shown = Cli.run("show", "--repo", files.repo(), id, "--format", "json");

        assertThat(shown.out()).contains("\"id\" : \"" + id + "\"").contains("\"waves\"");
    }
}

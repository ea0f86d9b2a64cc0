package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.sops.AgeIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
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
                .contains("wave 1    api")
                .contains("component api (added)", "          +    replicas: \"${replicas}\"")
                .contains("variable  replicas = 2 from environment (.countersign/environments/staging.yaml) at"
                        + " api:/helm/values/replicas")
                .contains("file      environments/staging/web/stack.yaml (added)")
                .doesNotContain("[[", "{\"", "\u001b[")
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
                .contains("wave 1    cache, db\nwave 2    api\n")
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

    @Test
    void showsAChartBumpAsAHunkAChartLineAndItsBlastRadius() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);
        String first = files.propose("agent:builder", files.stack());
        assertThat(Cli.run("approve", "--repo", files.repo(), first, "--as", "human:alice")
                        .code())
                .isZero();
        String bump = files.propose("agent:builder", files.stackV2());

        Cli shown = Cli.run("show", "--repo", files.repo(), bump);

        assertThat(shown.out())
                .contains("component api (changed)\n          @@ -2,7 +2,7 @@\n")
                .contains("          -  version: \"1.0.0\"\n          +  version: \"2.0.0\"\n")
                .contains("chart     api: chart api from https://charts.example.com 1.0.0 (no digest) -> 2.0.0"
                        + " (no digest) changed")
                .contains("blast     api (changed): nothing depends on it")
                .contains("file      environments/staging/web/stack.yaml (changed)");
    }

    @Test
    void showsSecretsByFingerprintAndNeverTheirValueInTextJsonOrYaml() throws Exception {
        AgeIdentity key = AgeIdentity.generate(new SecureRandom());
        GitOpsFiles files = GitOpsFiles.initialized(folder, "--age-recipient", key.recipient());
        Path secrets = Files.writeString(folder.resolve("secrets.yaml"), "api_token: s3cr3t-show-token\n");
        Path stack = Files.writeString(folder.resolve("secured.yaml"), """
                apiVersion: countersign.dev/v1
                kind: Stack
                metadata: {name: secured}
                spec:
                  components:
                    - name: token
                      manifests:
                        - apiVersion: v1
                          kind: Secret
                          metadata: {name: api-token, namespace: secured}
                          stringData: {token: "${api_token}"}
                """);
        Cli proposed = Cli.run(
                "propose",
                "--repo",
                files.repo(),
                "--as",
                "human:alice",
                "--env",
                "staging",
                "--secrets",
                secrets.toString(),
                stack.toString());
        String id = proposed.out().lines().findFirst().orElseThrow();

        Cli text = Cli.run("show", "--repo", files.repo(), id);
        Cli json = Cli.run("show", "--repo", files.repo(), id, "-o", "json");
        Cli yaml = Cli.run("show", "--repo", files.repo(), id, "--output", "yaml");

        assertThat(text.out())
                .contains("secret    api_token added (value sops-encrypted, never shown)\n"
                        + "          fingerprint pbkdf2-sha256:600000:")
                .contains("secret    token:/manifests/0/stringData/token added")
                .contains("file      environments/staging/secured/secrets.sops.yaml (added, sops-encrypted, content"
                        + " never shown)\n          digest (none) -> sha256:")
                .contains("variable  api_token = <redacted> from override");
        assertThat(json.out())
                .contains("\"kind\" : \"encrypted\"", "\"fingerprintAfter\" : \"pbkdf2-sha256:")
                .contains("\"value\" : \"<redacted>\"");
        assertThat(yaml.out()).contains("kind: encrypted", "schema: countersign.dev/content/v1");
        assertThat(text.out() + json.out() + yaml.out() + text.err() + json.err() + yaml.err())
                .doesNotContain("s3cr3t-show-token");
    }

    @Test
    void coloursTheDiffWhenAskedAndNeverByDefaultWhenPiped() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);
        String id = files.propose("agent:builder", files.stack());

        Cli coloured = Cli.run("show", "--repo", files.repo(), id, "--color", "always");
        Cli never = Cli.runWith(Map.of(), "", "show", "--repo", files.repo(), id, "--color", "never");
        Cli piped = Cli.runWith(Map.of("NO_COLOR", "1"), "", "show", "--repo", files.repo(), id);

        assertThat(coloured.out())
                .contains("\u001b[32mcomponent api (added)\u001b[0m")
                .contains("          \u001b[36m@@ -0,0 +1,8 @@\u001b[0m")
                .contains("          \u001b[32m+name: api\u001b[0m");
        assertThat(never.out()).doesNotContain("\u001b[").contains("          +name: api");
        assertThat(piped.out()).isEqualTo(never.out());
    }

    @Test
    void writesTheContentModelAsJsonAndYaml() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);
        String id = files.propose("agent:builder", files.stack());

        Cli json = Cli.run("show", "--repo", files.repo(), id, "-o", "json");
        Cli yaml = Cli.run("show", "--repo", files.repo(), id, "-o", "yaml");
        Cli format = Cli.run("show", "--repo", files.repo(), id, "--format", "json");

        assertThat(json.out())
                .contains("\"content\" : {\n    \"blastRadius\" : [ ],\n    \"charts\" : [ {")
                .contains("\"schema\" : \"countersign.dev/content/v1\"")
                .contains("\"lines\" : [ \"+name: api\"")
                .contains("\"source\" : \".countersign/environments/staging.yaml\"");
        assertThat(yaml.out()).contains("content:\n  blastRadius: []\n", "  - header: \"@@ -0,0 +1,8 @@\"");
        assertThat(format.out()).isEqualTo(json.out());
    }
}

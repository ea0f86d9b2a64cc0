package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Through the command line: a plaintext secret handed to a Secret as a stack variable default. */
class VariableJudgedCliTest {
    private static final String PLAINTEXT = "plaintext-via-variable-9f8e7d6c";

    @TempDir
    Path folder;

    @Test
    void refusesAPlaintextSecretGivenAsAVariableDefaultAndWritesNoObjectHoldingIt() throws Exception {
        GitOpsFiles files = GitOpsFiles.initialized(folder);
        Path stack = Files.writeString(folder.resolve("token.yaml"), """
                apiVersion: countersign.dev/v1
                kind: Stack
                metadata: {name: token}
                spec:
                  variables: {tok: "%s"}
                  components:
                    - name: token
                      manifests:
                        - apiVersion: v1
                          kind: Secret
                          metadata: {name: api-token, namespace: web}
                          type: Opaque
                          stringData: {token: "${tok}"}
                """.formatted(PLAINTEXT));

        Cli denied = Cli.run(
                "propose",
                "--repo",
                files.repo(),
                "--as",
                "agent:builder",
                "--on-behalf-of",
                "human:dave",
                "--env",
                "staging",
                stack.toString());

        assertThat(denied.code()).isEqualTo(1);
        assertThat(denied.err()).contains("denied by rule").contains("secret");
        assertThat(denied.out() + denied.err()).doesNotContain(PLAINTEXT);
        assertThat(Cli.run("list", "--repo", files.repo()).out()).doesNotContain("token");
        Process git = new ProcessBuilder(
                        "git", "--git-dir=" + files.repo(), "cat-file", "--batch-all-objects", "--batch")
                .redirectErrorStream(true)
                .start();
        git.getOutputStream().close();
        String objects = new String(git.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertThat(git.waitFor()).isZero();
        assertThat(objects).isNotEmpty().doesNotContain(PLAINTEXT);
    }
}

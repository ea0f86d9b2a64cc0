package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.sops.AgeIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
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

    @Test
    void encryptsAHumansSecretsFileAndShowsTheirStatusOnly() throws Exception {
        AgeIdentity key = AgeIdentity.generate(new SecureRandom());
        GitOpsFiles files = GitOpsFiles.initialized(folder, "--age-recipient", key.recipient());
        Path secrets = Files.writeString(folder.resolve("secrets.yaml"), "api_token: s3cr3t-cli-token\n");

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
                secured());

        assertThat(proposed.code()).as(proposed.err()).isZero();
        String id = proposed.out().lines().findFirst().orElseThrow();
        Cli shown = Cli.run("show", "--repo", files.repo(), id);
        assertThat(shown.out())
                .contains("secret    api_token added (value sops-encrypted, never shown)")
                .doesNotContain("s3cr3t-cli-token");
        assertThat(proposed.out() + proposed.err()).doesNotContain("s3cr3t-cli-token");
    }

    @Test
    void deniesASecretsFileFromAnAgent() throws Exception {
        AgeIdentity key = AgeIdentity.generate(new SecureRandom());
        GitOpsFiles files = GitOpsFiles.initialized(folder, "--age-recipient", key.recipient());
        Path secrets = Files.writeString(folder.resolve("secrets.yaml"), "api_token: s3cr3t-cli-token\n");

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
                "--secrets",
                secrets.toString(),
                secured());

        assertThat(denied.code()).isEqualTo(1);
        assertThat(denied.err()).contains("rule secrets-from-humans").doesNotContain("s3cr3t-cli-token");
    }

    private String secured() throws Exception {
        return Files.writeString(folder.resolve("secured.yaml"), """
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
                        """).toString();
    }
}

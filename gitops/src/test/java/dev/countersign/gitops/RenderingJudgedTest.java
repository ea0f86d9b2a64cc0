package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.policy.Principal;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackException;
import dev.countersign.stack.StackFiles;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent reaching a denied place through a variable: the lifecycle judges each proposal as it will be
 * applied in its environment (variables resolved, secret values as placeholders) as well as written, so a
 * variable edit is an edit of every place it reaches.
 */
class RenderingJudgedTest {
    static final String POLICY = Samples.POLICY.replace("""
              protect:
                components: [postgres]
            """, """
              protect:
                components: [postgres]
              agentScope:
                deny: ["/helm/values/image/**"]
                denyKinds: [ClusterRole, ClusterRoleBinding]
            """);
    private static final Principal AGENT = Principal.agent("builder").actingFor(Principal.human("dave"));
    private static final Principal DAVE = Principal.human("dave");
    private static final Principal ALICE = Principal.human("alice");

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
        repo = GitOpsRepository.open(
                directory, Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC), new SecureRandom());
        repo.initialize(ALICE, POLICY, Samples.ENVIRONMENTS);
        return repo;
    }

    static Stack api(String variables, String values) {
        return StackFiles.parseStack("""
                apiVersion: countersign.dev/v1
                kind: Stack
                metadata: {name: api}
                spec:
                  variables: %s
                  components:
                    - name: api
                      helm: {repository: https://charts.example.com, chart: api, version: 1.0.0,
                             namespace: api, values: %s}
                """.formatted(variables, values), "api.yaml");
    }

    /** A first version proposed by a human and recorded, so the agent's change is an edit. */
    private void recorded(Stack stack) {
        Proposal first = repo.proposer(DAVE).propose("staging", stack, "first version", List.of());
        assertThat(repo.reviewer(ALICE).approve(first.id()).state()).isEqualTo(ProposalState.RECORDED);
    }

    private String head() {
        return repo.log().get(0).commit();
    }

    @Nested
    class DeniedPointers {
        private static final String VALUES = "{image: {repository: ghcr.io/acme/api, tag: \"${tag}\"}, replicas: 2}";

        @Test
        void refusesAVariableDefaultThatChangesADeniedPointer() {
            open();
            recorded(api("{tag: \"1.0.0\"}", VALUES));
            String head = head();

            assertThatThrownBy(() ->
                            repo.proposer(AGENT).propose("staging", api("{tag: \"6.6.6\"}", VALUES), "bump", List.of()))
                    .isInstanceOfSatisfying(
                            ActionDeniedException.class,
                            e -> assertThat(e.rule()).isEqualTo("agent-scope"))
                    .hasMessageContaining("/helm/values/image/tag");
            assertThat(head()).isEqualTo(head);
            assertThat(repo.proposals(null)).hasSize(1);
        }

        @Test
        void refusesTheChangeThroughNestedVariables() {
            open();
            recorded(api("{tag: \"${release}\", release: \"1.0.0\"}", VALUES));

            assertThatThrownBy(() -> repo.proposer(AGENT)
                            .propose(
                                    "staging",
                                    api("{tag: \"${release}\", release: \"6.6.6\"}", VALUES),
                                    "x",
                                    List.of()))
                    .isInstanceOfSatisfying(
                            ActionDeniedException.class,
                            e -> assertThat(e.rule()).isEqualTo("agent-scope"))
                    .hasMessageContaining("/helm/values/image/tag");
        }

        @Test
        void refusesTheChangeThroughAnArrayIndexAndAnEscapedPointer() {
            open();
            String values = "{image: {tags: [\"${tag}\"]}, \"a/b\": {image: \"${tag}\"}}";
            recorded(api("{tag: \"1.0.0\"}", values));

            assertThatThrownBy(() ->
                            repo.proposer(AGENT).propose("staging", api("{tag: \"6.6.6\"}", values), "x", List.of()))
                    .isInstanceOfSatisfying(
                            ActionDeniedException.class,
                            e -> assertThat(e.rule()).isEqualTo("agent-scope"))
                    .hasMessageContaining("/helm/values/image/tags/0");
        }

        @Test
        void allowsAVariableEditThatReachesOnlyAllowedPlaces() {
            open();
            String values = "{image: {tag: \"1.0.0\"}, replicas: \"${count}\"}";
            recorded(api("{count: 1}", values));

            Proposal p = repo.proposer(AGENT).propose("staging", api("{count: 3}", values), "scale", List.of());

            assertThat(repo.reviewer(ALICE).approve(p.id()).state()).isEqualTo(ProposalState.RECORDED);
            assertThat(repo.verify(null).findings()).isEmpty();
        }

        @Test
        void aVariableInAKeyIsNeverSubstitutedSoItReachesNoDeniedPlace() {
            open();
            recorded(api("{img: image}", "{replicas: 1}"));

            Proposal p = repo.proposer(AGENT)
                    .propose(
                            "staging",
                            api("{img: image}", "{replicas: 1, \"${img}\": {tag: \"6.6.6\"}}"),
                            "x",
                            List.of());

            assertThat(repo.review(p.id()).diff().changed().get("api"))
                    .extracting(change -> change.path())
                    .containsExactly("/helm/values/${img}");
        }
    }

    @Nested
    class Kinds {
        @Test
        void refusesAKindWrittenAsAVariable() {
            assertThatThrownBy(() -> StackFiles.parseStack("""
                            apiVersion: countersign.dev/v1
                            kind: Stack
                            metadata: {name: rbac}
                            spec:
                              variables: {k: ClusterRoleBinding}
                              components:
                                - name: rbac
                                  manifests:
                                    - {apiVersion: rbac.authorization.k8s.io/v1, kind: "${k}",
                                       metadata: {name: admin}, roleRef: {name: cluster-admin}}
                            """, "rbac.yaml"))
                    .isInstanceOf(StackException.class)
                    .hasMessageContaining("kind");
        }

        private static String manifest(String kind, String extra) {
            return """
                    apiVersion: countersign.dev/v1
                    kind: Stack
                    metadata: {name: data}
                    spec:
                      components:
                        - name: data
                          manifests:
                            - apiVersion: v1
                              kind: %s
                              metadata: {name: pgdata, namespace: db}
                    %s""".formatted(kind, extra);
        }

        @Test
        void refusesADecoyKindThatWouldTakeAnotherObjectsKey() {
            assertThatThrownBy(() -> StackFiles.parseStack(manifest("\"PersistentVolumeClaim/db\"", ""), "d.yaml"))
                    .isInstanceOf(StackException.class)
                    .hasMessageContaining("kind");
        }

        @Test
        void refusesAKindWithAUnicodeLookAlike() {
            assertThatThrownBy(() -> StackFiles.parseStack(manifest("\"Persistent\u0412olumeClaim\"", ""), "d.yaml"))
                    .isInstanceOf(StackException.class);
        }

        @Test
        void refusesTwoDeclarationsOfOneObject() {
            String twice = """
                            - apiVersion: v1
                              kind: PersistentVolumeClaim
                              metadata: {name: pgdata, namespace: db}
                    """;
            assertThatThrownBy(() -> StackFiles.parseStack(manifest("PersistentVolumeClaim", twice), "d.yaml"))
                    .isInstanceOf(StackException.class)
                    .hasMessageContaining("pgdata");
        }

        @Test
        void refusesDuplicateYamlKeysAndMergeKeys() {
            assertThatThrownBy(() -> StackFiles.parseStack(
                            manifest("PersistentVolumeClaim", "")
                                    .replace(
                                            "kind: PersistentVolumeClaim",
                                            "kind: PersistentVolumeClaim\n          kind: ConfigMap"),
                            "d.yaml"))
                    .isInstanceOf(StackException.class);
            assertThatThrownBy(() -> StackFiles.parseStack(
                            manifest("PersistentVolumeClaim", "")
                                    .replace(
                                            "metadata: {name: pgdata, namespace: db}",
                                            "metadata: {<<: {name: pgdata}, namespace: db}"),
                            "d.yaml"))
                    .isInstanceOf(StackException.class);
        }

        @Test
        void refusesADeniedKindToAnAgent() {
            open();
            Stack rbac = StackFiles.parseStack("""
                    apiVersion: countersign.dev/v1
                    kind: Stack
                    metadata: {name: rbac}
                    spec:
                      components:
                        - name: rbac
                          manifests:
                            - {apiVersion: rbac.authorization.k8s.io/v1, kind: ClusterRoleBinding,
                               metadata: {name: admin}, roleRef: {name: cluster-admin}}
                    """, "rbac.yaml");

            assertThatThrownBy(() -> repo.proposer(AGENT).propose("staging", rbac, "x", List.of()))
                    .isInstanceOfSatisfying(
                            ActionDeniedException.class,
                            e -> assertThat(e.rule()).isEqualTo("agent-scope"));
        }
    }

    @Nested
    class Credentials {
        @Test
        void refusesAnAwsKeyGivenAsAVariableDefaultWithoutEchoingIt() {
            open();
            String key = "AKIA" + "IOSFODNN7QWERTYZ";

            assertThatThrownBy(() -> repo.proposer(AGENT)
                            .propose(
                                    "staging",
                                    api("{key: \"" + key + "\"}", "{aws: {accessKeyId: \"${key}\"}}"),
                                    "x",
                                    List.of()))
                    .isInstanceOfSatisfying(
                            ActionDeniedException.class,
                            e -> assertThat(e.rule()).isEqualTo("credential-in-value"))
                    .hasMessageNotContaining(key);
            assertThat(repo.proposals(null)).isEmpty();
        }
    }
}

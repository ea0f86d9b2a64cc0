package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.policy.Principal;
import dev.countersign.stack.Environment;
import dev.countersign.stack.RendererChoice;
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
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Rendered object names are injective across the stacks of an environment and avoid reserved names; an object
 * keeps its component under a reconciler unless a human moves it.
 */
class RenderedNamesTest {
    private static final Principal DAVE = Principal.human("dave");
    private static final Principal ALICE = Principal.human("alice");
    private static final Principal AGENT = Principal.agent("builder").actingFor(DAVE);

    @TempDir
    Path directory;

    private GitOpsRepository repo;

    @AfterEach
    void close() {
        if (repo != null) {
            repo.close();
        }
    }

    private GitOpsRepository open(RendererChoice renderer) {
        repo = GitOpsRepository.open(
                directory, Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC), new SecureRandom());
        Environment staging = renderer == RendererChoice.ARGOCD
                ? new Environment("staging", "staging-eu", Map.of())
                        .withArgoCd(new dev.countersign.stack.ArgoCdSettings(
                                "https://git.example.com/gitops.git",
                                "main",
                                "default",
                                "https://kubernetes.default.svc"))
                : new Environment("staging", "staging-eu", Map.of(), renderer);
        repo.initialize(ALICE, Samples.POLICY, List.of(staging));
        return repo;
    }

    private static Stack stack(String name, String component) {
        return StackFiles.parseStack("""
                apiVersion: countersign.dev/v1
                kind: Stack
                metadata: {name: %s}
                spec:
                  components:
                    - name: %s
                      helm: {repository: https://charts.example.com, chart: app, version: 1.0.0,
                             namespace: apps, values: {replicas: 1}}
                """.formatted(name, component), name + ".yaml");
    }

    @Test
    void refusesAStackWhoseKustomizationNameAnotherStackAlreadyRenders() {
        open(RendererChoice.FLUX);
        Proposal first = repo.proposer(DAVE).propose("staging", stack("a-b", "c"), "first", List.of());
        repo.reviewer(ALICE).approve(first.id());
        String head = repo.log().get(0).commit();

        assertThatThrownBy(() -> repo.proposer(DAVE).propose("staging", stack("a", "b-c"), "collide", List.of()))
                .isInstanceOfSatisfying(RenderedNameException.class, e -> {
                    assertThat(e.name()).isEqualTo("a-b-c");
                    assertThat(e.proposed()).isEqualTo("a/b-c");
                    assertThat(e.holder()).isEqualTo("a-b/c");
                });
        assertThat(repo.log().get(0).commit()).isEqualTo(head);
        assertThat(repo.proposals(null)).hasSize(1);
    }

    @Test
    void refusesTheFluxBootstrapName() {
        open(RendererChoice.FLUX);

        assertThatThrownBy(() -> repo.proposer(DAVE).propose("staging", stack("flux", "system"), "x", List.of()))
                .isInstanceOfSatisfying(RenderedNameException.class, e -> {
                    assertThat(e.name()).isEqualTo("flux-system");
                    assertThat(e.holder()).isEqualTo("Flux's bootstrap");
                });
    }

    @Test
    void refusesAnArgoCdRootNameThatAnotherStacksApplicationHolds() {
        open(RendererChoice.ARGOCD);
        Proposal first = repo.proposer(DAVE).propose("staging", stack("a", "b"), "first", List.of());
        repo.reviewer(ALICE).approve(first.id());

        assertThatThrownBy(() -> repo.proposer(DAVE).propose("staging", stack("a-b", "c"), "x", List.of()))
                .isInstanceOfSatisfying(
                        RenderedNameException.class, e -> assertThat(e.name()).isEqualTo("a-b"));
    }

    @Test
    void allowsTheSameStackToBeProposedAgain() {
        open(RendererChoice.FLUX);
        Proposal first = repo.proposer(DAVE).propose("staging", stack("a", "b"), "first", List.of());
        repo.reviewer(ALICE).approve(first.id());

        Proposal second = repo.proposer(DAVE).propose("staging", stack("a", "c"), "rename", List.of());

        assertThat(second.state()).isEqualTo(ProposalState.PROPOSED);
    }

    private static Stack database(String component) {
        return StackFiles.parseStack("""
                apiVersion: countersign.dev/v1
                kind: Stack
                metadata: {name: db}
                spec:
                  components:
                    - name: %s
                      manifests:
                        - apiVersion: v1
                          kind: PersistentVolumeClaim
                          metadata: {name: pgdata, namespace: db}
                          spec: {resources: {requests: {storage: 10Gi}}}
                """.formatted(component), "db.yaml");
    }

    @Test
    void refusesAnAgentRenamingTheComponentThatHoldsAProtectedObject() {
        open(RendererChoice.FLUX);
        Proposal first = repo.proposer(DAVE).propose("staging", database("pvc"), "first", List.of());
        repo.reviewer(ALICE).approve(first.id());
        Principal agent = Principal.agent("builder").actingFor(DAVE);

        assertThatThrownBy(() -> repo.proposer(agent).propose("staging", database("storage"), "rename", List.of()))
                .isInstanceOfSatisfying(
                        ActionDeniedException.class, e -> assertThat(e.rule()).isEqualTo("object-move"))
                .hasMessageContaining("PersistentVolumeClaim")
                .hasMessageContaining("from component pvc to storage");
        assertThat(repo.proposals(null)).hasSize(1);
        assertThat(repo.proposer(DAVE)
                        .propose("staging", database("storage"), "rename", List.of())
                        .state())
                .isEqualTo(ProposalState.PROPOSED);
    }

    private static Environment staging(String renderer) {
        return EnvironmentProposalTest.environment("staging", "staging-eu", renderer, "5m");
    }

    private void recordNative(Stack... stacks) {
        repo = GitOpsRepository.open(
                directory, Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC), new SecureRandom());
        repo.initialize(ALICE, Samples.POLICY, List.of(staging("native")));
        for (Stack stack : stacks) {
            repo.reviewer(ALICE)
                    .approve(repo.proposer(DAVE)
                            .propose("staging", stack, "add " + stack.name(), List.of())
                            .id());
        }
    }

    @Test
    void refusesASwitchToFluxUnderWhichTwoRecordedStacksWouldRenderOneName() {
        recordNative(stack("a-b", "c"), stack("a", "b-c"));
        String head = repo.log().get(0).commit();

        assertThatThrownBy(() -> repo.proposer(AGENT).proposeEnvironment(staging("flux"), "to flux", List.of()))
                .isInstanceOfSatisfying(RenderedNameException.class, e -> {
                    assertThat(e.rule()).isEqualTo("rendered-names");
                    assertThat(e.name()).isEqualTo("a-b-c");
                    assertThat(List.of(e.proposed(), e.holder())).containsExactlyInAnyOrder("a/b-c", "a-b/c");
                })
                .hasMessageContaining("rule rendered-names")
                .hasMessageContaining("'a-b-c'");
        assertThat(repo.log().get(0).commit()).isEqualTo(head);
        assertThat(repo.proposals(null)).hasSize(2);
    }

    @Test
    void refusesASwitchFromFluxToArgoCdWhoseRootApplicationTakesAnotherStacksName() {
        open(RendererChoice.FLUX);
        for (Stack stack : List.of(stack("a", "b"), stack("a-b", "c"))) {
            repo.reviewer(ALICE)
                    .approve(repo.proposer(DAVE)
                            .propose("staging", stack, "add", List.of())
                            .id());
        }

        assertThatThrownBy(() -> repo.proposer(AGENT).proposeEnvironment(staging("argocd"), "to argo", List.of()))
                .isInstanceOfSatisfying(RenderedNameException.class, e -> {
                    assertThat(e.name()).isEqualTo("a-b");
                    assertThat(List.of(e.proposed(), e.holder())).containsExactlyInAnyOrder("a/b", "a-b");
                });
        assertThat(repo.proposals(null)).hasSize(2);
    }

    @Test
    void refusesASwitchThatWouldRenderTheReconcilersOwnName() {
        recordNative(stack("flux", "system"));

        assertThatThrownBy(() -> repo.proposer(AGENT).proposeEnvironment(staging("flux"), "to flux", List.of()))
                .isInstanceOfSatisfying(RenderedNameException.class, e -> {
                    assertThat(e.name()).isEqualTo("flux-system");
                    assertThat(e.proposed()).isEqualTo("flux/system");
                    assertThat(e.holder()).isEqualTo("Flux's bootstrap");
                });
    }

    @Test
    void refusesASwitchToArgoCdWhoseRootApplicationWouldTakeArgoCdsOwnName() {
        recordNative(stack("argocd", "server"));

        assertThatThrownBy(() -> repo.proposer(AGENT).proposeEnvironment(staging("argocd"), "to argo", List.of()))
                .isInstanceOfSatisfying(RenderedNameException.class, e -> {
                    assertThat(e.name()).isEqualTo("argocd");
                    assertThat(e.holder()).isEqualTo("Argo CD's own application");
                });
        assertThat(repo.proposer(AGENT)
                        .proposeEnvironment(staging("flux"), "to flux", List.of())
                        .state())
                .as("Flux reserves only flux-system")
                .isEqualTo(ProposalState.PROPOSED);
    }

    @Test
    void allowsASwitchWithoutCollisions() {
        recordNative(stack("a", "b"), stack("c", "d"));

        Proposal switched = repo.proposer(AGENT).proposeEnvironment(staging("flux"), "to flux", List.of());

        assertThat(switched.state()).isEqualTo(ProposalState.PROPOSED);
    }

    @Test
    void refusesAtRecordAStackWhoseNameAnotherStackTookWhileItWaited() {
        open(RendererChoice.FLUX);
        Proposal first = repo.proposer(DAVE).propose("staging", stack("a-b", "c"), "first", List.of());
        Proposal second = repo.proposer(DAVE).propose("staging", stack("a", "b-c"), "second", List.of());
        repo.reviewer(ALICE).approve(first.id());
        String head = repo.log().get(0).commit();

        assertThatThrownBy(() -> repo.reviewer(ALICE).approve(second.id()))
                .isInstanceOfSatisfying(
                        ActionDeniedException.class, e -> assertThat(e.rule()).isEqualTo("rendered-names"))
                .hasMessageContaining("record by")
                .hasMessageContaining("a/b-c and a-b/c both render the object name 'a-b-c'");
        assertThat(repo.log().get(0).commit()).isEqualTo(head);
    }

    @Test
    void refusesCaseAndUnicodeLookAlikesOfStackAndComponentNamesWhenTheStackIsRead() {
        assertThatThrownBy(() -> stack("A-b", "c")).isInstanceOf(dev.countersign.stack.InvalidNameException.class);
        assertThatThrownBy(() -> stack("a", "B-c")).isInstanceOf(dev.countersign.stack.InvalidNameException.class);
        assertThatThrownBy(() -> stack("a", "b\u2010c")).isInstanceOf(dev.countersign.stack.InvalidNameException.class);
        assertThatThrownBy(() -> stack("\uff41-b", "c")).isInstanceOf(dev.countersign.stack.InvalidNameException.class);
    }

    private static Stack declaring(String name, String manifest) {
        return StackFiles.parseStack("""
                apiVersion: countersign.dev/v1
                kind: Stack
                metadata: {name: %s}
                spec:
                  components:
                    - name: x
                      manifests:
                        - %s
                """.formatted(name, manifest), name + ".yaml");
    }

    /** Under every layout: Argo CD (a reconciler that would prune it) and native (a plain apply). */
    @ParameterizedTest
    @EnumSource(
            value = RendererChoice.class,
            names = {"ARGOCD", "NATIVE"})
    void refusesADecoyInAnotherStackDeclaringTheProtectedObject(RendererChoice renderer) throws Exception {
        open(renderer);
        Proposal first = repo.proposer(DAVE).propose("staging", database("pvc"), "first", List.of());
        repo.reviewer(ALICE).approve(first.id());
        var refs = PushServer.refs(directory);
        Stack decoy = declaring(
                "evil",
                "{apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: pgdata, namespace: db},"
                        + " spec: {resources: {requests: {storage: 1Gi}}}}");

        assertThatThrownBy(() -> repo.proposer(AGENT).propose("staging", decoy, "decoy", List.of()))
                .isInstanceOfSatisfying(RenderedNameException.class, e -> {
                    assertThat(e.name()).isEqualTo("PersistentVolumeClaim db/pgdata");
                    assertThat(e.proposed()).isEqualTo("evil/x");
                    assertThat(e.holder()).isEqualTo("db/pvc");
                })
                .hasMessageContaining("rule rendered-names");
        assertThat(repo.proposals(null)).hasSize(1);
        assertThat(PushServer.refs(directory)).isEqualTo(refs);
    }

    @Test
    void refusesTheSameObjectDeclaredThroughAVariableInAnotherStack() {
        open(RendererChoice.FLUX);
        repo.reviewer(ALICE)
                .approve(repo.proposer(DAVE)
                        .propose(
                                "staging",
                                declaring(
                                        "one",
                                        "{apiVersion: v1, kind: ConfigMap, metadata: {name: shared, namespace: apps}}"),
                                "first",
                                List.of())
                        .id());
        Stack second = StackFiles.parseStack("""
                apiVersion: countersign.dev/v1
                kind: Stack
                metadata: {name: two}
                spec:
                  variables: {n: shared}
                  components:
                    - name: x
                      manifests:
                        - {apiVersion: v1, kind: ConfigMap, metadata: {name: "${n}", namespace: apps}}
                """, "two.yaml");

        assertThatThrownBy(() -> repo.proposer(DAVE).propose("staging", second, "second", List.of()))
                .isInstanceOfSatisfying(RenderedNameException.class, e -> {
                    assertThat(e.name()).isEqualTo("ConfigMap apps/shared");
                    assertThat(e.holder()).isEqualTo("one/x");
                });
    }
}

package dev.countersign.gitops;

import static dev.countersign.gitops.testing.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.countersign.policy.Principal;
import dev.countersign.stack.FloatingVersionException;
import dev.countersign.stack.StackFiles;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The approval binds what will run, as a law over {@code propose}: whatever floating chart version (even one
 * that reaches the chart through a variable) or source kind an agent writes, the proposal is refused and no
 * proposal is stored. Counterexamples shrink to one short version or one kind with one revision.
 */
class AgentGuardPropertiesTest {
    private static final Principal AGENT = Principal.agent("builder").actingFor(Principal.human("dave"));

    @TempDir
    Path directory;

    private GitOpsRepository repo;
    private String main;

    @BeforeEach
    void open() {
        repo = GitOpsRepository.open(
                directory, Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC), new SecureRandom());
        main = repo.initialize(Principal.human("alice"), Samples.POLICY, Samples.ENVIRONMENTS);
    }

    @AfterEach
    void close() {
        repo.close();
    }

    @Test
    void anyFloatingVersionFromAnAgentIsRefusedAtPropose() {
        qt().withExamples(40).forAll(floatingVersions()).checkAssert(version -> {
            assertThatThrownBy(() -> repo.proposer(AGENT)
                            .propose(
                                    "staging",
                                    StackFiles.parseStack("""
                                    apiVersion: countersign.dev/v1
                                    kind: Stack
                                    metadata: {name: web}
                                    spec:
                                      variables: {v: "%s"}
                                      components:
                                        - name: api
                                          helm: {repository: oci://ghcr.io/acme/charts, chart: api, version: "${v}",
                                                 namespace: web}
                                    """.formatted(version), "web.yaml"),
                                    "bump",
                                    List.of()))
                    .isInstanceOf(FloatingVersionException.class);
            assertNothingLanded();
        });
    }

    @Test
    void anyUnlistedSourceKindFromAnAgentIsRefusedAtPropose() {
        qt().withExamples(40).forAll(sourceKinds(), revisions()).checkAssert((kind, revision) -> {
            String[] parts = kind.split(" ");
            assertThatThrownBy(() -> repo.proposer(AGENT)
                            .propose(
                                    "staging",
                                    StackFiles.parseStack("""
                                    apiVersion: countersign.dev/v1
                                    kind: Stack
                                    metadata: {name: tools}
                                    spec:
                                      components:
                                        - name: sync
                                          manifests:
                                            - apiVersion: %s
                                              kind: %s
                                              metadata: {name: payload, namespace: flux-system}
                                              spec: %s
                                    """.formatted(parts[0], parts[1], revision), "tools.yaml"),
                                    "add",
                                    List.of()))
                    .isInstanceOfSatisfying(
                            ActionDeniedException.class,
                            e -> assertThat(e.rule()).isEqualTo("reviewed-sources"))
                    .hasMessageContaining(parts[1] + "/flux-system/payload");
            assertNothingLanded();
        });
    }

    private void assertNothingLanded() {
        assertThat(repo.proposals(null)).isEmpty();
        assertThat(repo.log())
                .singleElement()
                .satisfies(change -> assertThat(change.commit()).isEqualTo(main));
    }

    private static Gen<String> floatingVersions() {
        Gen<String> exact = integers().between(0, 9).zip(integers().between(0, 9), (a, b) -> a + "." + b + ".0");
        return exact.zip(integers().between(0, 5), (version, shape) -> switch (shape) {
                    case 0 -> ">=" + version;
                    case 1 -> version.substring(0, version.indexOf('.')) + ".x";
                    case 2 -> "~" + version;
                    case 3 -> "^" + version;
                    case 4 -> version.substring(0, version.lastIndexOf('.'));
                    default -> version + " || 9.9.9";
                })
                .mix(Generate.pick(List.of("*", "latest", "")));
    }

    private static Gen<String> sourceKinds() {
        return Generate.pick(List.of(
                "source.toolkit.fluxcd.io/v1 GitRepository",
                "source.toolkit.fluxcd.io/v1 OCIRepository",
                "source.toolkit.fluxcd.io/v1 Bucket",
                "source.toolkit.fluxcd.io/v1 HelmRepository",
                "source.toolkit.fluxcd.io/v1 HelmChart",
                "helm.toolkit.fluxcd.io/v2 HelmRelease",
                "kustomize.toolkit.fluxcd.io/v1 Kustomization",
                "argoproj.io/v1alpha1 Application",
                "argoproj.io/v1alpha1 ApplicationSet",
                "argoproj.io/v1alpha1 AppProject"));
    }

    /** A spec fetching the attacker's repository: floating, or pinned but not listed in the policy. */
    private static Gen<String> revisions() {
        return Generate.pick(List.of(
                "{}",
                "{url: \"https://github.com/attacker/payload\", ref: {branch: main}}",
                "{url: \"https://github.com/attacker/payload\", ref: {commit: \"" + "ab".repeat(20) + "\"}}",
                "{url: \"oci://evil.example.com/payload\", ref: {digest: \"sha256:" + "cd".repeat(32) + "\"}}",
                "{source: {repoURL: \"https://github.com/attacker/payload\", targetRevision: HEAD}}"));
    }
}

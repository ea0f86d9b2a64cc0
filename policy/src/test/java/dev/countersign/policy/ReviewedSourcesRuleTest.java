package dev.countersign.policy;

import static dev.countersign.policy.Fixtures.ALICE;
import static dev.countersign.policy.Fixtures.BUILDER;
import static dev.countersign.policy.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.countersign.stack.StackFiles;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class ReviewedSourcesRuleTest {
    static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    static final String DIGEST = "sha256:" + "c".repeat(64);
    static final String ALLOWING = Fixtures.POLICY + """
              sources:
                kinds: [example.com/Mirror]
                allow:
                  - {url: "https://github.com/acme/apps", revision: "%s"}
                  - {url: "oci://ghcr.io/acme/manifests", revision: "%s"}
                  - {url: "https://github.com/acme/argo", revision: v1.2.3}
            """.formatted(COMMIT, DIGEST);

    static final String GIT_REPOSITORY = """
            {apiVersion: source.toolkit.fluxcd.io/v1, kind: GitRepository,
             metadata: {name: apps, namespace: flux-system}, spec: {url: "%s", ref: %s}}""";
    static final String KUSTOMIZATION = """
            {apiVersion: kustomize.toolkit.fluxcd.io/v1, kind: Kustomization,
             metadata: {name: apps, namespace: flux-system},
             spec: {prune: true, path: ./, sourceRef: {kind: GitRepository, name: apps}}}""";

    static Decision propose(Policy policy, Principal who, String... manifests) {
        String stack = """
                apiVersion: countersign.dev/v1
                kind: Stack
                metadata: {name: shop}
                spec:
                  components:
                    - name: delivery
                      manifests:
                """
                + String.join(
                        "",
                        List.of(manifests).stream()
                                .map(m -> "        - " + m.replace("\n", " ") + "\n")
                                .toList());
        return PolicyEngine.of(policy, Fixtures.CLOCK)
                .decide(PolicyRequest.builder(who, Action.PROPOSE, "staging")
                        .firstVersion(StackFiles.parseStack(stack, "s.yaml"))
                        .build());
    }

    static List<Reason> sourceReasons(Decision decision) {
        return decision.reasons().stream()
                .filter(r -> r.rule().equals("reviewed-sources"))
                .toList();
    }

    @Nested
    class Denied {
        @Test
        void theIssuesPayloadRepositoryAndItsKustomization() {
            Decision decision = propose(
                    Fixtures.policy(),
                    BUILDER,
                    GIT_REPOSITORY.formatted("https://github.com/attacker/payload", "{branch: main}"),
                    KUSTOMIZATION);

            assertThat(decision.allowed()).isFalse();
            assertThat(sourceReasons(decision))
                    .extracting(Reason::message)
                    .containsExactly(
                            "agent:builder may not add or change GitRepository/flux-system/apps: it makes the reconciler"
                                    + " fetch and apply content no reviewer saw; 'https://github.com/attacker/payload'"
                                    + " is fetched at a floating revision '': pin a commit, a sha256: digest or an"
                                    + " exact tag",
                            "agent:builder may not add or change Kustomization/flux-system/apps: it makes the reconciler"
                                    + " fetch and apply content no reviewer saw; it applies"
                                    + " 'GitRepository/flux-system/apps', which is not a pinned and allowed"
                                    + " GitRepository or OCIRepository of this stack");
            assertThat(sourceReasons(decision))
                    .extracting(Reason::path)
                    .containsExactly("delivery:/manifests/0", "delivery:/manifests/1");
        }

        @Test
        void aPinnedCommitThatThePolicyDoesNotList() {
            Decision decision = propose(
                    Policy.parse(ALLOWING),
                    ALICE,
                    GIT_REPOSITORY.formatted("https://github.com/attacker/payload", "{commit: " + COMMIT + "}"));

            assertThat(sourceReasons(decision))
                    .extracting(Reason::message)
                    .singleElement()
                    .asString()
                    .startsWith("human:alice may not add or change GitRepository/flux-system/apps")
                    .endsWith("'https://github.com/attacker/payload' at '" + COMMIT
                            + "' is not listed in spec.sources.allow");
        }

        @Test
        void anAllowedUrlAtAnotherRevision() {
            String other = "f".repeat(40);
            Decision decision = propose(
                    Policy.parse(ALLOWING),
                    BUILDER,
                    GIT_REPOSITORY.formatted("https://github.com/acme/apps", "{commit: " + other + "}"));

            assertThat(sourceReasons(decision))
                    .singleElement()
                    .extracting(Reason::message)
                    .asString()
                    .endsWith("at '" + other + "' is not listed in spec.sources.allow");
        }

        @Test
        void aCommitNextToAFloatingSemverRange() {
            Decision decision = propose(
                    Policy.parse(ALLOWING),
                    BUILDER,
                    GIT_REPOSITORY.formatted("https://github.com/acme/apps", "{semver: \">=1.0.0\"}"));

            assertThat(sourceReasons(decision))
                    .singleElement()
                    .extracting(Reason::message)
                    .asString()
                    .contains("is fetched at a floating revision ''");
        }

        @Test
        void kindsThatCannotBePinnedAndHostKinds() {
            Decision decision = propose(
                    Policy.parse(ALLOWING),
                    ALICE,
                    "{apiVersion: source.toolkit.fluxcd.io/v1, kind: Bucket, metadata: {name: b, namespace: f},"
                            + " spec: {bucketName: x, endpoint: s3.example.com}}",
                    "{apiVersion: argoproj.io/v1alpha1, kind: ApplicationSet, metadata: {name: s, namespace: argocd},"
                            + " spec: {}}",
                    "{apiVersion: example.com/v1, kind: Mirror, metadata: {name: m}, spec: {}}");

            assertThat(sourceReasons(decision))
                    .extracting(Reason::message)
                    .allMatch(m -> m.endsWith("its kind cannot be pinned to a reviewed revision"))
                    .hasSize(3);
        }

        @Test
        void anArgoApplicationAtABranch() {
            Decision decision = propose(
                    Policy.parse(ALLOWING),
                    BUILDER,
                    "{apiVersion: argoproj.io/v1alpha1, kind: Application, metadata: {name: a, namespace: argocd},"
                            + " spec: {source: {repoURL: \"https://github.com/acme/argo\", targetRevision: HEAD}}}");

            assertThat(sourceReasons(decision))
                    .singleElement()
                    .extracting(Reason::message)
                    .asString()
                    .contains("is fetched at a floating revision 'HEAD'");
        }
    }

    @Nested
    class Allowed {
        @Test
        void aListedCommitAndTheKustomizationApplyingIt() {
            Decision decision = propose(
                    Policy.parse(ALLOWING),
                    BUILDER,
                    GIT_REPOSITORY.formatted("https://github.com/acme/apps", "{commit: " + COMMIT + "}"),
                    KUSTOMIZATION);

            assertThat(sourceReasons(decision)).isEmpty();
        }

        @Test
        void aListedOciDigestAndAnArgoApplicationAtAListedTag() {
            Decision decision = propose(
                    Policy.parse(ALLOWING),
                    ALICE,
                    "{apiVersion: source.toolkit.fluxcd.io/v1beta2, kind: OCIRepository, metadata: {name: o},"
                            + " spec: {url: \"oci://ghcr.io/acme/manifests\", ref: {digest: \"" + DIGEST + "\"}}}",
                    "{apiVersion: argoproj.io/v1alpha1, kind: Application, metadata: {name: a, namespace: argocd},"
                            + " spec: {source: {repoURL: \"https://github.com/acme/argo\", targetRevision: v1.2.3}}}");

            assertThat(sourceReasons(decision)).isEmpty();
        }

        @Test
        void anUnchangedSourceNextToAnEditedObjectOfTheSameComponent() {
            String stack = """
                    apiVersion: countersign.dev/v1
                    kind: Stack
                    metadata: {name: shop}
                    spec:
                      components:
                        - name: delivery
                          manifests:
                            - %s
                            - {apiVersion: v1, kind: ConfigMap, metadata: {name: c, namespace: n}, data: {a: "1"}}
                    """.formatted(GIT_REPOSITORY
                    .formatted("https://github.com/attacker/payload", "{branch: main}")
                    .replace("\n", " "));
            Change change = Fixtures.change(stack, stack.replace("data: {a: \"1\"}", "data: {a: \"2\"}"));

            Decision decision = Fixtures.engine()
                    .decide(PolicyRequest.builder(ALICE, Action.PROPOSE, "staging")
                            .change(change)
                            .build());

            assertThat(change.edits()).extracting(Edit::pointer).containsExactly("/manifests/1/data/a");
            assertThat(decision.reasons()).isEmpty();
        }

        @Test
        void kindsOfOtherGroupsAreNotSources() {
            Decision decision = propose(
                    Fixtures.policy(),
                    BUILDER,
                    "{apiVersion: kustomize.config.k8s.io/v1beta1, kind: Kustomization, metadata: {name: k}}",
                    "{apiVersion: example.org/v1, kind: Application, metadata: {name: a}}");

            assertThat(sourceReasons(decision)).isEmpty();
        }

        @Test
        void aHostKindIsASourceInItsOwnGroupOnly() {
            Decision decision = propose(
                    Policy.parse(ALLOWING),
                    ALICE,
                    "{apiVersion: other.example.org/v1, kind: Mirror, metadata: {name: elsewhere}, spec: {}}",
                    "{apiVersion: v1, kind: ConfigMap, metadata: {name: c, namespace: n}, data: {a: b}}",
                    "{apiVersion: example.com/v1, kind: Mirror, metadata: {name: m}, spec: {}}");

            assertThat(sourceReasons(decision))
                    .extracting(Reason::message)
                    .singleElement()
                    .asString()
                    .contains("Mirror/m")
                    .endsWith("its kind cannot be pinned to a reviewed revision");
        }
    }

    @Nested
    class PolicyFile {
        @Test
        void rejectsAnAllowEntryWithAFloatingRevision() {
            String text = Fixtures.POLICY + """
                      sources:
                        allow: [{url: "https://github.com/acme/apps", revision: main}]
                    """;

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Policy.parse(text))
                    .isInstanceOf(InvalidPolicyException.class)
                    .hasMessageContaining("policy.spec.sources.allow[0].revision")
                    .hasMessageContaining("'main' is not an immutable revision");
        }

        @Test
        void rejectsAMalformedKind() {
            String text = Fixtures.POLICY + """
                      sources: {kinds: ["not a kind"]}
                    """;

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Policy.parse(text))
                    .isInstanceOf(InvalidPolicyException.class)
                    .hasMessageContaining("policy.spec.sources.kinds[0]");
        }
    }

    @Test
    void anyUnlistedSourceKindFromAnAgentIsDenied() {
        qt().forAll(sourceKinds(), integers().between(0, 2)).checkAssert((kind, pin) -> {
            String[] parts = {kind.substring(0, kind.indexOf(' ')), kind.substring(kind.indexOf(' ') + 1)};
            String spec = switch (pin) {
                case 0 -> "{}";
                case 1 -> "{url: \"https://github.com/attacker/x\", ref: {commit: " + COMMIT + "}}";
                default -> "{url: \"oci://evil.example.com/x\", ref: {digest: \"" + DIGEST + "\"}}";
            };
            Decision decision = propose(
                    Policy.parse(ALLOWING),
                    BUILDER,
                    "{apiVersion: " + parts[0] + ", kind: " + parts[1] + ", metadata: {name: x, namespace: n},"
                            + " spec: " + spec + "}");

            assertThat(decision.allowed()).isFalse();
            assertThat(sourceReasons(decision))
                    .singleElement()
                    .extracting(Reason::path)
                    .isEqualTo("delivery:/manifests/0");
        });
    }

    /** "group/version Kind" for every built-in source kind and the host-added one. */
    static Gen<String> sourceKinds() {
        return Generate.pick(List.of(
                "source.toolkit.fluxcd.io/v1 GitRepository",
                "source.toolkit.fluxcd.io/v1beta2 OCIRepository",
                "source.toolkit.fluxcd.io/v1 Bucket",
                "source.toolkit.fluxcd.io/v1 HelmRepository",
                "source.toolkit.fluxcd.io/v1 HelmChart",
                "helm.toolkit.fluxcd.io/v2 HelmRelease",
                "kustomize.toolkit.fluxcd.io/v1 Kustomization",
                "argoproj.io/v1alpha1 Application",
                "argoproj.io/v1alpha1 ApplicationSet",
                "argoproj.io/v1alpha1 AppProject",
                "example.com/v1 Mirror"));
    }
}

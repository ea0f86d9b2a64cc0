package dev.countersign.policy;

import static dev.countersign.policy.Fixtures.BUILDER;
import static dev.countersign.policy.Fixtures.DAVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.countersign.policy.Decision.Outcome;
import dev.countersign.stack.Environment;
import dev.countersign.stack.InvalidNameException;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackFiles;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, "judge the rendering": every rule judges the change as written and as it will be applied,
 * so a variable edit is an edit of every place it reaches.
 */
class RenderedJudgmentTest {
    private static final Environment STAGING = new Environment("staging", "kind", Map.of("api_admin", "s3cr3t-env"));
    private static final String STACK = """
            apiVersion: countersign.dev/v1
            kind: Stack
            metadata: {name: shop}
            spec:
              variables:
                tag: "1.0"
                registry: "${mirror}"
                mirror: ghcr.io
                pvc: data
              components:
                - name: storage
                  manifests:
                    - apiVersion: v1
                      kind: PersistentVolumeClaim
                      metadata: {name: "${pvc}", namespace: db}
                - name: api
                  helm:
                    repository: https://charts.example.com
                    chart: api
                    version: 1.0.0
                    namespace: shop
                    values:
                      replicaCount: 1
                      image: {tag: "${tag}", repository: "${registry}/shop/api"}
                      adminPassword: "${api_admin}"
                      sidecars: [{name: log, securityContext: {privileged: false}}]
                      "${tag}": literal-key
                  secrets: [/adminPassword]
            """;

    private final PolicyEngine engine = Fixtures.engine();

    private static Stack stack(String text) {
        return StackFiles.parseStack(text, "test");
    }

    private Decision propose(Principal who, String proposed) {
        return engine.decide(PolicyRequest.builder(who, Action.PROPOSE, "staging")
                .change(stack(STACK), stack(proposed), STAGING)
                .build());
    }

    private static String edit(String from, String to) {
        if (!STACK.contains(from)) {
            throw new IllegalArgumentException("not in the stack: " + from);
        }
        return STACK.replace(from, to);
    }

    @Nested
    class Scope {
        @Test
        void deniesAnAgentChangingADeniedPointerThroughAVariableDefault() {
            Decision decision = propose(BUILDER, edit("tag: \"1.0\"", "tag: \"6.6.6\""));

            assertThat(decision.reasons())
                    .extracting(Reason::rule, Reason::component, Reason::pointer, Reason::message)
                    .containsExactly(tuple(
                            "agent-scope",
                            "api",
                            "/helm/values/image/tag",
                            "agent:builder may not change this value: denied by '/helm/values/image/**'"));
        }

        @Test
        void followsANestedVariableIntoAnInterpolatedString() {
            Decision decision = propose(BUILDER, edit("mirror: ghcr.io", "mirror: evil.example.com"));

            assertThat(decision.reasons())
                    .extracting(Reason::rule, Reason::pointer)
                    .containsExactly(tuple("agent-scope", "/helm/values/image/repository"));
        }

        @Test
        void reachesAnArrayElementThroughAVariable() {
            String proposed = edit("privileged: false}", "privileged: \"${priv}\"}")
                    .replace("  pvc: data\n", "  pvc: data\n    priv: \"true\"\n");

            Decision decision = propose(BUILDER, proposed);

            assertThat(decision.reasons())
                    .extracting(Reason::rule, Reason::pointer)
                    .containsExactly(tuple("agent-scope", "/helm/values/sidecars/0/securityContext/privileged"));
        }

        @Test
        void neverSubstitutesAVariableInAKeySoItLandsNowhereElse() {
            Stack rendered = stack(STACK).render(STAGING).stack();

            assertThat(rendered.component("api").orElseThrow().toTree().toString())
                    .contains("${tag}=literal-key");
        }

        @Test
        void allowsAHumanTheSameEditAndShowsNoSecret() {
            Decision decision = propose(DAVE, edit("tag: \"1.0\"", "tag: \"6.6.6\""));

            assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
            assertThat(decision.reasons()).isEmpty();
            assertThat(decision.render() + decision.toJson()).doesNotContain("s3cr3t-env");
        }

        @Test
        void listsOneReasonOnceWhenBothViewsFindIt() {
            Decision decision =
                    propose(BUILDER, edit("replicaCount: 1", "replicaCount: 1\n          hostNetwork: true"));

            assertThat(decision.reasons())
                    .extracting(Reason::rule, Reason::pointer)
                    .containsExactly(tuple("agent-scope", "/helm/values/hostNetwork"));
        }
    }

    @Nested
    class Protection {
        @Test
        void seesAProtectedObjectRenamedThroughAVariableAsADeletion() {
            Decision decision = propose(DAVE, edit("pvc: data", "pvc: decoy"));

            assertThat(decision.reasons())
                    .extracting(Reason::rule, Reason::component, Reason::pointer)
                    .containsExactly(tuple("protection", "storage", "/manifests/0"));
        }
    }

    @Nested
    class Kinds {
        @Test
        void refusesAVariableInAKindAtParse() {
            assertThatThrownBy(() -> stack(edit("kind: PersistentVolumeClaim", "kind: \"${k}\"")))
                    .isInstanceOfSatisfying(
                            InvalidNameException.class,
                            e -> assertThat(e.name()).isEqualTo("${k}"));
        }

        @Test
        void wouldCatchADeniedKindInTheRenderingAnyway() {
            Snapshot written = manifests("${k}");
            Snapshot rendered = manifests("ClusterRoleBinding");
            Decision decision = engine.decide(PolicyRequest.builder(BUILDER, Action.PROPOSE, "staging")
                    .change(Change.between(Snapshot.EMPTY, written))
                    .rendered(Change.rendered(Snapshot.EMPTY, rendered))
                    .build());

            assertThat(decision.reasons())
                    .filteredOn(r -> r.message().contains("its kind is denied"))
                    .extracting(Reason::rule, Reason::component, Reason::pointer)
                    .containsExactly(tuple("agent-scope", "rbac", "/manifests/0"));
        }

        private static Snapshot manifests(String kind) {
            var content = Canonical.JSON.valueToTree(Map.of(
                    "manifests",
                    List.of(Map.of(
                            "apiVersion",
                            "rbac.authorization.k8s.io/v1",
                            "kind",
                            kind,
                            "metadata",
                            Map.of("name", "admin")))));
            return Snapshot.of(List.of(new ComponentState("rbac", content, List.of(), Set.of())), StackVariables.NONE);
        }
    }

    @Nested
    class Request {
        @Test
        void refusesAnotherEnvironmentThanTheRequests() {
            var production = new Environment("production", "kind", Map.of());

            assertThatThrownBy(() -> PolicyRequest.builder(DAVE, Action.PROPOSE, "staging")
                            .change(stack(STACK), stack(STACK), production))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("environment 'production'");
        }

        @Test
        void refusesAStackThatCannotBeRenderedNamingTheVariableNotAValue() {
            var bare = new Environment("staging", "kind", Map.of());

            assertThatThrownBy(() -> PolicyRequest.builder(DAVE, Action.PROPOSE, "staging")
                            .firstVersion(stack(STACK), bare))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("api_admin")
                    .hasMessageNotContaining("s3cr3t");
        }

        @Test
        void judgesAFirstVersionAsRendered() {
            PolicyRequest request = PolicyRequest.builder(BUILDER, Action.PROPOSE, "staging")
                    .firstVersion(stack(STACK), STAGING)
                    .build();

            assertThat(request.judgesRendering()).isTrue();
            assertThat(engine.decide(request).reasons())
                    .extracting(Reason::pointer)
                    .contains("/helm/values/image/tag", "/helm/values/sidecars/0/securityContext/privileged");
        }
    }
}

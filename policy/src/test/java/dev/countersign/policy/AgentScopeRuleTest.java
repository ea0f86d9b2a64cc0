package dev.countersign.policy;

import static dev.countersign.policy.Fixtures.ALICE;
import static dev.countersign.policy.Fixtures.BUILDER;
import static dev.countersign.policy.Fixtures.HASH_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AgentScopeRuleTest {
    private final PolicyEngine engine = Fixtures.engine();

    private Decision propose(Principal who, Change change) {
        return engine.decide(PolicyRequest.builder(who, Action.PROPOSE, "staging")
                .change(change)
                .build());
    }

    static Stream<Arguments> allowedEdits() {
        return Stream.of(
                Arguments.of("values: {replicaCount: 2}", "values: {replicaCount: 3}"),
                Arguments.of("values: {replicaCount: 2}", "values: {replicaCount: 2, resources: {limits: {cpu: 1}}}"));
    }

    @ParameterizedTest
    @MethodSource("allowedEdits")
    void letsAnAgentChangeAllowedPointers(String from, String to) {
        assertThat(propose(BUILDER, Fixtures.edit(from, to)).allowed()).isTrue();
    }

    static Stream<Arguments> deniedEdits() {
        return Stream.of(
                Arguments.of(
                        "image: {tag: \"1.0\"}",
                        "image: {tag: \"latest\"}",
                        "api",
                        "/helm/values/image/tag",
                        "denied by '/helm/values/image/**'"),
                Arguments.of(
                        "podSecurityContext: {runAsNonRoot: true}",
                        "podSecurityContext: {runAsNonRoot: true}\n          securityContext: {privileged: true}",
                        "api",
                        "/helm/values/securityContext/privileged",
                        "denied by '**/securityContext/**'"),
                Arguments.of(
                        "chart: web, version: 2.0.0",
                        "chart: web, version: 2.1.0",
                        "web",
                        "/helm/version",
                        "outside the allowed pointers [/helm/values/replicaCount, /helm/values/resources/**]"),
                Arguments.of(
                        "spec: {replicas: 1}",
                        "spec: {replicas: 1, template: {spec: {hostNetwork: true}}}",
                        "cache",
                        "/manifests/0/spec/template/spec/hostNetwork",
                        "denied by '**/hostNetwork'"));
    }

    @ParameterizedTest
    @MethodSource("deniedEdits")
    void deniesAnAgentChangingOtherPointersNamingThem(
            String from, String to, String component, String pointer, String why) {
        Decision decision = propose(BUILDER, Fixtures.edit(from, to));

        assertThat(decision.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.rule()).isEqualTo("agent-scope");
            assertThat(reason.component()).isEqualTo(component);
            assertThat(reason.pointer()).isEqualTo(pointer);
            assertThat(reason.message()).isEqualTo("agent:builder may not change this value: " + why);
        });
    }

    @Test
    void letsAHumanChangeAnything() {
        assertThat(propose(ALICE, Fixtures.edit("image: {tag: \"1.0\"}", "image: {tag: \"1.1\"}"))
                        .allowed())
                .isTrue();
    }

    @Test
    void judgesTheProposerWhenSomeoneElseRecords() {
        Decision decision = engine.decide(PolicyRequest.builder(Fixtures.CI, Action.RECORD, "staging")
                .proposer(BUILDER)
                .contentHash(HASH_A)
                .approvals(List.of(new Approval(ALICE, HASH_A)))
                .change(Fixtures.edit("image: {tag: \"1.0\"}", "image: {tag: \"1.1\"}"))
                .build());

        assertThat(decision.reasons()).extracting(Reason::rule).containsExactly("agent-scope");
    }

    @Test
    void deniesAnAgentTouchingADeniedKind() {
        Policy open = Policy.parse(Fixtures.POLICY.replace(
                "allow: [\"/helm/values/replicaCount\", \"/helm/values/resources/**\"]", "allow: []"));
        Change change = Fixtures.edit(
                "data: {max_connections: \"100\"}",
                "data: {max_connections: \"100\"}\n        - {apiVersion: rbac.authorization.k8s.io/v1,"
                        + " kind: ClusterRoleBinding, metadata: {name: root}, roleRef: {name: cluster-admin}}");

        Decision decision = PolicyEngine.of(open, Fixtures.CLOCK)
                .decide(PolicyRequest.builder(BUILDER, Action.PROPOSE, "staging")
                        .change(change)
                        .build());

        assertThat(decision.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.message())
                    .isEqualTo("agent:builder may not touch ClusterRoleBinding/root: its kind is denied to agents");
            assertThat(reason.path()).isEqualTo("postgres:/manifests/1");
        });
    }

    @Test
    void deniesAnAgentRemovingAnObjectOfADeniedKind() {
        Policy open = Policy.parse(Fixtures.POLICY.replace(
                "allow: [\"/helm/values/replicaCount\", \"/helm/values/resources/**\"]", "allow: []"));
        String binding = "spec: {replicas: 1}\n        - {apiVersion: rbac.authorization.k8s.io/v1,"
                + " kind: ClusterRoleBinding, metadata: {name: root}, roleRef: {name: cluster-admin}}";
        String base = Fixtures.STACK.replace("spec: {replicas: 1}", binding);

        Decision decision = PolicyEngine.of(open, Fixtures.CLOCK)
                .decide(PolicyRequest.builder(BUILDER, Action.PROPOSE, "staging")
                        .change(Fixtures.change(base, Fixtures.STACK))
                        .build());

        assertThat(decision.reasons())
                .extracting(Reason::path, Reason::message)
                .containsExactly(tuple(
                        "cache:/manifests/1",
                        "agent:builder may not touch ClusterRoleBinding/root: its kind is denied to agents"));
    }

    @Test
    void deniesAPointerThatIsAllowedAndDeniedBecauseTheDenyListWins() {
        Decision decision = propose(
                BUILDER,
                Fixtures.edit(
                        "values: {replicaCount: 2}",
                        "values: {replicaCount: 2, resources: {securityContext: {privileged: true}}}"));

        assertThat(decision.reasons())
                .extracting(Reason::path, Reason::message)
                .containsExactly(tuple(
                        "web:/helm/values/resources/securityContext/privileged",
                        "agent:builder may not change this value: denied by '**/securityContext/**'"));
    }

    @Test
    void listsExactlyTwentyPointersWithoutASummary() {
        StringBuilder many = new StringBuilder("values: {replicaCount: 2");
        List<String> expected = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.append(", k").append(i).append(": ").append(i);
            expected.add("web:/helm/values/k" + i);
        }
        Decision decision = propose(BUILDER, Fixtures.edit("values: {replicaCount: 2}", many + "}"));

        assertThat(decision.reasons()).extracting(Reason::path).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(decision.reasons())
                .extracting(Reason::message)
                .containsOnly("agent:builder may not change this value: outside the allowed pointers"
                        + " [/helm/values/replicaCount, /helm/values/resources/**]");
    }

    @Test
    void summarisesBeyondTwentyPointers() {
        StringBuilder many = new StringBuilder("values: {replicaCount: 2");
        for (int i = 0; i < 25; i++) {
            many.append(", k").append(i).append(": ").append(i);
        }
        Decision decision = propose(BUILDER, Fixtures.edit("values: {replicaCount: 2}", many + "}"));

        assertThat(decision.reasons()).hasSize(21);
        assertThat(decision.reasons().get(20).message()).isEqualTo("and 5 more values outside the scope");
    }
}

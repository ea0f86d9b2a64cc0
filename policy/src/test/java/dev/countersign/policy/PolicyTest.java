package dev.countersign.policy;

import static dev.countersign.policy.Fixtures.ALICE;
import static dev.countersign.policy.Fixtures.BOB;
import static dev.countersign.policy.Fixtures.BUILDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyTest {
    private final Policy policy = Fixtures.policy();

    @Nested
    class Reading {
        @Test
        void readsADocumentOfExactlyTheSizeLimitAndNamesItselfWithItsHash() {
            String padding = "#".repeat((1 << 20) - Fixtures.POLICY.length() - 1) + "\n";

            Policy policy = Policy.parse(Fixtures.POLICY + padding);

            assertThat(policy.toString()).isEqualTo("Policy[" + policy.name() + " " + policy.hash() + "]");
            assertThatThrownBy(() -> Policy.parse(Fixtures.POLICY + padding + "#"))
                    .isInstanceOf(InvalidPolicyException.class)
                    .hasMessageContaining("larger than");
        }

        @Test
        void readsNameAndRolesPerEnvironment() {
            assertThat(policy.name()).isEqualTo("acme");
            assertThat(policy.roles(BOB, "production")).containsExactly("admin");
            assertThat(policy.roles(BOB, "staging")).isEmpty();
            assertThat(policy.roles(ALICE, "anything")).containsExactly("approver");
        }

        @Test
        void grantsTheActionsOfTheBoundRoles() {
            assertThat(policy.permissions(BOB, "production")).contains(Action.UNPROTECT, Action.CHANGE_POLICY);
            assertThat(policy.permissions(BUILDER, "production"))
                    .containsExactlyInAnyOrder(Action.READ, Action.PROPOSE, Action.WITHDRAW);
        }

        @Test
        void givesADelegateOnlyWhatBothItAndTheHumanHold() {
            Policy viewers = Policy.parse(Fixtures.POLICY.replace(
                    "- {principal: \"human:dave\",  roles: [admin],    environments: [\"*\"]}",
                    "- {principal: \"human:dave\",  roles: [viewer],   environments: [\"*\"]}"));
            Principal delegate = BUILDER.actingFor(Principal.human("dave"));

            assertThat(viewers.permissions(delegate, "staging")).containsExactly(Action.READ);
        }

        @Test
        void readsApprovalsAndFreezeWindowsWithAFallbackForUnlistedEnvironments() {
            assertThat(policy.approvals("production").required()).isEqualTo(2);
            assertThat(policy.freezeWindows("production")).hasSize(2);
            assertThat(policy.approvals("dev")).isEqualTo(new ApprovalRule(1, java.util.Set.of("approver", "admin")));
            assertThat(policy.freezeWindows("dev")).isEmpty();
        }

        @Test
        void namesTheProtectedKindsWithTheBuiltInOnesAndTheProtectedComponents() {
            Policy more = Policy.parse(Fixtures.POLICY.replace(
                    "kinds: [PersistentVolumeClaim, StatefulSet, Namespace, CustomResourceDefinition]",
                    "kinds: [Secret]"));

            assertThat(more.protectedKinds())
                    .containsExactlyInAnyOrder(
                            "PersistentVolumeClaim", "StatefulSet", "Namespace", "CustomResourceDefinition", "Secret");
            assertThat(more.protectedComponents()).containsExactly("postgres");
        }

        @Test
        void bindsGroupsAndKindWildcards() {
            Policy grouped = Policy.parse("""
                    apiVersion: countersign.dev/v1
                    kind: Policy
                    metadata: {name: grouped}
                    spec:
                      roles: {viewer: [read], admin: [read, approve]}
                      groups: {sre: ["human:erin"]}
                      bindings:
                        - {group: sre, roles: [admin], environments: [staging]}
                        - {principal: "human:*", roles: [viewer], environments: ["*"]}
                    """);

            assertThat(grouped.roles(Principal.human("erin"), "staging")).containsExactly("admin", "viewer");
            assertThat(grouped.roles(Principal.human("zoe"), "production")).containsExactly("viewer");
            assertThat(grouped.roles(Principal.agent("zoe"), "production")).isEmpty();
        }

        @Test
        void namesGroupMembersAndExactlyBoundPrincipalsButNoPattern() {
            Policy sample = Policy.read(Path.of("..", "samples", "demo", "policy.yaml"));

            assertThat(sample.principals())
                    .extracting(Principal::name)
                    .containsExactly(
                            "agent:builder", "human:alice", "human:bob", "human:carol", "human:dave", "service:ci");
            assertThat(sample.principals())
                    .allSatisfy(p -> assertThat(p.onBehalfOf()).isNull());
        }

        @Test
        void readsAPolicyFileFromDisk(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("policy.yaml");
            Files.writeString(file, Fixtures.POLICY);

            assertThat(Policy.read(file).hash()).isEqualTo(policy.hash());
        }

        @Test
        void keepsTheDocumentItWasParsedFromExactlyAsGiven(@TempDir Path dir) throws Exception {
            String spelledDifferently = "# the team's policy\n" + Fixtures.POLICY.replace("\n", "\r\n");
            Path file = dir.resolve("policy.yaml");
            Files.writeString(file, spelledDifferently);

            assertThat(Policy.parse(spelledDifferently).source()).isEqualTo(spelledDifferently);
            assertThat(Policy.read(file).source()).isEqualTo(spelledDifferently);
            assertThat(Policy.read(file).hash()).isEqualTo(policy.hash());
        }

        @Test
        void reportsAMissingFileAsAPolicyFileException(@TempDir Path dir) {
            assertThatThrownBy(() -> Policy.read(dir.resolve("absent.yaml")))
                    .isInstanceOf(PolicyFileException.class)
                    .hasMessageContaining("absent.yaml");
        }

        @Test
        void parsesTheShippedSamplePolicy() {
            Policy sample = Policy.read(Path.of("..", "samples", "policies", "monitoring-policy.yaml"));

            assertThat(sample.approvals("production").required()).isEqualTo(2);
            assertThat(sample.approvals("staging").required()).isEqualTo(1);
            assertThat(sample.signedApprovals("production")).isTrue();
            assertThat(sample.signedApprovals("staging")).isTrue();
        }
    }

    @Nested
    class Hashing {
        @Test
        void hashesAsSha256OverCanonicalJson() {
            assertThat(policy.hash()).matches("sha256:[0-9a-f]{64}");
        }

        @Test
        void hashIsTheSameForAnyKeyOrderOrJsonSpelling() {
            String reordered = """
                    {"spec": {"roles": {"viewer": ["read"]}}, "metadata": {"name": "x"},
                     "kind": "Policy", "apiVersion": "countersign.dev/v1"}
                    """;
            String yaml = """
                    apiVersion: countersign.dev/v1
                    kind: Policy
                    metadata:
                      name: x
                    spec:
                      roles:
                        viewer: [read]
                    """;

            assertThat(Policy.parse(reordered).hash())
                    .isEqualTo(Policy.parse(yaml).hash());
        }

        @Test
        void hashChangesWhenAnyValueChanges() {
            Policy changed = Policy.parse(Fixtures.POLICY.replace("maxDependents: 3", "maxDependents: 4"));

            assertThat(changed.hash()).isNotEqualTo(policy.hash());
        }
    }

    @Nested
    class Rejecting {
        static Stream<Arguments> invalidPolicies() {
            return Stream.of(
                    Arguments.of(
                            "spec:\n  roles:\n    viewer: [read]\n  colour: blue",
                            "policy.spec",
                            "unknown key 'colour'"),
                    Arguments.of(
                            "spec:\n  roles:\n    viewer: [deploy]",
                            "policy.spec.roles.viewer[0]",
                            "unknown action 'deploy'"),
                    Arguments.of("spec:\n  roles:\n    viewer: []", "policy.spec.roles.viewer", "at least one action"),
                    Arguments.of(
                            "spec:\n  roles:\n    viewer: [read, read]", "policy.spec.roles.viewer[1]", "listed twice"),
                    Arguments.of("spec:\n  roles:\n    viewer: read", "policy.spec.roles.viewer", "must be a list"),
                    Arguments.of(
                            "spec:\n  roles: {viewer: [read]}\n  bindings:\n"
                                    + "    - {principal: \"human:a\", roles: [root], environments: [\"*\"]}",
                            "policy.spec.bindings[0].roles[0]",
                            "unknown role 'root'"),
                    Arguments.of(
                            "spec:\n  roles: {viewer: [read]}\n  bindings:\n"
                                    + "    - {principal: \"robot:a\", roles: [viewer], environments: [\"*\"]}",
                            "policy.spec.bindings[0].principal",
                            "unknown kind 'robot'"),
                    Arguments.of(
                            "spec:\n  roles: {viewer: [read]}\n  bindings:\n"
                                    + "    - {roles: [viewer], environments: [\"*\"]}",
                            "policy.spec.bindings[0]",
                            "exactly one of 'principal' or 'group'"),
                    Arguments.of(
                            "spec:\n  roles: {viewer: [read]}\n  environments:\n"
                                    + "    prod: {approvals: {required: 1, from: [viewer]}}",
                            "policy.spec.environments.prod.approvals.from[0]",
                            "cannot approve"),
                    Arguments.of(
                            "spec:\n  roles: {a: [approve]}\n  environments:\n"
                                    + "    prod: {approvals: {required: \"2\", from: [a]}}",
                            "policy.spec.environments.prod.approvals.required",
                            "must be a whole number"),
                    Arguments.of(
                            "spec:\n  roles: {a: [approve]}\n  environments:\n"
                                    + "    prod: {approvals: {required: 99, from: [a]}}",
                            "policy.spec.environments.prod.approvals.required",
                            "out of range"),
                    Arguments.of(
                            "spec:\n  roles: {a: [approve]}\n  environments:\n    prod:\n      freeze:\n"
                                    + "        - {weekly: {days: [SAT]}, zone: Europe/Berln, reason: r}",
                            "policy.spec.environments.prod.freeze[0].zone",
                            "unknown time zone 'Europe/Berln'"),
                    Arguments.of(
                            "spec:\n  roles: {a: [approve]}\n  environments:\n    prod:\n      freeze:\n"
                                    + "        - {weekly: {days: [SAMSTAG]}, zone: UTC, reason: r}",
                            "policy.spec.environments.prod.freeze[0].weekly.days[0]",
                            "unknown day 'SAMSTAG'"),
                    Arguments.of(
                            "spec:\n  roles: {a: [approve]}\n  environments:\n    prod:\n      freeze:\n"
                                    + "        - {from: \"2027-01-05T00:00:00Z\", to: \"2026-12-20T00:00:00Z\","
                                    + " reason: r}",
                            "policy.spec.environments.prod.freeze[0]",
                            "must be before"),
                    Arguments.of(
                            "spec:\n  roles: {a: [approve]}\n  environments:\n    prod:\n      freeze:\n"
                                    + "        - {from: \"2026-12-20T00:00:00+01:00\", to: \"2027-01-05T00:00:00Z\","
                                    + " reason: r}",
                            "policy.spec.environments.prod.freeze[0].from",
                            "not a UTC instant"),
                    Arguments.of(
                            "spec:\n  roles: {a: [approve]}\n  environments:\n    prod:\n      freeze:\n"
                                    + "        - {weekly: {days: [SAT], from: \"18:00\", to: \"08:00\"},"
                                    + " zone: UTC, reason: r}",
                            "policy.spec.environments.prod.freeze[0]",
                            "must be before"),
                    Arguments.of(
                            "spec:\n  roles: {a: [approve]}\n  environments:\n    prod:\n      freeze:\n"
                                    + "        - {weekly: {days: [SAT]}, zone: UTC}",
                            "policy.spec.environments.prod.freeze[0]",
                            "missing required key 'reason'"),
                    Arguments.of(
                            "spec:\n  roles: {a: [approve]}\n  agentScope:\n    allow: [\"/a/**\"]\n"
                                    + "    deny: [\"/a/**\"]",
                            "policy.spec.agentScope",
                            "both allowed and denied"),
                    Arguments.of(
                            "spec:\n  roles: {a: [approve]}\n  agentScope:\n    allow: [\"a/b\"]",
                            "policy.spec.agentScope.allow[0]",
                            "not a pointer glob"),
                    Arguments.of(
                            "spec:\n  roles: {a: [approve]}\n  protect:\n    kinds: [pvc]",
                            "policy.spec.protect.kinds[0]",
                            "not a Kubernetes kind"),
                    Arguments.of(
                            "spec:\n  roles: {a: [approve]}\n  blastRadius: {maxDependents: 3}",
                            "policy.spec.blastRadius",
                            "missing required key 'extraApprovals'"));
        }

        @ParameterizedTest
        @MethodSource("invalidPolicies")
        void rejectsNamingTheField(String spec, String field, String problem) {
            String document = "apiVersion: countersign.dev/v1\nkind: Policy\nmetadata: {name: x}\n" + spec + "\n";

            assertThatThrownBy(() -> Policy.parse(document))
                    .isInstanceOfSatisfying(
                            InvalidPolicyException.class,
                            e -> assertThat(e.field()).isEqualTo(field))
                    .hasMessageContaining(problem);
        }

        @Test
        void rejectsAnotherKind() {
            assertThatThrownBy(() -> Policy.parse(Fixtures.POLICY.replace("kind: Policy", "kind: Stack")))
                    .isInstanceOf(InvalidPolicyException.class)
                    .hasMessageContaining("policy.kind: 'Stack' is not supported: must be Policy");
        }

        @Test
        void rejectsDuplicateKeys() {
            assertThatThrownBy(
                            () -> Policy.parse(Fixtures.POLICY.replace("kind: Policy", "kind: Policy\nkind: Policy")))
                    .isInstanceOf(InvalidPolicyException.class)
                    .hasMessageContaining("not valid YAML")
                    .hasMessageContaining("kind");
        }

        @Test
        void rejectsAnEmptyDocument() {
            assertThatThrownBy(() -> Policy.parse(""))
                    .isInstanceOf(InvalidPolicyException.class)
                    .hasMessageContaining("empty");
        }
    }
}
